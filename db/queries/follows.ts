import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { follows } from '@/db/schema';

/** What can be followed. */
export type FollowSubject = 'idea';

/**
 * Follows by default (the person submitted or voted on it): nothing changes when they follow it already or
 * unfollowed it before, so an unfollow holds.
 */
export async function followByDefault(
  db: Database,
  organizationId: string,
  userId: string,
  subjectType: FollowSubject,
  subjectId: string,
) {
  await db.insert(follows).values({ organizationId, userId, subjectType, subjectId }).onConflictDoNothing();
}

/** The person's own choice: follow or unfollow. */
export async function setFollowing(
  db: Database,
  organizationId: string,
  userId: string,
  subjectType: FollowSubject,
  subjectId: string,
  following: boolean,
) {
  await db
    .insert(follows)
    .values({ organizationId, userId, subjectType, subjectId, following })
    .onConflictDoUpdate({
      target: [follows.organizationId, follows.userId, follows.subjectType, follows.subjectId],
      set: { following },
    });
}

export async function isFollowing(
  db: Database,
  organizationId: string,
  userId: string,
  subjectType: FollowSubject,
  subjectId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ following: follows.following })
    .from(follows)
    .where(
      and(
        eq(follows.organizationId, organizationId),
        eq(follows.userId, userId),
        eq(follows.subjectType, subjectType),
        eq(follows.subjectId, subjectId),
      ),
    );
  return row?.following ?? false;
}

/** Who follows the thing now (members only: a removed member's follows went with their membership). */
export async function followersOf(
  db: Database,
  organizationId: string,
  subjectType: FollowSubject,
  subjectId: string,
): Promise<string[]> {
  const rows = await db
    .select({ userId: follows.userId })
    .from(follows)
    .where(
      and(
        eq(follows.organizationId, organizationId),
        eq(follows.subjectType, subjectType),
        eq(follows.subjectId, subjectId),
        eq(follows.following, true),
      ),
    );
  return rows.map((r) => r.userId);
}

/** Moves the follows of a merged idea to the one that stays, keeping each person's choice there when they had one. */
export async function moveFollows(
  db: Database,
  organizationId: string,
  subjectType: FollowSubject,
  fromId: string,
  toId: string,
) {
  await db.execute(sql`
    INSERT INTO ${follows} (organization_id, user_id, subject_type, subject_id, following)
    SELECT organization_id, user_id, subject_type, ${toId}, following FROM ${follows}
    WHERE organization_id = ${organizationId} AND subject_type = ${subjectType} AND subject_id = ${fromId}
    ON CONFLICT DO NOTHING`);
}
