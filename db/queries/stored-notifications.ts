import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notifications } from '@/db/schema';

/** One event to tell people about; `eventKey` names the event, so it is stored once per person however often written. */
export interface NotificationEvent {
  kind: string;
  subjectType: string;
  subjectId: string;
  eventKey: string;
  /** Who did it; null for the system or an anonymous author. */
  actorUserId: string | null;
  details: Record<string, string | number | null>;
}

/**
 * Stores the event for each person, in the caller's transaction (the same one as the event). The person who did it
 * is not told about their own doing. Returns how many rows were new.
 */
export async function notify(
  db: Database,
  organizationId: string,
  userIds: readonly string[],
  event: NotificationEvent,
  doneBy: string | null = event.actorUserId,
): Promise<number> {
  const recipients = [...new Set(userIds)].filter((id) => id !== doneBy);
  if (recipients.length === 0) return 0;
  const inserted = await db
    .insert(notifications)
    .values(
      recipients.map((userId) => ({
        organizationId,
        userId,
        kind: event.kind,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        eventKey: event.eventKey,
        actorUserId: event.actorUserId,
        details: event.details,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}

/** Unread stored notifications of a person: the bell's count (computed reminders are added by the caller). */
export async function unreadCount(db: Database, organizationId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(
      and(
        eq(notifications.organizationId, organizationId),
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
      ),
    );
  return row?.n ?? 0;
}

/** What the list and the daily mail show of a notification. */
const listed = {
  id: notifications.id,
  kind: notifications.kind,
  subjectType: notifications.subjectType,
  subjectId: notifications.subjectId,
  details: notifications.details,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

const mine = (organizationId: string, userId: string) =>
  and(eq(notifications.organizationId, organizationId), eq(notifications.userId, userId));

/**
 * A page of a person's stored notifications: the unread ones first, then the read ones, each newest first.
 * `hasMore` says whether a next page exists (one row more is read to know).
 */
export async function listNotifications(
  db: Database,
  organizationId: string,
  userId: string,
  { page = 1, pageSize = 50 }: { page?: number; pageSize?: number } = {},
) {
  const rows = await db
    .select(listed)
    .from(notifications)
    .where(mine(organizationId, userId))
    .orderBy(sql`${notifications.readAt} IS NULL DESC`, desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { notifications: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}

/** One notification of the organization, with whose it is: the caller checks that it is the person's own. */
export async function findNotification(db: Database, organizationId: string, notificationId: string) {
  const [row] = await db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      subjectType: notifications.subjectType,
      subjectId: notifications.subjectId,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(eq(notifications.organizationId, organizationId), eq(notifications.id, notificationId)));
  return row ?? null;
}

/** Marks one of the person's notifications read; returns whether it was unread. */
export async function markNotificationRead(
  db: Database,
  organizationId: string,
  userId: string,
  notificationId: string,
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(mine(organizationId, userId), eq(notifications.id, notificationId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Marks every unread notification of the person read; returns how many were unread. */
export async function markAllNotificationsRead(
  db: Database,
  organizationId: string,
  userId: string,
  now = new Date(),
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(mine(organizationId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The person's unread notifications that no daily mail has listed yet, newest first (at most `limit`). */
export async function unreadUnmailed(db: Database, organizationId: string, userId: string, limit = 500) {
  return db
    .select(listed)
    .from(notifications)
    .where(and(mine(organizationId, userId), isNull(notifications.readAt), isNull(notifications.mailedAt)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/** Records that a daily mail told the person about these notifications. */
export async function markMailed(
  db: Database,
  organizationId: string,
  userId: string,
  notificationIds: readonly string[],
  now = new Date(),
) {
  if (notificationIds.length === 0) return;
  await db
    .update(notifications)
    .set({ mailedAt: now })
    .where(and(mine(organizationId, userId), inArray(notifications.id, [...notificationIds])));
}
