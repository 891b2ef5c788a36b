import 'server-only';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { impactResults, organizations, planItems, weeklyImprovements } from '@/db/schema';
import type { ChangeKind } from '@/lib/impact/card-schema';
import { impactSettingsOf } from '@/lib/impact/settings';
import { cardCalendar } from '@/lib/impact/window';

/**
 * Keeping stored impact cards honest. Every write that can change a card calls one of these in its own transaction;
 * the rows it marks stale are recomputed by the background worker (lib/impact-worker), never on a page's request.
 */

/** The day a change took effect, or null when it has none (a plan item not done) or no longer exists. */
async function changeDateOf(db: Database, organizationId: string, kind: ChangeKind, id: string) {
  if (kind === 'improvement') {
    const [row] = await db
      .select({ date: weeklyImprovements.effectiveDate })
      .from(weeklyImprovements)
      .where(and(eq(weeklyImprovements.organizationId, organizationId), eq(weeklyImprovements.id, id)));
    return row?.date ?? null;
  }
  if (kind === 'plan-item') {
    const [row] = await db
      .select({ date: planItems.effectiveDate, status: planItems.status })
      .from(planItems)
      .where(and(eq(planItems.organizationId, organizationId), eq(planItems.id, id)));
    return row?.status === 'done' ? row.date : null;
  }
  return null;
}

/** Marks stale every stored card whose window holds a day from `from` to `to`. */
export async function markImpactStaleForDays(db: Database, organizationId: string, from: string, to: string) {
  await db
    .update(impactResults)
    .set({ stale: true, staleSince: sql`now()` })
    .where(
      and(
        eq(impactResults.organizationId, organizationId),
        lte(impactResults.windowStart, to),
        gte(impactResults.windowEnd, from),
        eq(impactResults.stale, false),
      ),
    );
}

/** Marks every card of the organization stale: its windows or thresholds changed. */
export async function markAllImpactStale(db: Database, organizationId: string) {
  await db
    .update(impactResults)
    .set({ stale: true, staleSince: sql`now()` })
    .where(eq(impactResults.organizationId, organizationId));
}

/**
 * After a change is logged, edited or deleted: its own card is (re)queued with its window, or removed when it has
 * nothing to measure any more, and every card whose window holds its old or new date is marked stale, since it is
 * modelled there as another change. Call inside the transaction that wrote the change.
 */
export async function changeTouched(
  db: Database,
  organizationId: string,
  kind: ChangeKind,
  id: string,
  previousDate: string | null = null,
) {
  const [organization] = await db
    .select({
      weekStartsOn: organizations.weekStartsOn,
      impactBaselineWeeks: organizations.impactBaselineWeeks,
      impactWashoutWeeks: organizations.impactWashoutWeeks,
      impactAfterWeeks: organizations.impactAfterWeeks,
      impactThresholds: organizations.impactThresholds,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) return;
  const date = await changeDateOf(db, organizationId, kind, id);
  const key = and(
    eq(impactResults.organizationId, organizationId),
    eq(impactResults.changeKind, kind),
    eq(impactResults.changeId, id),
  );
  for (const day of [previousDate, date]) if (day) await markImpactStaleForDays(db, organizationId, day, day);
  if (!date) {
    await db.delete(impactResults).where(key);
    return;
  }
  const { windows } = impactSettingsOf(organization);
  const calendar = cardCalendar(date, windows, organization.weekStartsOn);
  await db
    .insert(impactResults)
    .values({ organizationId, changeKind: kind, changeId: id, windowStart: calendar.start, windowEnd: calendar.end })
    .onConflictDoUpdate({
      target: [impactResults.organizationId, impactResults.changeKind, impactResults.changeId],
      set: { windowStart: calendar.start, windowEnd: calendar.end, stale: true, staleSince: sql`now()` },
    });
}
