import 'server-only';
import { setDailyMail as storeDailyMail } from '@/db/queries/daily-mail';
import {
  findNotification,
  markAllNotificationsRead as markAllRead,
  markNotificationRead as markRead,
} from '@/db/queries/stored-notifications';
import { type Actor, command, organizationScope } from '@/lib/auth/command';
import { refuse } from '@/lib/auth/errors';
import {
  dailyMailSchema,
  markAllNotificationsReadSchema,
  markNotificationReadSchema,
} from '@/lib/validation/notifications';

// Each person manages their own notifications: another person's notification is "not found", exactly like another
// organization's, so an id reveals nothing.

/** The notification when it is the caller's own; anyone else's is not found, and the transaction changes nothing. */
function ownOnly<N extends { userId: string }>(notification: N, actor: Actor): N {
  if (notification.userId !== actor.userId) throw refuse.notFound();
  return notification;
}

/** Marks one notification read (again: nothing changes); answers where its subject is, for "open". */
export const markNotificationRead = command({
  permission: 'notifications.manage',
  input: markNotificationReadSchema,
  load: (tx, organizationId, input) => findNotification(tx, organizationId, input.notificationId),
  run: async ({ tx, actor, resource, audit }) => {
    const notification = ownOnly(resource, actor);
    if (await markRead(tx, actor.organizationId, actor.userId, notification.id)) {
      audit({
        action: 'notification.read',
        entityType: 'notification',
        entityId: notification.id,
        changes: { kind: notification.kind },
      });
    }
    return { subjectType: notification.subjectType, subjectId: notification.subjectId };
  },
});

/** Marks every unread notification of the caller read. */
export const markAllNotificationsRead = command({
  permission: 'notifications.manage',
  input: markAllNotificationsReadSchema,
  load: organizationScope,
  run: async ({ tx, actor, audit }) => {
    const count = await markAllRead(tx, actor.organizationId, actor.userId);
    if (count > 0) {
      audit({ action: 'notification.readAll', entityType: 'notification', changes: { count } });
    }
    return { count };
  },
});

/** The caller's choice of a daily mail of their unread notifications in this organization. */
export const setDailyMail = command({
  permission: 'notifications.manage',
  input: dailyMailSchema,
  load: organizationScope,
  run: async ({ tx, actor, input, audit }) => {
    const changed = await storeDailyMail(tx, actor.organizationId, actor.userId, input.dailyMail);
    if (changed === null) throw refuse.notFound();
    if (changed) {
      audit({
        action: 'member.dailyMail',
        entityType: 'member',
        entityId: actor.userId,
        changes: { dailyMail: input.dailyMail },
      });
    }
    return { dailyMail: input.dailyMail };
  },
});
