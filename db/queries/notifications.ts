import 'server-only';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { goalReads, goalVersions, planItems } from '@/db/schema';

// Plain reads for what waits for a person; who must answer which requests is decided by the caller
// (lib/domain/notifications), so no permission rule hides in a query.

/** The latest published goal version when this person has not confirmed reading it yet, otherwise null. */
export async function unreadGoalVersion(db: Database, organizationId: string, userId: string): Promise<number | null> {
  const [latest] = await db
    .select({ id: goalVersions.id, version: goalVersions.version })
    .from(goalVersions)
    .where(
      and(
        eq(goalVersions.organizationId, organizationId),
        eq(goalVersions.status, 'published'),
        isNotNull(goalVersions.version),
      ),
    )
    .orderBy(desc(goalVersions.version))
    .limit(1);
  if (!latest?.version) return null;
  const [read] = await db
    .select({ userId: goalReads.userId })
    .from(goalReads)
    .where(
      and(
        eq(goalReads.organizationId, organizationId),
        eq(goalReads.goalVersionId, latest.id),
        eq(goalReads.userId, userId),
      ),
    );
  return read ? null : latest.version;
}

/** The open plan items this person owns whose due date is before `today` (a calendar date, YYYY-MM-DD). */
export async function overdueItemsOwnedBy(db: Database, organizationId: string, userId: string, today: string) {
  const rows = await db
    .select({
      id: planItems.id,
      title: planItems.title,
      departmentId: planItems.departmentId,
      dueDate: planItems.dueDate,
    })
    .from(planItems)
    .where(
      and(
        eq(planItems.organizationId, organizationId),
        eq(planItems.ownerUserId, userId),
        inArray(planItems.status, ['planned', 'in_progress']),
        sql`${planItems.dueDate} < ${today}`,
      ),
    );
  // Only items with a due date can be overdue, so the date is there.
  return rows.map((item) => ({ ...item, dueDate: item.dueDate! }));
}
