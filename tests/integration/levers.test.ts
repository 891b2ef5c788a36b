/**
 * Issue 13: accelerators and blockers. Who may manage a lever (the lead of its department, executives any; moving it
 * needs both departments), what is refused next to its field, its states and the change date of its card, the lock
 * of the declared target once the after window has started, the card the worker computes for it (listed with the
 * other changes), a lever in place before the first answers (no baseline), and the register's reads.
 *
 * The organization of the commands lives in Pacific/Kiritimati (UTC+14) with Sunday weeks, so "today" differs from
 * UTC's: a command that ignored the organization's calendar would be caught.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChange, listChanges } from '@/db/queries/changes';
import { changeTouched } from '@/db/queries/impact-staleness';
import { insertTouchpoint, updateTouchpoint } from '@/db/queries/journey';
import { leverById, leverRegister, openBlockersByTouchpoint } from '@/db/queries/levers';
import { departments, impactResults, levers } from '@/db/schema';
import { createLever, deleteLever, setLeverState, updateLever } from '@/lib/commands/levers';
import { addDays, dateIn } from '@/lib/domain/weeks';
import { recomputeStaleImpact } from '@/lib/impact-service/compute';
import { defaultWindows } from '@/lib/impact/settings';
import { afterWindowStart } from '@/lib/impact/declared-target';
import { daysRead } from '@/lib/impact/window';
import { rankedRegister } from '@/lib/levers/ranked-register';
import { useTestDatabase } from '@/tests/fixtures/database';
import { courierWithNpsAnswers, insertFixtureLever } from '@/tests/fixtures/levers';
import type { OrganizationFixture } from '@/tests/fixtures/organizations';
import {
  insertFixtureImprovement,
  makeWeeklyOrganization,
  type WeeklyOrganizationFixture,
} from '@/tests/fixtures/weekly';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();
const run = auditedRun(() => db, { entityType: 'lever' });
const KIRITIMATI = { timeZone: 'Pacific/Kiritimati', weekStartsOn: 7 } as const;
let f: WeeklyOrganizationFixture;
let other: WeeklyOrganizationFixture;

const today = () => dateIn(new Date(), KIRITIMATI.timeZone);

beforeAll(async () => {
  f = await makeWeeklyOrganization(db, 'Lever Co', KIRITIMATI);
  other = await makeWeeklyOrganization(db, 'Other Lever Co', KIRITIMATI);
});

/** The lever form's fields, for a lever of department A (the lead's) at the touchpoint. */
const leverInput = (values: Record<string, unknown> = {}) => ({
  kind: 'accelerator',
  name: 'Case studies on the website',
  description: 'Three customers tell how they chose us',
  departmentId: f.departmentA,
  touchpointIds: [f.touchpointId],
  metric: 'nps',
  direction: 'up',
  ...values,
});
const editInput = (leverId: string, values: Record<string, unknown> = {}) => {
  const { kind: _kind, ...fields } = leverInput(values);
  return { leverId, ...fields };
};

async function stored(id: string, organizationId = f.organizationId) {
  const [row] = await db
    .select({ stale: impactResults.stale, windowStart: impactResults.windowStart, windowEnd: impactResults.windowEnd })
    .from(impactResults)
    .where(
      and(
        eq(impactResults.organizationId, organizationId),
        eq(impactResults.changeKind, 'lever'),
        eq(impactResults.changeId, id),
      ),
    );
  return row ?? null;
}

const windowOf = (date: string) => {
  const { from, to } = daysRead(date, defaultWindows, KIRITIMATI.weekStartsOn);
  return { windowStart: from, windowEnd: to };
};

async function changeDates(organizationId = f.organizationId) {
  const { changes } = await listChanges(db, organizationId, { from: '2000-01-01', to: '2100-12-31', limit: 500 });
  return new Map(changes.filter((c) => c.kind === 'lever').map((c) => [c.id, c.date]));
}

describe('who manages a lever', () => {
  it('the lead of its department creates one there, and executives anywhere', async () => {
    const byLead = dataOf(await run(createLever, f.lead.actor, leverInput(), 'lever.create'));
    const lever = await leverById(db, f.organizationId, byLead.id);
    expect(lever).toMatchObject({
      kind: 'accelerator',
      state: 'planned',
      departmentId: f.departmentA,
      touchpoints: [{ id: f.touchpointId }],
      effectiveDate: null,
      card: null,
      stale: false,
    });
    const byExecutive = await run(createLever, f.executive.actor, leverInput({ departmentId: f.delivery }));
    expect(byExecutive.ok).toBe(true);
  });

  it("not a lead in another department's, nor a staff member anywhere", async () => {
    expect(await run(createLever, f.lead.actor, leverInput({ departmentId: f.delivery }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await run(createLever, f.staff.actor, leverInput())).toMatchObject({ ok: false, code: 'forbidden' });
    const inDelivery = await insertFixtureLever(db, f, { kind: 'blocker', departmentId: f.delivery });
    for (const [command, input] of [
      [updateLever, editInput(inDelivery, { departmentId: f.delivery, name: 'Renamed' })],
      [setLeverState, { leverId: inDelivery, state: 'removed' }],
      [deleteLever, { leverId: inDelivery }],
    ] as const) {
      expect(await run(command, f.lead.actor, input)).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect((await leverById(db, f.organizationId, inDelivery))?.state).toBe('open');
  });

  it('moving a lever to another department needs the right to manage it in both', async () => {
    const lever = await insertFixtureLever(db, f, { kind: 'accelerator' });
    expect(await run(updateLever, f.lead.actor, editInput(lever, { departmentId: f.delivery }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await run(updateLever, f.deliveryLead.actor, editInput(lever, { departmentId: f.delivery }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    dataOf(await run(updateLever, f.executive.actor, editInput(lever, { departmentId: f.delivery }), 'lever.update'));
    expect(await leverById(db, f.organizationId, lever)).toMatchObject({
      departmentId: f.delivery,
      departmentName: 'Delivery',
    });
    // Now Delivery's: its lead manages it, Sales' lead no longer does.
    expect((await run(deleteLever, f.lead.actor, { leverId: lever })).ok).toBe(false);
    dataOf(await run(deleteLever, f.deliveryLead.actor, { leverId: lever }, 'lever.delete'));
    expect(await leverById(db, f.organizationId, lever)).toBeNull();
  });

  it("finds nothing of another organization's: its levers, departments and touchpoints", async () => {
    const theirs = await insertFixtureLever(db, other, { kind: 'accelerator' });
    expect(await leverById(db, f.organizationId, theirs)).toBeNull();
    expect(await leverById(db, f.organizationId, 'not-a-uuid')).toBeNull();
    expect((await leverRegister(db, f.organizationId)).map((l) => l.id)).not.toContain(theirs);
    expect(await run(setLeverState, f.executive.actor, { leverId: theirs, state: 'in-place' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await run(createLever, f.executive.actor, leverInput({ departmentId: other.departmentA }))).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    const result = await run(createLever, f.executive.actor, leverInput({ touchpointIds: [other.touchpointId] }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { touchpointIds: { key: 'validation.notFound' } } });
    expect((await leverById(db, other.organizationId, theirs))?.state).toBe('planned');
  });
});

describe('what a lever must be', () => {
  it('is refused next to the field: name, description, metric, a state of the other kind', async () => {
    const refused = async (values: Record<string, unknown>) => {
      const result = await run(createLever, f.executive.actor, leverInput(values));
      expect(result.ok).toBe(false);
      return result.ok ? {} : result.fieldErrors;
    };
    expect(await refused({ name: 'ab' })).toEqual({ name: { key: 'validation.tooShort', values: { min: 3 } } });
    expect(await refused({ description: 'x'.repeat(4001) })).toEqual({
      description: { key: 'validation.tooLong', values: { max: 4000 } },
    });
    expect(await refused({ metric: 'business' })).toEqual({ metric: { key: 'validation.choice' } });
    expect(await refused({ kind: 'accelerator', state: 'removed' })).toEqual({ state: { key: 'validation.choice' } });
  });

  it('names no archived department or touchpoint, but keeps a touchpoint archived since', async () => {
    const archived = (
      await insertTouchpoint(db, f.organizationId, {
        name: 'Old brochure',
        stageId: f.stageId,
        departmentId: f.departmentA,
        channel: 'offline',
      })
    ).id;
    const lever = dataOf(
      await run(createLever, f.executive.actor, leverInput({ touchpointIds: [f.touchpointId, archived] })),
    ).id;
    await updateTouchpoint(db, f.organizationId, archived, { archived: true });
    expect(
      await run(createLever, f.executive.actor, leverInput({ touchpointIds: [archived], name: 'Brochure' })),
    ).toMatchObject({ ok: false, fieldErrors: { touchpointIds: { key: 'validation.archivedTouchpoint' } } });
    dataOf(await run(updateLever, f.executive.actor, editInput(lever, { touchpointIds: [f.touchpointId, archived] })));
    expect((await leverById(db, f.organizationId, lever))?.touchpoints.map((t) => t.id).sort()).toEqual(
      [f.touchpointId, archived].sort(),
    );

    await db.update(departments).set({ archived: true }).where(eq(departments.id, f.it));
    expect(await run(createLever, f.executive.actor, leverInput({ departmentId: f.it }))).toMatchObject({
      ok: false,
      fieldErrors: { departmentId: { key: 'validation.archivedDepartment' } },
    });
  });

  it('takes the better way of its metric when no direction is given', async () => {
    const { id } = dataOf(
      await run(createLever, f.executive.actor, leverInput({ metric: 'ttr', direction: '', name: 'Callback promise' })),
    );
    expect(await leverById(db, f.organizationId, id)).toMatchObject({ metric: 'ttr', direction: 'down' });
  });
});

describe('states and the change date of the card', () => {
  it('a planned accelerator is no change; put in place it is dated today in the organization, with a card queued', async () => {
    const { id } = dataOf(await run(createLever, f.lead.actor, leverInput()));
    expect(await stored(id)).toBeNull();
    expect(await findChange(db, f.organizationId, 'lever', id)).toBeNull();
    expect((await changeDates()).has(id)).toBe(false);

    const set = dataOf(await run(setLeverState, f.lead.actor, { leverId: id, state: 'in-place' }, 'lever.state'));
    expect(set).toEqual({ id, state: 'in-place', effectiveDate: today() });
    expect(await stored(id)).toEqual({ stale: true, ...windowOf(today()) });
    expect(await findChange(db, f.organizationId, 'lever', id)).toMatchObject({
      kind: 'lever',
      title: 'Case studies on the website',
      date: today(),
      departmentName: 'Sales',
      touchpoints: [{ id: f.touchpointId, name: 'Website' }],
      metric: 'nps',
      direction: 'up',
      investment: null,
    });
    expect((await changeDates()).get(id)).toBe(today());
    expect(await leverById(db, f.organizationId, id)).toMatchObject({ state: 'in-place', card: null, stale: true });
  });

  it('moves its card with its date, marks the cards around the old day stale, and drops it back to planned', async () => {
    const earlier = addDays(today(), -30);
    const { id } = dataOf(
      await run(createLever, f.lead.actor, leverInput({ state: 'in-place', effectiveDate: earlier })),
    );
    expect(await stored(id)).toEqual({ stale: true, ...windowOf(earlier) });
    // A change near the old day, its card computed (fresh).
    const neighbour = await insertFixtureImprovement(db, f.organizationId, {
      departmentId: f.departmentB,
      weekStart: addDays(earlier, -7),
      effectiveDate: addDays(earlier, -7),
      createdBy: f.executive.userId,
      title: 'Neighbour',
      touchpointIds: [f.touchpointId],
    });
    await db.transaction((tx) => changeTouched(tx, f.organizationId, 'improvement', neighbour));
    await db
      .update(impactResults)
      .set({ stale: false })
      .where(and(eq(impactResults.organizationId, f.organizationId), eq(impactResults.changeId, neighbour)));

    const later = addDays(today(), -3);
    dataOf(await run(setLeverState, f.lead.actor, { leverId: id, state: 'in-place', date: later }));
    expect(await stored(id)).toEqual({ stale: true, ...windowOf(later) });
    const [neighbourRow] = await db.select().from(impactResults).where(eq(impactResults.changeId, neighbour));
    expect(neighbourRow?.stale).toBe(true);
    expect((await changeDates()).get(id)).toBe(later);

    dataOf(await run(setLeverState, f.lead.actor, { leverId: id, state: 'planned' }));
    expect(await stored(id)).toBeNull();
    expect(await leverById(db, f.organizationId, id)).toMatchObject({ state: 'planned', effectiveDate: null });
    expect((await changeDates()).has(id)).toBe(false);
  });

  it('a blocker is open, then removed on a day not before it was known and not after today', async () => {
    const knownSince = addDays(today(), -60);
    const { id } = dataOf(
      await run(createLever, f.lead.actor, leverInput({ kind: 'blocker', name: 'Contact details hidden', knownSince })),
    );
    expect(await leverById(db, f.organizationId, id)).toMatchObject({ state: 'open', knownSince, effectiveDate: null });
    expect(await stored(id)).toBeNull();

    expect(await run(setLeverState, f.lead.actor, { leverId: id, state: 'in-place' })).toMatchObject({
      fieldErrors: { state: { key: 'validation.choice' } },
    });
    expect(
      await run(setLeverState, f.lead.actor, { leverId: id, state: 'removed', date: addDays(knownSince, -1) }),
    ).toMatchObject({
      fieldErrors: { date: { key: 'levers.errors.removedBeforeKnown', values: { date: knownSince } } },
    });
    expect(
      await run(setLeverState, f.lead.actor, { leverId: id, state: 'removed', date: addDays(today(), 1) }),
    ).toMatchObject({ fieldErrors: { date: { key: 'validation.tookEffectInFuture' } } });
    expect(await stored(id)).toBeNull();

    const removedOn = addDays(today(), -10);
    dataOf(await run(setLeverState, f.lead.actor, { leverId: id, state: 'removed', date: removedOn }));
    expect(await stored(id)).toEqual({ stale: true, ...windowOf(removedOn) });
    expect((await changeDates()).get(id)).toBe(removedOn);
    // Known after it was removed cannot be.
    expect(
      await run(
        updateLever,
        f.lead.actor,
        editInput(id, { name: 'Contact details hidden', knownSince: addDays(removedOn, 1) }),
      ),
    ).toMatchObject({ fieldErrors: { knownSince: { key: 'levers.errors.knownAfterRemoved' } } });

    dataOf(await run(setLeverState, f.lead.actor, { leverId: id, state: 'open' }));
    expect(await stored(id)).toBeNull();
    expect(await leverById(db, f.organizationId, id)).toMatchObject({ state: 'open', effectiveDate: null });
  });

  it('is created in effect with a day of its own, never after today, nor known in the future', async () => {
    expect(
      await run(createLever, f.lead.actor, leverInput({ state: 'in-place', effectiveDate: addDays(today(), 1) })),
    ).toMatchObject({ fieldErrors: { effectiveDate: { key: 'validation.tookEffectInFuture' } } });
    expect(
      await run(createLever, f.lead.actor, leverInput({ kind: 'blocker', knownSince: addDays(today(), 2) })),
    ).toMatchObject({ fieldErrors: { knownSince: { key: 'validation.inFuture' } } });
    const removed = dataOf(
      await run(createLever, f.lead.actor, leverInput({ kind: 'blocker', state: 'removed', name: 'Broken promise' })),
    );
    expect(await leverById(db, f.organizationId, removed.id)).toMatchObject({
      state: 'removed',
      effectiveDate: today(),
    });
  });

  it('deleting a lever deletes its card and marks the cards around its day stale', async () => {
    const day = addDays(today(), -20);
    const { id } = dataOf(await run(createLever, f.lead.actor, leverInput({ state: 'in-place', effectiveDate: day })));
    const neighbour = await insertFixtureImprovement(db, f.organizationId, {
      departmentId: f.marketing,
      weekStart: addDays(day, -14),
      effectiveDate: addDays(day, -14),
      createdBy: f.executive.userId,
      title: 'Neighbour of the deleted lever',
      touchpointIds: [f.touchpointId],
    });
    await db.transaction((tx) => changeTouched(tx, f.organizationId, 'improvement', neighbour));
    await db.update(impactResults).set({ stale: false }).where(eq(impactResults.changeId, neighbour));

    dataOf(await run(deleteLever, f.lead.actor, { leverId: id }, 'lever.delete'));
    expect(await stored(id)).toBeNull();
    expect(await db.select().from(levers).where(eq(levers.id, id))).toEqual([]);
    const [neighbourRow] = await db.select().from(impactResults).where(eq(impactResults.changeId, neighbour));
    expect(neighbourRow?.stale).toBe(true);
  });
});

describe('the declared target', () => {
  it('may change until the after window starts, and not after', async () => {
    const { id } = dataOf(await run(createLever, f.lead.actor, leverInput({ state: 'in-place' })));
    dataOf(await run(updateLever, f.lead.actor, editInput(id, { metric: 'ces', direction: 'down' })));
    expect(await leverById(db, f.organizationId, id)).toMatchObject({ metric: 'ces', direction: 'down' });

    const longAgo = addDays(today(), -40);
    dataOf(await run(setLeverState, f.lead.actor, { leverId: id, state: 'in-place', date: longAgo }));
    const locked = afterWindowStart(longAgo, defaultWindows, KIRITIMATI.weekStartsOn);
    expect(await run(updateLever, f.lead.actor, editInput(id, { metric: 'nps', direction: 'up' }))).toMatchObject({
      ok: false,
      fieldErrors: { metric: { key: 'validation.targetLocked', values: { date: locked } } },
    });
    expect(await run(updateLever, f.lead.actor, editInput(id, { metric: 'ces', direction: 'up' }))).toMatchObject({
      ok: false,
      fieldErrors: { metric: { key: 'validation.targetLocked' } },
    });
    // Everything else may still change.
    dataOf(
      await run(updateLever, f.lead.actor, editInput(id, { metric: 'ces', direction: 'down', name: 'Case studies' })),
    );
    expect(await leverById(db, f.organizationId, id)).toMatchObject({ name: 'Case studies', metric: 'ces' });
  });
});

describe('the register', () => {
  it('filters by kind, state, touchpoint and department, by name, and knows the open blockers at each touchpoint', async () => {
    const g = await makeWeeklyOrganization(db, 'Register Co', KIRITIMATI);
    const courier = (
      await insertTouchpoint(db, g.organizationId, {
        name: 'Courier',
        stageId: g.stageId,
        departmentId: g.departmentA,
        channel: 'offline',
      })
    ).id;
    const hidden = await insertFixtureLever(db, g, { kind: 'blocker', name: 'Hidden contact details' });
    const history = await insertFixtureLever(db, g, {
      kind: 'blocker',
      name: 'No knowledge of the history',
      departmentId: g.delivery,
      touchpointIds: [g.touchpointId, courier],
    });
    await insertFixtureLever(db, g, {
      kind: 'blocker',
      name: 'Broken promises',
      state: 'removed',
      effectiveDate: '2026-06-01',
      touchpointIds: [courier],
    });
    await insertFixtureLever(db, g, { kind: 'accelerator', name: 'Flexible delivery', touchpointIds: [courier] });

    const names = async (filters: Parameters<typeof leverRegister>[2]) =>
      (await leverRegister(db, g.organizationId, filters)).map((l) => l.name);
    expect(await names({})).toEqual([
      'Broken promises',
      'Flexible delivery',
      'Hidden contact details',
      'No knowledge of the history',
    ]);
    expect(await names({ kind: 'accelerator' })).toEqual(['Flexible delivery']);
    expect(await names({ state: 'open' })).toEqual(['Hidden contact details', 'No knowledge of the history']);
    expect(await names({ touchpointId: courier })).toEqual([
      'Broken promises',
      'Flexible delivery',
      'No knowledge of the history',
    ]);
    expect(await names({ departmentId: g.delivery })).toEqual(['No knowledge of the history']);
    expect(await names({ kind: 'blocker', state: 'removed', touchpointId: courier })).toEqual(['Broken promises']);

    const open = await openBlockersByTouchpoint(db, g.organizationId);
    expect(open.get(g.touchpointId)).toEqual([
      { id: hidden, name: 'Hidden contact details' },
      { id: history, name: 'No knowledge of the history' },
    ]);
    expect(open.get(courier)).toEqual([{ id: history, name: 'No knowledge of the history' }]);
    expect((await openBlockersByTouchpoint(db, f.organizationId)).get(g.touchpointId)).toBeUndefined();
  });
});

describe("a lever's card", () => {
  let own: OrganizationFixture;
  let courier: string;

  beforeAll(async () => {
    // Twelve weeks of answers from 28 January 2026 at both touchpoints; the courier's get better from 11 March.
    ({ own, courier } = await courierWithNpsAnswers(db, 12, (day, at) => ({
      promoters: at === 'courier' && day >= '2026-03-11' ? 140 : 80,
      passives: 40,
      detractors: 40,
    })));
  });

  it('is computed by the worker and listed with the other changes', async () => {
    const { id } = dataOf(
      await auditedRun(() => db)(createLever, own.lead.actor, {
        kind: 'accelerator',
        name: 'Flexible delivery options',
        departmentId: own.departmentA,
        touchpointIds: [courier],
        metric: 'nps',
        state: 'in-place',
        effectiveDate: '2026-03-04',
      }),
    );
    expect(await recomputeStaleImpact(db, own.organizationId)).toBeGreaterThanOrEqual(1);
    const lever = (await leverById(db, own.organizationId, id))!;
    expect(lever.stale).toBe(false);
    expect(lever.card?.status).toBe('measured');
    const target = lever.card!.metrics.find((m) => m.target)!;
    expect(target).toMatchObject({ metric: 'nps', verdict: 'better', before: { n: 640 }, after: { n: 880 } });
    // The courier went from 25 to 45.45 (100 of 220 net promoters) while the website stayed at 25.
    expect(target.estimate!).toBeCloseTo(100 * (25 / 55) - 25, 6);
    expect(target.comparison.map((c) => c.name)).toEqual(['Website']);

    const { changes } = await listChanges(db, own.organizationId, { from: '2026-01-01', to: '2026-12-31', limit: 50 });
    const listed = changes.find((c) => c.kind === 'lever' && c.id === id);
    expect(listed).toMatchObject({ title: 'Flexible delivery options', date: '2026-03-04', stale: false });
    expect(listed?.card?.metrics[0]?.estimate).toBe(target.estimate);
    expect(
      (
        await listChanges(db, own.organizationId, {
          from: '2026-01-01',
          to: '2026-12-31',
          touchpointId: own.touchpointId,
          limit: 50,
        })
      ).changes.map((c) => c.id),
    ).not.toContain(id);
  });

  it('of a lever in place before the first answers has no baseline, and is not ranked', async () => {
    const { id } = dataOf(
      await auditedRun(() => db)(createLever, own.executive.actor, {
        kind: 'accelerator',
        name: 'Case studies on the website',
        departmentId: own.departmentB,
        touchpointIds: [courier],
        metric: 'nps',
        state: 'in-place',
        effectiveDate: '2026-01-05',
      }),
    );
    await recomputeStaleImpact(db, own.organizationId);
    const lever = (await leverById(db, own.organizationId, id))!;
    const target = lever.card!.metrics.find((m) => m.target)!;
    expect(target.before.n).toBe(0);
    expect(target.after.n).toBeGreaterThan(0);
    expect(target).toMatchObject({ estimate: null, verdict: 'not-enough-data' });
    const register = await rankedRegister(db, own.organizationId);
    expect(register.unranked.find((l) => l.id === id)?.reason).toBe('no-baseline');
    expect(register.ranked.map((l) => l.name)).toEqual(['Flexible delivery options']);
  });
});
