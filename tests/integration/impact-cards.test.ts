/**
 * Issue 11: stored impact cards stay honest. A logged change queues its card; the worker computes it from the
 * rollups; answers inside its window (recorded, imported or undone) and another change inside its window mark it
 * stale in the same transaction; answers elsewhere or in another organization do not; a card marked stale while it
 * was being computed is not stored over; every verdict change is kept with its date.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertTouchpoint } from '@/db/queries/journey';
import { claimStaleImpact, storeImpactCard, verdictHistory } from '@/db/queries/impact';
import { changeTouched } from '@/db/queries/impact-staleness';
import { type NewResponse, deleteImportedResponses, recordResponses } from '@/db/queries/responses';
import { impactResults, responseImports } from '@/db/schema';
import { computeImpactCard, recomputeStaleImpact } from '@/lib/impact-service/compute';
import { findChange } from '@/db/queries/changes';
import { impactCardSchema } from '@/lib/impact/card-schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { insertFixtureImprovement } from '@/tests/fixtures/weekly';
import { addDays } from '@/lib/domain/weeks';

const db = useTestDatabase();
let own: OrganizationFixture;
let other: OrganizationFixture;
let courier: string;
let checkout: string;
let improvement: string;
/** The change takes effect on Wednesday 4 March 2026 (week of Monday 2 March, UTC). */
const CHANGE = '2026-03-04';
/** The days the card reads: 27 weeks of history before the change's week (placebo line) to the end of its after window. */
const WINDOW = { start: '2025-08-25', end: '2026-04-05' };

/** `count` NPS answers of `score` on `day`. */
function nps(touchpointId: string, day: string, score: number, count: number, extra: Partial<NewResponse> = {}) {
  return Array.from({ length: count }, (): NewResponse => ({
    touchpointId,
    metric: 'nps',
    score,
    respondedAt: new Date(`${day}T12:00:00Z`),
    source: 'seed',
    ...extra,
  }));
}

async function record(f: OrganizationFixture, responses: NewResponse[]) {
  await db.transaction((tx) => recordResponses(tx, { id: f.organizationId, timeZone: 'UTC' }, responses));
}

const row = async (f: OrganizationFixture, id: string) =>
  (
    await db
      .select()
      .from(impactResults)
      .where(and(eq(impactResults.organizationId, f.organizationId), eq(impactResults.changeId, id)))
  )[0];

/** Twelve weeks of answers at three touchpoints: 40 a week each, half promoters, a quarter detractors. */
async function seedAnswers(f: OrganizationFixture, touchpointIds: string[]) {
  const answers: NewResponse[] = [];
  for (let week = 0; week < 12; week++) {
    const day = addDays('2026-01-28', 7 * week);
    for (const id of touchpointIds)
      answers.push(...nps(id, day, 10, 20), ...nps(id, day, 8, 10), ...nps(id, day, 3, 10));
  }
  await record(f, answers);
}

beforeAll(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
  const add = async (f: OrganizationFixture, name: string) =>
    (
      await insertTouchpoint(db, f.organizationId, {
        name,
        stageId: f.stageId,
        departmentId: f.departmentA,
        channel: 'online',
      })
    ).id;
  courier = await add(own, 'Courier delivery');
  checkout = await add(own, 'Checkout');
  await seedAnswers(own, [own.touchpointId, courier, checkout]);
  await seedAnswers(other, [other.touchpointId]);
  improvement = await insertFixtureImprovement(db, own.organizationId, {
    departmentId: own.departmentA,
    weekStart: '2026-03-02',
    effectiveDate: CHANGE,
    createdBy: own.lead.userId,
    title: 'Text the delivery slot',
    touchpointIds: [courier],
  });
  await db.transaction((tx) => changeTouched(tx, own.organizationId, 'improvement', improvement));
});

describe('a logged change', () => {
  it('queues its card, stale, with the days its window reads', async () => {
    expect(await row(own, improvement)).toMatchObject({
      stale: true,
      windowStart: WINDOW.start,
      windowEnd: WINDOW.end,
      card: null,
    });
  });

  it('is computed by the worker from the rollups and stored, no longer stale, its first verdict kept', async () => {
    expect(await recomputeStaleImpact(db, own.organizationId)).toBe(1);
    const stored = await row(own, improvement);
    expect(stored?.stale).toBe(false);
    const card = impactCardSchema.parse(stored?.card);
    expect(card.status).toBe('measured');
    const nps = card.metrics[0]!;
    expect(nps).toMatchObject({ metric: 'nps', estimator: 'model', before: { n: 160 }, after: { n: 160 } });
    expect(nps.comparison.map((c) => c.name).sort()).toEqual(['Checkout', 'Website']);
    // The same answers everywhere: no effect, and a narrow interval around zero.
    expect(Math.abs(nps.estimate!)).toBeLessThan(1e-9);
    expect(await verdictHistory(db, own.organizationId, 'improvement', improvement)).toEqual([
      expect.objectContaining({ metric: 'nps', verdict: nps.verdict, previousVerdict: null }),
    ]);
  });
});

describe('what marks a card stale', () => {
  it('answers recorded inside its window, at any touchpoint of the organization', async () => {
    await record(own, nps(checkout, '2026-03-20', 10, 5));
    expect((await row(own, improvement))?.stale).toBe(true);
    await recomputeStaleImpact(db, own.organizationId);
    expect((await row(own, improvement))?.stale).toBe(false);
  });

  it('answers recorded in its history, which its placebo line reads', async () => {
    await record(own, nps(checkout, '2025-10-01', 10, 5));
    expect((await row(own, improvement))?.stale).toBe(true);
    await recomputeStaleImpact(db, own.organizationId);
    expect((await row(own, improvement))?.stale).toBe(false);
  });

  it('not answers outside the days it reads, nor answers in another organization', async () => {
    await record(own, nps(checkout, '2026-06-20', 10, 5));
    await record(other, nps(other.touchpointId, '2026-03-20', 10, 5));
    expect((await row(own, improvement))?.stale).toBe(false);
  });

  it('an import undone inside its window, and the recomputed card counts the answers again', async () => {
    const [created] = await db
      .insert(responseImports)
      .values({ organizationId: own.organizationId, fileName: 'late.csv', createdBy: own.executive.userId })
      .returning({ id: responseImports.id });
    await record(own, nps(courier, '2026-03-25', 10, 30, { importId: created!.id }));
    await recomputeStaleImpact(db, own.organizationId);
    const withImport = impactCardSchema.parse((await row(own, improvement))?.card).metrics[0]!;
    expect(withImport.after.n).toBe(190);
    await db.transaction((tx) => deleteImportedResponses(tx, own.organizationId, created!.id));
    expect((await row(own, improvement))?.stale).toBe(true);
    await recomputeStaleImpact(db, own.organizationId);
    expect(impactCardSchema.parse((await row(own, improvement))?.card).metrics[0]!.after.n).toBe(160);
  });

  it('another change logged inside its window, which the recomputed card then models as its own term', async () => {
    const second = await insertFixtureImprovement(db, own.organizationId, {
      departmentId: own.departmentB,
      weekStart: '2026-02-16',
      effectiveDate: '2026-02-18',
      createdBy: own.executive.userId,
      title: 'New checkout button',
      touchpointIds: [checkout],
    });
    await db.transaction((tx) => changeTouched(tx, own.organizationId, 'improvement', second));
    expect((await row(own, improvement))?.stale).toBe(true);
    await recomputeStaleImpact(db, own.organizationId);
    const card = impactCardSchema.parse((await row(own, improvement))?.card);
    expect(card.metrics[0]!.heldApart.map((c) => c.title)).toEqual(['New checkout button']);
    // The chart marks the changes at the card's own touchpoint; the one at Checkout is named among those modelled.
    expect(card.changesInWindow.map((c) => c.title)).toEqual(['Text the delivery slot']);
  });
});

describe('the worker', () => {
  it('leaves a card stale when answers arrive while it is being computed, and computes it again', async () => {
    await record(own, nps(courier, '2026-03-26', 10, 1));
    const [claimed] = await claimStaleImpact(db, own.organizationId, 10);
    expect(claimed).toMatchObject({ kind: 'improvement', id: improvement });
    await record(own, nps(courier, '2026-03-27', 10, 1)); // arrives while the card is computed
    const fresh = await storeImpactCard(db, own.organizationId, claimed!, claimed!.card, claimed!.card!, WINDOW);
    expect(fresh).toBe(false);
    expect((await row(own, improvement))?.stale).toBe(true);
    await recomputeStaleImpact(db, own.organizationId);
    expect((await row(own, improvement))?.stale).toBe(false);
  });

  it('keeps each verdict change with the verdict it replaced', async () => {
    // A strong rise at the courier only, from the after window on: the verdict moves.
    const rise: NewResponse[] = [];
    for (const day of ['2026-03-10', '2026-03-17', '2026-03-24', '2026-03-31'])
      rise.push(...nps(courier, day, 10, 150));
    await record(own, rise);
    await recomputeStaleImpact(db, own.organizationId);
    const history = await verdictHistory(db, own.organizationId, 'improvement', improvement);
    const last = history.at(-1)!;
    expect(last).toMatchObject({ metric: 'nps', verdict: 'better' });
    expect(last.previousVerdict).toBe(history.at(-2)!.verdict);
  });

  it('forgets the card of a change that is gone', async () => {
    const gone = '00000000-0000-4000-8000-00000000dead';
    await db
      .insert(impactResults)
      .values({ organizationId: own.organizationId, changeKind: 'improvement', changeId: gone });
    await recomputeStaleImpact(db, own.organizationId);
    expect(await row(own, gone)).toBeUndefined();
  });
});

describe('a card on request', () => {
  it('counts answers recorded or undone since the last card on request, though it keeps the weeks it read', async () => {
    const change = (await findChange(db, own.organizationId, 'improvement', improvement))!;
    const windows = { baselineWeeks: 4, washoutWeeks: 1, afterWeeks: 2 };
    const afterN = async () => (await computeImpactCard(db, own.organizationId, change, windows))!.metrics[0]!.after.n;
    const first = await afterN();
    expect(await afterN()).toBe(first);
    await record(own, nps(courier, '2026-03-12', 10, 3));
    expect(await afterN()).toBe(first + 3);
    // Undone: a week's row loses answers, so the weeks are read again.
    const [imported] = await db
      .insert(responseImports)
      .values({ organizationId: own.organizationId, fileName: 'late.csv' })
      .returning();
    await record(own, nps(courier, '2026-03-13', 0, 2, { source: 'import', importId: imported!.id }));
    expect(await afterN()).toBe(first + 5);
    await db.transaction((tx) => deleteImportedResponses(tx, own.organizationId, imported!.id));
    expect(await afterN()).toBe(first + 3);
  });

  it('gives the same card from the weeks it kept and refreshed as from weeks read anew', async () => {
    const change = (await findChange(db, own.organizationId, 'improvement', improvement))!;
    const windows = { baselineWeeks: 4, washoutWeeks: 1, afterWeeks: 4 };
    await computeImpactCard(db, own.organizationId, change, windows);
    await record(own, [...nps(courier, '2026-03-19', 0, 4), ...nps(checkout, '2026-02-10', 10, 6)]);
    const refreshed = await computeImpactCard(db, own.organizationId, change, windows);
    // The worker reads every week anew for the card it stores.
    await recomputeStaleImpact(db, own.organizationId);
    const stored = impactCardSchema.parse((await row(own, improvement))?.card);
    expect(refreshed).toEqual(stored);
  });
});
