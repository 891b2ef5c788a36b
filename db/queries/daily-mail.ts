import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, notifications, organizations, users } from '@/db/schema';

/** Whether the member gets the daily mail of their unread notifications; null when they are no member. */
export async function dailyMailOf(db: Database, organizationId: string, userId: string): Promise<boolean | null> {
  const [row] = await db
    .select({ dailyMail: memberships.dailyMail })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row?.dailyMail ?? null;
}

/**
 * Turns the member's daily mail on or off. Returns whether it changed, or null when they are no member (removed
 * meanwhile).
 */
export async function setDailyMail(
  db: Database,
  organizationId: string,
  userId: string,
  dailyMail: boolean,
): Promise<boolean | null> {
  const before = await db
    .select({ dailyMail: memberships.dailyMail })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .for('update');
  if (before.length === 0) return null;
  if (before[0]!.dailyMail === dailyMail) return false;
  await db
    .update(memberships)
    .set({ dailyMail })
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return true;
}

/** The calendar date of an instant in the organization's time zone (SQL both databases accept). */
const localDate = (instant: unknown) => sql`((${instant})::timestamptz AT TIME ZONE ${organizations.timeZone})::date`;

/**
 * Everyone, in every organization, whose daily mail is due at `now`: they chose it, their account is enabled,
 * they have an unread notification no mail listed yet, it is `fromHour` or later in their organization's time zone,
 * and no daily mail went to them earlier on that calendar day there. The worker's read, across organizations.
 */
export async function dueDailyMails(db: Database, now: Date, fromHour: number) {
  const at = now.toISOString();
  return db
    .select({
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      userId: memberships.userId,
      email: users.email,
      name: users.name,
      locale: users.locale,
      timeZone: organizations.timeZone,
      sentAt: memberships.dailyMailSentAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.dailyMail, true),
        eq(users.disabled, false),
        sql`extract(hour from (${at}::timestamptz AT TIME ZONE ${organizations.timeZone})) >= ${fromHour}`,
        sql`(${memberships.dailyMailSentAt} IS NULL OR ${localDate(memberships.dailyMailSentAt)} < ${localDate(at)})`,
        sql`EXISTS (SELECT 1 FROM ${notifications} WHERE ${notifications.organizationId} = ${memberships.organizationId}
          AND ${notifications.userId} = ${memberships.userId}
          AND ${notifications.readAt} IS NULL AND ${notifications.mailedAt} IS NULL)`,
      ),
    );
}

/**
 * Takes today's daily mail for the member: sets when it was sent, only if it still reads `previous` and the mail is
 * still on. Two servers sharing a database cannot both take it, so it goes out once. Returns whether it was taken.
 */
export async function claimDailyMail(
  db: Database,
  organizationId: string,
  userId: string,
  previous: Date | null,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(memberships)
    .set({ dailyMailSentAt: now })
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.userId, userId),
        eq(memberships.dailyMail, true),
        // Read back as milliseconds, as JavaScript holds it.
        previous === null
          ? sql`${memberships.dailyMailSentAt} IS NULL`
          : sql`date_trunc('milliseconds', ${memberships.dailyMailSentAt}) = ${previous.toISOString()}::timestamptz`,
      ),
    )
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

/** Gives back a daily mail that could not be sent, so the next run tries again: `claimed` becomes `previous`. */
export async function releaseDailyMail(
  db: Database,
  organizationId: string,
  userId: string,
  claimed: Date,
  previous: Date | null,
) {
  await db
    .update(memberships)
    .set({ dailyMailSentAt: previous })
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.userId, userId),
        eq(memberships.dailyMailSentAt, claimed),
      ),
    );
}
