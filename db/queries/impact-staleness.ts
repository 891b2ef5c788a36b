import 'server-only';
import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { impactResults, levers, organizations, planItems, weeklyImprovements } from '@/db/schema';
import type { ChangeKind } from '@/lib/impact/card-schema';
import { impactSettingsOf } from '@/lib/impact/settings';
import { daysRead } from '@/lib/impact/window';

/**
 * Keeping stored impact cards honest. Every write that can change a card calls one of these in its own transaction;
 * the rows it marks stale are recomputed by the background worker (lib/impact-service), never on a page's request.
 * A row is fresh (stale false), waiting (stale, stale_since set) or being computed (stale, stale_since null: claimed
 * by the worker). A mark on a row being computed sets stale_since again, so the worker knows its card is already old.
 */

/**
 * The day a change took effect, or null when it has none (a plan item not done, a planned accelerator, an open
 * blocker) or no longer exists.
 */
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
  // A lever: the day the accelerator was put in place or the blocker removed; none while planned or open.
  const [row] = await db
    .select({ date: levers.effectiveDate })
    .from(levers)
    .where(and(eq(levers.organizationId, organizationId), eq(levers.id, id)));
  return row?.date ?? null;
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
        // Fresh cards, and cards the worker is computing now (claimed: stale_since null). A card already waiting is
        // left alone, so concurrent answers never queue on the same rows.
        or(eq(impactResults.stale, false), isNull(impactResults.staleSince)),
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
  const { from, to } = daysRead(date, windows, organization.weekStartsOn);
  await db
    .insert(impactResults)
    .values({ organizationId, changeKind: kind, changeId: id, windowStart: from, windowEnd: to })
    .onConflictDoUpdate({
      target: [impactResults.organizationId, impactResults.changeKind, impactResults.changeId],
      set: { windowStart: from, windowEnd: to, stale: true, staleSince: sql`now()` },
    });
}

/** Forgets the card of a change that no longer exists. */
export async function deleteImpactResult(db: Database, organizationId: string, kind: ChangeKind, id: string) {
  await db
    .delete(impactResults)
    .where(
      and(
        eq(impactResults.organizationId, organizationId),
        eq(impactResults.changeKind, kind),
        eq(impactResults.changeId, id),
      ),
    );
}

/**
 * Queues a card for every change that has none yet (changes logged before cards existed, the seed): one statement
 * per kind. The worker computes them and sets their windows.
 */
export async function queueMissingImpactResults(db: Database, organizationId: string) {
  await db.execute(sql`
    INSERT INTO impact_results (organization_id, change_kind, change_id)
    SELECT organization_id, 'improvement'::change_kind, id FROM weekly_improvements WHERE organization_id = ${organizationId}::uuid
    UNION ALL
    SELECT organization_id, 'plan-item'::change_kind, id FROM plan_items
      WHERE organization_id = ${organizationId}::uuid AND status = 'done' AND effective_date IS NOT NULL
    UNION ALL
    SELECT organization_id, 'lever'::change_kind, id FROM levers
      WHERE organization_id = ${organizationId}::uuid AND effective_date IS NOT NULL
    ON CONFLICT DO NOTHING`);
}

/** Puts a claimed card back at the end of the queue (its computation failed). */
export async function requeueImpactResult(db: Database, organizationId: string, kind: ChangeKind, id: string) {
  await db
    .update(impactResults)
    .set({ stale: true, staleSince: sql`now()` })
    .where(
      and(
        eq(impactResults.organizationId, organizationId),
        eq(impactResults.changeKind, kind),
        eq(impactResults.changeId, id),
      ),
    );
}
