/**
 * Issue 13: the ranked register as the page and the API read it (rankedRegister). Measured levers are ranked by the
 * shrunken effect on their target metric, in units of the organization's minimum meaningful change; a constructed
 * set where the raw ranking puts a tiny-sample lever first and the shrunken one does not; the levers that are not
 * ranked, each with its reason.
 *
 * One card is computed from real answers; the levers' cards are stored as copies of it with constructed effects on
 * their target metric, so that what the ranking reads is known exactly.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChange } from '@/db/queries/changes';
import { impactResults, levers, organizations } from '@/db/schema';
import { computeImpactCard } from '@/lib/impact-service/compute';
import type { ImpactCard, MetricImpact } from '@/lib/impact/card-schema';
import { rankedRegister } from '@/lib/levers/ranked-register';
import { useTestDatabase } from '@/tests/fixtures/database';
import { courierWithNpsAnswers, insertFixtureLever } from '@/tests/fixtures/levers';
import type { OrganizationFixture } from '@/tests/fixtures/organizations';

const db = useTestDatabase();
let own: OrganizationFixture;
let courier: string;
/** A real card of a lever put in place on 4 March 2026 at the courier, its target NPS. */
let template: ImpactCard;
const CHANGE = '2026-03-04';

beforeAll(async () => {
  // Ten weeks of the same answers at both touchpoints: 20 promoters, 10 passives and 10 detractors a week.
  ({ own, courier } = await courierWithNpsAnswers(db, 10, () => ({ promoters: 20, passives: 10, detractors: 10 })));
  const first = await insertFixtureLever(db, own, {
    kind: 'accelerator',
    name: 'Template',
    state: 'in-place',
    effectiveDate: CHANGE,
    touchpointIds: [courier],
  });
  const change = (await findChange(db, own.organizationId, 'lever', first))!;
  template = (await computeImpactCard(db, own.organizationId, change))!;
  expect(template.metrics[0]).toMatchObject({ metric: 'nps', target: true, before: { n: 160 } });
  await db.delete(levers).where(eq(levers.id, first));
});

/** The template's target metric with another effect and other answers behind it. */
function targetWith(values: Partial<MetricImpact>): ImpactCard {
  const [target, ...rest] = template.metrics;
  return { ...template, metrics: [{ ...target!, ...values }, ...rest] };
}

/** A lever in place at the courier whose stored, fresh card has this effect on NPS (95% interval, normal). */
async function measured(name: string, estimate: number, se: number, extra: Partial<MetricImpact> = {}) {
  return withCard(
    name,
    targetWith({
      estimate,
      se,
      low: estimate - 1.96 * se,
      high: estimate + 1.96 * se,
      p: 0.5,
      verdict: 'inconclusive',
      ...extra,
    }),
  );
}

async function withCard(name: string, card: ImpactCard | null, departmentId = own.departmentA) {
  const id = await insertFixtureLever(db, own, {
    kind: 'accelerator',
    name,
    departmentId,
    state: 'in-place',
    effectiveDate: CHANGE,
    touchpointIds: [courier],
  });
  if (card) {
    await db
      .insert(impactResults)
      .values({ organizationId: own.organizationId, changeKind: 'lever', changeId: id, card, stale: false });
  }
  return id;
}

describe('the measured levers', () => {
  beforeAll(async () => {
    // Measured on a dozen answers: the largest effect by far, and a huge SE.
    await measured('Tiny sample', 30, 25, { before: { value: 20, n: 8 }, after: { value: 50, n: 6 } });
    await measured('Solid', 15, 2.5, { p: 0.0001, verdict: 'better' });
    await measured('Steady', 12.5, 2, { p: 0.0001, verdict: 'better' });
    await measured('Fair', 10, 2.5, { p: 0.0002, verdict: 'better' });
    await measured('Small', 5, 2.5, { p: 0.2 });
    await measured('None', 0, 2.5);
    await measured('Worse', -5, 2.5, { p: 0.05 });
  });

  it('are ranked by the shrunken effect: the tiny sample is first by its raw effect, fifth once shrunk', async () => {
    const register = await rankedRegister(db, own.organizationId);
    expect(register.unranked).toEqual([]);
    const raw = [...register.ranked].sort((a, b) => b.target.estimate! - a.target.estimate!);
    expect(raw[0]!.name).toBe('Tiny sample');
    expect(register.by).toBe('shrunk');
    expect(register.ranked.map((l) => l.name)).toEqual([
      'Solid',
      'Steady',
      'Fair',
      'Small',
      'Tiny sample',
      'None',
      'Worse',
    ]);
    const tiny = register.ranked.find((l) => l.name === 'Tiny sample')!;
    // The answers behind it are shown with it.
    expect(tiny.target).toMatchObject({ before: { n: 8 }, after: { n: 6 } });
    // Its 6 units of the minimum meaningful change (5 points) shrink by tau^2 / (tau^2 + 25), tau^2 = 30.84 / 7.
    const tau2 = 30.84 / 7;
    expect(tiny.ranking).toMatchObject({ scaled: 6, scaledSe: 5, rank: 5 });
    expect(tiny.ranking.shrunk).toBeCloseTo((6 * tau2) / (tau2 + 25), 9);
    // BH at q = 0.10 over the seven p values: the three below 0.001 and Worse's 0.05 (4/7 x 0.10 = 0.057) are
    // discoveries; Worse is not better, so three are clear.
    expect(register.ranked.filter((l) => l.ranking.clear).map((l) => l.name)).toEqual(['Solid', 'Steady', 'Fair']);
  });

  it("read each effect in units of the organization's minimum meaningful change", async () => {
    await db
      .update(organizations)
      .set({ impactThresholds: { nps: { minChange: 12, precision: 24 } } })
      .where(eq(organizations.id, own.organizationId));
    const register = await rankedRegister(db, own.organizationId);
    const solid = register.ranked.find((l) => l.name === 'Solid')!;
    expect(solid.ranking).toMatchObject({ scaled: 15 / 12, scaledSe: 2.5 / 12 });
    // Fair's 10 points are no longer at least the minimum meaningful change: not clear, though a discovery.
    expect(register.ranked.filter((l) => l.ranking.clear).map((l) => l.name)).toEqual(['Solid', 'Steady']);
    await db.update(organizations).set({ impactThresholds: {} }).where(eq(organizations.id, own.organizationId));
  });
});

describe('the levers not ranked', () => {
  it('say why: planned, open, waiting for the worker, no touchpoints, no baseline, collecting, no answers after', async () => {
    const department = own.departmentB;
    await insertFixtureLever(db, own, { kind: 'accelerator', name: 'A planned one', departmentId: department });
    await insertFixtureLever(db, own, { kind: 'blocker', name: 'An open one', departmentId: department });
    await withCard('Waiting for the worker', null, department);
    await withCard('Nowhere', { ...template, status: 'no-touchpoints', metrics: [] }, department);
    const noBaseline = targetWith({ before: { value: null, n: 0 }, estimate: null, se: null, low: null, high: null });
    await withCard('In place before the first answers', noBaseline, department);
    await withCard('Still collecting', targetWith({ verdict: 'collecting', collectingWeek: 2 }), department);
    const noneAfter = targetWith({
      after: { value: null, n: 0 },
      estimate: null,
      se: null,
      verdict: 'not-enough-data',
    });
    await withCard('No answers after', noneAfter, department);

    const register = await rankedRegister(db, own.organizationId, { departmentId: department });
    expect(register.ranked).toEqual([]);
    expect(register.by).toBe('lower-bound');
    expect(register.unranked.map((l) => [l.name, l.reason])).toEqual([
      ['A planned one', 'planned'],
      ['An open one', 'open'],
      ['In place before the first answers', 'no-baseline'],
      ['No answers after', 'no-answers'],
      ['Nowhere', 'no-touchpoints'],
      ['Still collecting', 'collecting'],
      ['Waiting for the worker', 'waiting'],
    ]);
    // The others are still ranked among themselves, and the filters apply.
    const all = await rankedRegister(db, own.organizationId);
    expect(all.ranked).toHaveLength(7);
    expect((await rankedRegister(db, own.organizationId, { kind: 'blocker' })).unranked.map((l) => l.name)).toEqual([
      'An open one',
    ]);
  });
});
