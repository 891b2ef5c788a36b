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

/**
 * Marks one notification read (again: nothing changes); answers where its subject is, for "open". Reading is the
 * person's own state, not a change others care about: no audit event.
 */
export const markNotificationRead = command({
  permission: 'notifications.manage',
  input: markNotificationReadSchema,
  audited: false,
  load: (tx, organizationId, input) => findNotification(tx, organizationId, input.notificationId),
  run: async ({ tx, actor, resource }) => {
    const notification = ownOnly(resource, actor);
    await markRead(tx, actor.organizationId, actor.userId, notification.id);
    return { subjectType: notification.subjectType, subjectId: notification.subjectId };
  },
});

/** Marks every unread notification of the caller read (no audit event, as above). */
export const markAllNotificationsRead = command({
  permission: 'notifications.manage',
  input: markAllNotificationsReadSchema,
  audited: false,
  load: organizationScope,
  run: async ({ tx, actor }) => {
    const count = await markAllRead(tx, actor.organizationId, actor.userId);
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
