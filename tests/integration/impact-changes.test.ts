/**
 * Plan items and weekly improvements as changes with an impact card (issue 11): a done item's "took effect on" date,
 * the target metric and direction it declares (from the goal target it serves), the lock once the after window has
 * started (server-side, for plan items and improvements), and the stored card each write queues or removes.
 *
 * The organization lives in Pacific/Kiritimati (UTC+14) with Sunday weeks, so "today" and "this week" differ from
 * UTC's: a command that ignored the organization's calendar would be caught.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentGoal } from '@/db/queries/goal';
import { listImprovements } from '@/db/queries/weekly';
import { goalTargets, goalVersions, impactResults, organizations, planItems } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { uniqueSuffix } from '@/tests/fixtures/organizations';
import { makeWeeklyOrganization, type WeeklyOrganizationFixture } from '@/tests/fixtures/weekly';
import { createPlanItem, updatePlanItemDetails } from '@/lib/commands/plans';
import { logImprovement, updateImprovementDetails } from '@/lib/commands/weekly';
import { addDays, addWeeks, dateIn, weekOf } from '@/lib/domain/weeks';
import { defaultWindows, type Windows } from '@/lib/impact/settings';
import { cardCalendar, daysRead } from '@/lib/impact/window';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();
const run = auditedRun(() => db);
const KIRITIMATI = { timeZone: 'Pacific/Kiritimati', weekStartsOn: 7 } as const;
let f: WeeklyOrganizationFixture;
let npsTarget: string;
let ttrTarget: string;

/** Today, this week and last week in the organization, as the commands see them now. */
const calendar = () => {
  const today = dateIn(new Date(), KIRITIMATI.timeZone);
  const current = weekOf(new Date(), KIRITIMATI.timeZone, KIRITIMATI.weekStartsOn);
  return { today, current, previous: addWeeks(current, -1) };
};

/** A published goal with an NPS target at the fixture's touchpoint and a company-wide time-to-resolution target. */
async function publishGoal(organization: WeeklyOrganizationFixture) {
  const [version] = await db
    .insert(goalVersions)
    .values({
      organizationId: organization.organizationId,
      status: 'published',
      version: 1,
      statement: 'Every reader finds their book',
      commitments: ['Answer within 2 minutes', 'No surprise fees', 'Refunds in 3 days'],
      authorUserId: organization.executive.userId,
      publishedAt: new Date(),
    })
    .returning({ id: goalVersions.id });
  await db.insert(goalTargets).values([
    {
      organizationId: organization.organizationId,
      goalVersionId: version!.id,
      position: 0,
      metric: 'nps',
      touchpointId: organization.touchpointId,
      targetValue: 40,
      dueDate: '2026-12-31',
    },
    {
      organizationId: organization.organizationId,
      goalVersionId: version!.id,
      position: 1,
      metric: 'ttr',
      touchpointId: null,
      targetValue: 24,
      dueDate: '2026-12-31',
    },
  ]);
  const targets = (await currentGoal(db, organization.organizationId))!.targets;
  return {
    nps: targets.find((t) => t.metric === 'nps')!.id,
    ttr: targets.find((t) => t.metric === 'ttr')!.id,
  };
}

beforeAll(async () => {
  f = await makeWeeklyOrganization(db, 'Impact Co', KIRITIMATI);
  ({ nps: npsTarget, ttr: ttrTarget } = await publishGoal(f));
});

const title = () => `Change ${uniqueSuffix()}`;

async function planItem(id: string, organizationId = f.organizationId) {
  const [row] = await db
    .select({
      status: planItems.status,
      effectiveDate: planItems.effectiveDate,
      metric: planItems.metric,
      direction: planItems.direction,
      title: planItems.title,
    })
    .from(planItems)
    .where(and(eq(planItems.organizationId, organizationId), eq(planItems.id, id)));
  return row!;
}

async function storedCard(kind: 'improvement' | 'plan-item', id: string, organizationId = f.organizationId) {
  const [row] = await db
    .select({ stale: impactResults.stale, windowStart: impactResults.windowStart, windowEnd: impactResults.windowEnd })
    .from(impactResults)
    .where(
      and(
        eq(impactResults.organizationId, organizationId),
        eq(impactResults.changeKind, kind),
        eq(impactResults.changeId, id),
      ),
    );
  return row ?? null;
}

/** The days a card of a change on `date` reads with these windows. */
const windowOf = (date: string, windows: Windows = defaultWindows) => {
  const { from, to } = daysRead(date, windows, KIRITIMATI.weekStartsOn);
  return { windowStart: from, windowEnd: to };
};

/** The plan item form's fields, for an item of department A (the lead's). */
const itemInput = (extra: Record<string, unknown> = {}) => ({ title: title(), ...extra });

describe('a plan item marked done', () => {
  it("took effect today in the organization's time zone unless another day is chosen", async () => {
    const { today } = calendar();
    const { id } = dataOf(
      await run(createPlanItem, f.lead.actor, { departmentId: f.departmentA, ...itemInput({ status: 'done' }) }),
    );
    expect((await planItem(id)).effectiveDate).toBe(today);

    const earlier = addDays(today, -10);
    const chosen = dataOf(
      await run(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        ...itemInput({ status: 'done', effectiveDate: earlier }),
      }),
    );
    expect((await planItem(chosen.id)).effectiveDate).toBe(earlier);
  });

  it('cannot have taken effect after today: the date is refused next to its field', async () => {
    const { today } = calendar();
    const name = title();
    const result = await run(createPlanItem, f.lead.actor, {
      departmentId: f.departmentA,
      title: name,
      status: 'done',
      effectiveDate: addDays(today, 1),
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { effectiveDate: { key: 'validation.tookEffectInFuture' } },
    });
    const stored = await db.select().from(planItems).where(eq(planItems.title, name));
    expect(stored).toEqual([]);
  });

  it('keeps its date while edited, takes a new one, and loses it when reopened', async () => {
    const { today } = calendar();
    const { id } = dataOf(
      await run(createPlanItem, f.lead.actor, { departmentId: f.departmentA, ...itemInput({ status: 'done' }) }),
    );
    const edit = (extra: Record<string, unknown>) =>
      run(updatePlanItemDetails, f.lead.actor, { planItemId: id, title: 'Same item', ...extra });

    dataOf(await edit({ status: 'done' }));
    expect((await planItem(id)).effectiveDate).toBe(today);
    dataOf(await edit({ status: 'done', effectiveDate: addDays(today, -3) }));
    expect((await planItem(id)).effectiveDate).toBe(addDays(today, -3));
    expect(await edit({ status: 'done', effectiveDate: addDays(today, 2) })).toMatchObject({
      ok: false,
      fieldErrors: { effectiveDate: { key: 'validation.tookEffectInFuture' } },
    });
    dataOf(await edit({ status: 'in_progress', effectiveDate: addDays(today, -3) }));
    expect(await planItem(id)).toMatchObject({ status: 'in_progress', effectiveDate: null });
  });
});

describe('the target a plan item declares', () => {
  it('comes from the goal target it serves: its metric, down for time to resolution, up otherwise', async () => {
    const created = async (extra: Record<string, unknown>) =>
      planItem(
        dataOf(await run(createPlanItem, f.lead.actor, { departmentId: f.departmentA, ...itemInput(extra) })).id,
      );
    expect(await created({ serves: `target:${npsTarget}` })).toMatchObject({ metric: 'nps', direction: 'up' });
    expect(await created({ serves: `target:${ttrTarget}`, metric: '', direction: '' })).toMatchObject({
      metric: 'ttr',
      direction: 'down',
    });
    expect(await created({ serves: 'commitment:1' })).toMatchObject({ metric: null, direction: null });
  });

  it('can be chosen otherwise in the form', async () => {
    const { id } = dataOf(
      await run(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        ...itemInput({ serves: `target:${npsTarget}`, metric: 'csat', direction: 'down' }),
      }),
    );
    expect(await planItem(id)).toMatchObject({ metric: 'csat', direction: 'down' });
    dataOf(
      await run(updatePlanItemDetails, f.lead.actor, {
        planItemId: id,
        title: 'Serves another target now',
        serves: `target:${ttrTarget}`,
        metric: 'ttr',
        direction: 'down',
      }),
    );
    expect(await planItem(id)).toMatchObject({ metric: 'ttr', direction: 'down' });
  });
});

describe('the lock on a declared target', () => {
  it("refuses to change a plan item's metric or direction once its after window has started", async () => {
    const { today } = calendar();
    const tookEffect = addDays(today, -42);
    const { id } = dataOf(
      await run(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        ...itemInput({ status: 'done', effectiveDate: tookEffect, metric: 'nps', direction: 'up' }),
      }),
    );
    const afterStart = cardCalendar(tookEffect, defaultWindows, KIRITIMATI.weekStartsOn).after[0]!;
    const edit = (extra: Record<string, unknown>) =>
      run(updatePlanItemDetails, f.lead.actor, { planItemId: id, title: 'Locked item', status: 'done', ...extra });
    const locked = {
      ok: false,
      code: 'invalid',
      fieldErrors: { metric: { key: 'validation.targetLocked', values: { date: afterStart } } },
    };

    expect(await edit({ metric: 'csat', direction: 'up' })).toMatchObject(locked);
    expect(await edit({ metric: 'nps', direction: 'down' })).toMatchObject(locked);
    // Moving the date later in the same edit does not open it.
    expect(await edit({ metric: 'csat', direction: 'up', effectiveDate: today })).toMatchObject(locked);
    expect(await planItem(id)).toMatchObject({ metric: 'nps', direction: 'up', effectiveDate: tookEffect });
    // Everything else still saves, the declared target sent back as it is.
    dataOf(await edit({ metric: 'nps', direction: 'up', effectiveDate: addDays(tookEffect, 1) }));
    expect(await planItem(id)).toMatchObject({ title: 'Locked item', effectiveDate: addDays(tookEffect, 1) });
  });

  it("lets a plan item's target change before its after window starts", async () => {
    const { id } = dataOf(
      await run(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        ...itemInput({ status: 'done', metric: 'nps', direction: 'up' }),
      }),
    );
    dataOf(
      await run(updatePlanItemDetails, f.lead.actor, {
        planItemId: id,
        title: 'Still open',
        status: 'done',
        metric: 'csat',
        direction: 'up',
      }),
    );
    expect(await planItem(id)).toMatchObject({ metric: 'csat', direction: 'up' });
  });

  it("refuses to change an improvement's metric once its after window has started, and says so in its view", async () => {
    const { previous, current } = calendar();
    const { id } = dataOf(
      await run(logImprovement, f.lead.actor, {
        departmentId: f.departmentA,
        weekStart: previous,
        title: title(),
        effectiveDate: previous,
        metric: 'nps',
        direction: 'up',
      }),
    );
    // With a washout of one week, the after window of last week's change started with this week.
    const [view] = await listImprovements(db, f.organizationId, { improvementId: id });
    expect(view!.targetLockedSince).toBe(current);
    const edit = (extra: Record<string, unknown>) =>
      run(updateImprovementDetails, f.lead.actor, {
        improvementId: id,
        title: 'Edited',
        effectiveDate: previous,
        metric: 'nps',
        direction: 'up',
        ...extra,
      });
    expect(await edit({ metric: 'csat' })).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { metric: { key: 'validation.targetLocked', values: { date: current } } },
    });
    expect(await edit({ direction: 'down' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await edit({ metric: '', direction: '' })).toMatchObject({ ok: false, code: 'invalid' });
    dataOf(await edit({ before: 'Calls went unanswered' }));
    const [after] = await listImprovements(db, f.organizationId, { improvementId: id });
    expect(after).toMatchObject({ title: 'Edited', metric: 'nps', direction: 'up', before: 'Calls went unanswered' });
  });

  it("lets an improvement's target change before its after window starts", async () => {
    const { current, today } = calendar();
    const { id } = dataOf(
      await run(logImprovement, f.lead.actor, {
        departmentId: f.departmentA,
        weekStart: current,
        title: title(),
        effectiveDate: today,
        metric: 'nps',
        direction: 'up',
      }),
    );
    const [view] = await listImprovements(db, f.organizationId, { improvementId: id });
    expect(view!.targetLockedSince).toBeNull();
    dataOf(
      await run(updateImprovementDetails, f.lead.actor, {
        improvementId: id,
        title: 'Retargeted',
        effectiveDate: today,
        metric: 'csat',
        direction: 'down',
      }),
    );
    const [after] = await listImprovements(db, f.organizationId, { improvementId: id });
    expect(after).toMatchObject({ metric: 'csat', direction: 'down' });
  });

  it("follows the organization's windows: without a washout the target locks in the change's own week", async () => {
    const g = await makeWeeklyOrganization(db, 'No Washout Co', KIRITIMATI);
    await db.update(organizations).set({ impactWashoutWeeks: 0 }).where(eq(organizations.id, g.organizationId));
    const { current, today } = calendar();
    const { id } = dataOf(
      await run(logImprovement, g.lead.actor, {
        departmentId: g.departmentA,
        weekStart: current,
        title: title(),
        effectiveDate: today,
        metric: 'nps',
        direction: 'up',
      }),
    );
    expect(
      await run(updateImprovementDetails, g.lead.actor, {
        improvementId: id,
        title: 'Retargeted',
        effectiveDate: today,
        metric: 'csat',
        direction: 'up',
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { metric: { key: 'validation.targetLocked', values: { date: current } } },
    });
  });
});

describe('the stored impact card of a change', () => {
  it('is queued, stale, with the window of its date when an improvement is logged, and follows its date', async () => {
    const { current } = calendar();
    const { id } = dataOf(
      await run(logImprovement, f.executive.actor, {
        departmentId: f.departmentB,
        weekStart: current,
        title: title(),
        effectiveDate: current,
      }),
    );
    expect(await storedCard('improvement', id)).toEqual({ stale: true, ...windowOf(current) });

    // Computed since; and another change's card whose window holds the old date only.
    await db
      .update(impactResults)
      .set({ stale: false })
      .where(and(eq(impactResults.organizationId, f.organizationId), eq(impactResults.changeId, id)));
    const neighbour = randomUUID();
    await db.insert(impactResults).values({
      organizationId: f.organizationId,
      changeKind: 'plan-item',
      changeId: neighbour,
      windowStart: current,
      windowEnd: current,
      stale: false,
    });
    const moved = addDays(current, 1);
    dataOf(
      await run(updateImprovementDetails, f.executive.actor, {
        improvementId: id,
        title: 'Moved',
        effectiveDate: moved,
      }),
    );
    expect(await storedCard('improvement', id)).toEqual({ stale: true, ...windowOf(moved) });
    expect(await storedCard('plan-item', neighbour)).toMatchObject({ stale: true });
  });

  it('is queued when a plan item is marked done, follows its date, and goes when it is marked not done', async () => {
    const { today } = calendar();
    const { id } = dataOf(
      await run(createPlanItem, f.lead.actor, { departmentId: f.departmentA, ...itemInput({ status: 'in_progress' }) }),
    );
    expect(await storedCard('plan-item', id)).toBeNull();
    const edit = (extra: Record<string, unknown>) =>
      run(updatePlanItemDetails, f.lead.actor, { planItemId: id, title: 'A change', ...extra });

    dataOf(await edit({ status: 'done' }));
    expect(await storedCard('plan-item', id)).toEqual({ stale: true, ...windowOf(today) });
    const earlier = addDays(today, -21);
    dataOf(await edit({ status: 'done', effectiveDate: earlier }));
    expect(await storedCard('plan-item', id)).toEqual({ stale: true, ...windowOf(earlier) });
    dataOf(await edit({ status: 'in_progress' }));
    expect(await storedCard('plan-item', id)).toBeNull();
  });

  it("takes the organization's default windows", async () => {
    const g = await makeWeeklyOrganization(db, 'Long Windows Co', KIRITIMATI);
    const windows = { baselineWeeks: 6, washoutWeeks: 0, afterWeeks: 8 };
    await db
      .update(organizations)
      .set({ impactBaselineWeeks: 6, impactWashoutWeeks: 0, impactAfterWeeks: 8 })
      .where(eq(organizations.id, g.organizationId));
    const { id } = dataOf(
      await run(createPlanItem, g.lead.actor, { departmentId: g.departmentA, ...itemInput({ status: 'done' }) }),
    );
    expect(await storedCard('plan-item', id, g.organizationId)).toEqual({
      stale: true,
      ...windowOf(calendar().today, windows),
    });
  });
});
