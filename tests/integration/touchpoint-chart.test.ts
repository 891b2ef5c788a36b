/**
 * The touchpoint page's data: buckets whose score, interval and n are exactly those of the rollup histograms,
 * the previous period of equal length, the goal's target, the changes made at the touchpoint with their stored
 * impact cards (read, never computed), measured values, comments, and nothing from another organization.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { findGoalDraft, publishGoalDraft, saveGoalDraftContent } from '@/db/queries/goal';
import { insertTouchpoint } from '@/db/queries/journey';
import { rollupHistograms } from '@/db/queries/metrics';
import { storedCards } from '@/db/queries/impact';
import { changeTouched } from '@/db/queries/impact-staleness';
import { setPlanItemTouchpoints } from '@/db/queries/plans';
import { type NewResponse, recordResponses } from '@/db/queries/responses';
import { type ChartOrganization, touchpointChart, touchpointSummary } from '@/db/queries/touchpoint-chart';
import { updateOrganization } from '@/db/queries/organizations';
import { impactResults, metricAggregates, organizations, planItems } from '@/db/schema';
import { recomputeStaleImpact } from '@/lib/impact-service/compute';
import { impactSummaryOf } from '@/lib/impact/summary';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { insertFixturePlanItem } from '@/tests/fixtures/plans';
import { insertFixtureImprovement } from '@/tests/fixtures/weekly';
import { compareScores, scoreOf } from '@/lib/domain/metrics';
import { touchpointChartQuerySchema } from '@/lib/validation/touchpoint-chart';

const db = useTestDatabase();
let own: OrganizationFixture;
let other: OrganizationFixture;
const timeZone = 'America/New_York';
const organization = (f: OrganizationFixture): ChartOrganization => ({
  id: f.organizationId,
  timeZone,
  weekStartsOn: 7,
});

/** `count` answers of `score` at noon (local) on `day`. */
function answers(
  touchpointId: string,
  metric: NewResponse['metric'],
  day: string,
  score: number,
  count: number,
  extra: Partial<NewResponse> = {},
): NewResponse[] {
  return Array.from({ length: count }, () => ({
    touchpointId,
    metric,
    score,
    respondedAt: new Date(`${day}T16:00:00Z`),
    source: 'seed' as const,
    ...extra,
  }));
}

async function record(f: OrganizationFixture, responses: NewResponse[]) {
  await db.transaction((tx) => recordResponses(tx, { id: f.organizationId, timeZone }, responses));
}

beforeAll(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
  for (const f of [own, other]) await updateOrganization(db, f.organizationId, { timeZone, weekStartsOn: 7 });
});

describe('chart buckets', () => {
  it('give each week the score, interval and n of its rollup histogram, and keep empty weeks as gaps', async () => {
    const tp = (
      await insertTouchpoint(db, own.organizationId, {
        name: 'Checkout',
        stageId: own.stageId,
        departmentId: own.departmentA,
        channel: 'online',
      })
    ).id;
    await record(own, [
      // Sunday-first weeks: 1 March 2026 is a Sunday.
      ...answers(tp, 'nps', '2026-03-01', 10, 20),
      ...answers(tp, 'nps', '2026-03-04', 3, 15),
      ...answers(tp, 'nps', '2026-03-07', 8, 5),
      ...answers(tp, 'nps', '2026-03-08', 9, 4),
      ...answers(tp, 'nps', '2026-03-14', 0, 2),
      // nothing in the week of 15 March
      ...answers(tp, 'nps', '2026-03-22', 10, 40),
      ...answers(tp, 'csat', '2026-03-02', 5, 10),
    ]);
    const chart = (await touchpointChart(db, organization(own), tp, {
      metric: 'nps',
      from: '2026-03-01',
      to: '2026-03-28',
      bucket: 'week',
    }))!;
    const rollups = await rollupHistograms(db, own.organizationId, {
      touchpointIds: [tp],
      metrics: ['nps'],
      from: '2026-03-01',
      to: '2026-03-28',
      bucket: 'week',
      weekStartsOn: 7,
    });
    expect(chart.points.map((p) => p.bucket)).toEqual(['2026-03-01', '2026-03-08', '2026-03-15', '2026-03-22']);
    for (const row of rollups) {
      const { value, low, high, margin, n, smallSample } = scoreOf('nps', row.histogram);
      expect(chart.points.find((p) => p.bucket === row.bucket)).toEqual({
        bucket: row.bucket,
        value,
        low,
        high,
        margin,
        n,
        smallSample,
      });
    }
    expect(chart.points.map((p) => [p.n, p.smallSample])).toEqual([
      [40, false],
      [6, true],
      [0, false],
      [40, false],
    ]);
    expect(chart.points[2]!.value).toBeNull();
    // The first week: 20 promoters, 15 detractors of 40 -> NPS 12.5.
    expect(chart.points[0]!.value).toBeCloseTo(12.5, 10);
    expect(chart.counts).toEqual({ nps: 86, csat: 10, ces: 0, nev: 0, ttr: 0 });
    expect(chart.distribution?.find((d) => d.score === 10)).toMatchObject({ count: 60, group: 'positive' });
  });

  it('groups by month, and picks the metric with the most answers when none is asked for', async () => {
    const tp = (
      await insertTouchpoint(db, own.organizationId, {
        name: 'Parcel',
        stageId: own.stageId,
        departmentId: own.departmentB,
        channel: 'offline',
      })
    ).id;
    await record(own, [
      ...answers(tp, 'nps', '2026-01-10', 9, 3),
      ...answers(tp, 'ces', '2026-01-31', 6, 4),
      ...answers(tp, 'ces', '2026-02-01', 2, 4),
    ]);
    const chart = (await touchpointChart(db, organization(own), tp, {
      from: '2026-01-01',
      to: '2026-02-28',
      bucket: 'month',
    }))!;
    expect(chart.metric).toBe('ces');
    expect(chart.points.map((p) => [p.bucket, p.n, p.value])).toEqual([
      ['2026-01-01', 4, 6],
      ['2026-02-01', 4, 2],
    ]);
    expect(chart.headline).toMatchObject({ unit: 'mean', value: 4, n: 8 });
    expect(chart.distribution).toHaveLength(7);
  });
});

describe('headline and previous period', () => {
  it('compares the range with the period of equal length just before it', async () => {
    const tp = (
      await insertTouchpoint(db, own.organizationId, {
        name: 'Returns desk',
        stageId: own.stageId,
        departmentId: own.departmentA,
        channel: 'offline',
      })
    ).id;
    await record(own, [
      // 1-30 April 2026 (30 days) against 2-31 March.
      ...answers(tp, 'csat', '2026-03-01', 1, 50), // the day before the previous period: left out
      ...answers(tp, 'csat', '2026-03-02', 2, 30),
      ...answers(tp, 'csat', '2026-03-31', 4, 30),
      ...answers(tp, 'csat', '2026-04-01', 5, 50),
      ...answers(tp, 'csat', '2026-04-30', 3, 10),
      ...answers(tp, 'csat', '2026-05-01', 1, 50), // the day after: left out
    ]);
    const chart = (await touchpointChart(db, organization(own), tp, {
      metric: 'csat',
      from: '2026-04-01',
      to: '2026-04-30',
      bucket: 'week',
    }))!;
    const current = scoreOf(
      'csat',
      new Map([
        [5, 50],
        [3, 10],
      ]),
    );
    const previous = scoreOf(
      'csat',
      new Map([
        [2, 30],
        [4, 30],
      ]),
    );
    expect(chart.headline).toEqual(current);
    expect(chart.previous).toEqual({ from: '2026-03-02', to: '2026-03-31', score: previous });
    expect(chart.comparison).toEqual(compareScores(current, previous));
    expect(chart.comparison.significant).toBe(true);
    expect(chart.headline.value).toBeCloseTo((100 * 50) / 60, 10);
  });
});

describe('changes at the touchpoint', () => {
  it('lists linked weekly improvements and done plan items in the range, each with its stored card for the metric', async () => {
    const tp = (
      await insertTouchpoint(db, own.organizationId, {
        name: 'Call centre',
        stageId: own.stageId,
        departmentId: own.departmentA,
        channel: 'offline',
      })
    ).id;
    const elsewhere = (
      await insertTouchpoint(db, own.organizationId, {
        name: 'Shop sign',
        stageId: own.stageId,
        departmentId: own.departmentB,
        channel: 'offline',
      })
    ).id;
    await record(own, [...answers(tp, 'nev', '2026-05-20', 3, 40), ...answers(tp, 'nev', '2026-06-10', 9, 40)]);
    const linked = await insertFixtureImprovement(db, own.organizationId, {
      departmentId: own.departmentA,
      weekStart: '2026-05-31',
      effectiveDate: '2026-06-03',
      createdBy: own.lead.userId,
      title: 'Call back within an hour',
      touchpointIds: [tp],
    });
    await insertFixtureImprovement(db, own.organizationId, {
      departmentId: own.departmentB,
      weekStart: '2026-05-31',
      effectiveDate: '2026-06-03',
      createdBy: own.executive.userId,
      title: 'New sign',
      touchpointIds: [elsewhere],
    });
    await insertFixtureImprovement(db, own.organizationId, {
      departmentId: own.departmentA,
      weekStart: '2026-01-04',
      createdBy: own.lead.userId,
      title: 'Before the range',
      touchpointIds: [tp],
    });
    const done = await insertFixturePlanItem(db, own.organizationId, {
      departmentId: own.departmentA,
      title: 'Scripts rewritten',
      createdBy: own.lead.userId,
      status: 'done',
    });
    const open = await insertFixturePlanItem(db, own.organizationId, {
      departmentId: own.departmentA,
      title: 'Still going',
      createdBy: own.lead.userId,
      status: 'in_progress',
    });
    for (const item of [done.id, open.id]) await setPlanItemTouchpoints(db, own.organizationId, item, [tp]);
    // The plan item took effect on 14 June: the day its card measures from, and where its marker stands.
    await db
      .update(planItems)
      .set({ effectiveDate: '2026-06-14' })
      .where(and(eq(planItems.organizationId, own.organizationId), eq(planItems.id, done.id)));
    // The improvement's card is computed by the worker and stored; the plan item's is not computed yet.
    await db.transaction((tx) => changeTouched(tx, own.organizationId, 'improvement', linked));
    await recomputeStaleImpact(db, own.organizationId);

    const query = { metric: 'nev' as const, from: '2026-03-01', to: '2026-08-31', bucket: 'week' as const };
    const chart = (await touchpointChart(db, organization(own), tp, query))!;
    expect(chart.markers.map((m) => [m.kind, m.title, m.date, m.href])).toEqual([
      ['weeklyImprovement', 'Call back within an hour', '2026-06-03', `/changes/improvement/${linked}`],
      ['planItem', 'Scripts rewritten', '2026-06-14', `/changes/plan-item/${done.id}`],
    ]);
    const [improvement, planItem] = chart.markers;
    expect(improvement!.id).toBe(linked);
    expect(improvement!.departmentName).toBe('Sales');
    // Exactly the stored card, cut down to the chart's metric: -100 before, +100 after at the touchpoint alone.
    const stored = await storedCards(db, own.organizationId, [{ kind: 'improvement', id: linked }]);
    expect(improvement!.impact).toEqual(impactSummaryOf(stored.get(`improvement:${linked}`), 'nev'));
    expect(improvement!.impact).toMatchObject({
      status: 'measured',
      stale: false,
      metric: {
        metric: 'nev',
        touchpoints: ['Call centre'],
        estimator: 'before-after',
        before: { n: 40, value: -100 },
        after: { n: 40, value: 100 },
      },
    });
    expect(planItem!.impact).toBeNull();

    // Another metric than the card measures: the card is there, the metric is not.
    const csat = (await touchpointChart(db, organization(own), tp, { ...query, metric: 'csat' }))!;
    expect(csat.markers[0]!.impact).toMatchObject({ status: 'measured', metric: null });

    // A card marked stale says so, and is still shown as stored: the page never computes it.
    await db
      .update(impactResults)
      .set({ stale: true })
      .where(and(eq(impactResults.organizationId, own.organizationId), eq(impactResults.changeId, linked)));
    const again = (await touchpointChart(db, organization(own), tp, query))!;
    expect(again.markers[0]!.impact).toEqual({ ...improvement!.impact, stale: true });
    // Cards are read within the organization only.
    expect((await storedCards(db, other.organizationId, [{ kind: 'improvement', id: linked }])).size).toBe(0);
  });
});

describe('target, measured values and comments', () => {
  it('draws the touchpoint target of the current goal, else the organization-wide one', async () => {
    const tp = (
      await insertTouchpoint(db, other.organizationId, {
        name: 'Website',
        stageId: other.stageId,
        departmentId: other.departmentA,
        channel: 'online',
      })
    ).id;
    const sections = {
      statement: 'Be easy to buy from',
      whyService: '',
      atmosphere: '',
      commitments: [],
      dayToDay: '',
    };
    await saveGoalDraftContent(db, other.organizationId, {
      ...sections,
      authorUserId: other.executive.userId,
      updatedAt: new Date(),
      targets: [
        { metric: 'nps', businessMetric: null, touchpointId: null, targetValue: 40, dueDate: '2026-12-31' },
        { metric: 'nps', businessMetric: null, touchpointId: tp, targetValue: 55, dueDate: '2026-09-30' },
        { metric: 'csat', businessMetric: null, touchpointId: null, targetValue: 85, dueDate: '2026-12-31' },
      ],
    });
    await publishGoalDraft(
      db,
      other.organizationId,
      (await findGoalDraft(db, other.organizationId))!,
      other.executive.userId,
      new Date(),
    );
    const range = { from: '2026-01-01', to: '2026-03-31', bucket: 'month' as const };
    expect((await touchpointChart(db, organization(other), tp, { ...range, metric: 'nps' }))!.target).toEqual({
      value: 55,
      scope: 'touchpoint',
      dueDate: '2026-09-30',
      goalVersion: 1,
    });
    expect(
      (await touchpointChart(db, organization(other), other.touchpointId, { ...range, metric: 'nps' }))!.target,
    ).toMatchObject({ value: 40, scope: 'organization' });
    expect((await touchpointChart(db, organization(other), tp, { ...range, metric: 'csat' }))!.target).toMatchObject({
      value: 85,
      scope: 'organization',
    });
    expect((await touchpointChart(db, organization(other), tp, { ...range, metric: 'ces' }))!.target).toBeNull();
  });

  it('lists values measured elsewhere that overlap the range, and the ten newest comments', async () => {
    const tp = (
      await insertTouchpoint(db, own.organizationId, {
        name: 'Help centre',
        stageId: own.stageId,
        departmentId: own.departmentA,
        channel: 'online',
      })
    ).id;
    await db.insert(metricAggregates).values([
      {
        organizationId: own.organizationId,
        touchpointId: tp,
        metric: 'nps',
        value: 31.5,
        n: 400,
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        source: 'Agency Q1',
      },
      {
        organizationId: own.organizationId,
        touchpointId: tp,
        metric: 'nps',
        value: 20,
        n: 300,
        periodStart: '2025-07-01',
        periodEnd: '2025-09-30',
        source: 'Agency Q3',
      },
      {
        organizationId: own.organizationId,
        touchpointId: tp,
        metric: 'csat',
        value: 80,
        n: 100,
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        source: 'Other metric',
      },
    ]);
    await record(own, [
      ...Array.from({ length: 12 }, (_, i) =>
        answers(tp, 'nps', `2026-02-${String(i + 1).padStart(2, '0')}`, 7, 1, {
          comment: `Comment ${i + 1}`,
          persona: i === 11 ? 'Student' : null,
        }),
      ).flat(),
      ...answers(tp, 'nps', '2026-02-20', 10, 3),
      ...answers(tp, 'nps', '2026-02-21', 10, 1, { comment: '   ' }),
    ]);
    const chart = (await touchpointChart(db, organization(own), tp, {
      metric: 'nps',
      from: '2026-02-01',
      to: '2026-04-30',
      bucket: 'week',
    }))!;
    expect(chart.measured).toEqual([
      {
        id: expect.any(String),
        touchpointId: tp,
        metric: 'nps',
        value: 31.5,
        n: 400,
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        source: 'Agency Q1',
      },
    ]);
    expect(chart.comments.map((c) => c.comment)).toEqual(Array.from({ length: 10 }, (_, i) => `Comment ${12 - i}`));
    expect(chart.comments[0]).toMatchObject({ score: 7, persona: 'Student', channel: null });
  });
});

describe('tenancy and validation', () => {
  it('finds no touchpoint of another organization', async () => {
    const query = { metric: 'nps' as const, from: '2026-01-01', to: '2026-03-31', bucket: 'week' as const };
    expect(await touchpointChart(db, organization(own), other.touchpointId, query)).toBeNull();
    expect(await touchpointSummary(db, own.organizationId, other.touchpointId)).toBeNull();
    expect(await touchpointSummary(db, own.organizationId, own.touchpointId)).toMatchObject({
      name: 'Website',
      stageName: 'Discover',
      phase: 'before',
      departmentId: own.departmentA,
      departmentName: 'Sales',
      departmentStage: 'front',
      channel: 'online',
    });
  });

  it('reads the CES headline setting of the organization', async () => {
    const tp = (
      await insertTouchpoint(db, other.organizationId, {
        name: 'Checkout',
        stageId: other.stageId,
        departmentId: other.departmentA,
        channel: 'online',
      })
    ).id;
    await record(other, [...answers(tp, 'ces', '2026-02-02', 7, 3), ...answers(tp, 'ces', '2026-02-02', 2, 1)]);
    await db.update(organizations).set({ cesHeadline: 'share' }).where(eq(organizations.id, other.organizationId));
    const chart = (await touchpointChart(db, organization(other), tp, {
      metric: 'ces',
      from: '2026-02-01',
      to: '2026-02-28',
      bucket: 'week',
    }))!;
    expect(chart.headline).toMatchObject({ unit: 'percent', value: 75, n: 4 });
    expect(chart.cesHeadline).toBe('share');
  });

  it('refuses bad parameters field by field', () => {
    const errors = (input: Record<string, string>) => {
      const parsed = touchpointChartQuerySchema.safeParse(input);
      return parsed.success ? null : [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].sort();
    };
    expect(errors({ from: '2026-01-01', to: '2026-03-31' })).toBeNull();
    expect(touchpointChartQuerySchema.parse({ from: '2026-01-01', to: '2026-03-31' })).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      bucket: 'week',
    });
    expect(errors({ metric: 'mood', from: '2026-01-01', to: '2026-03-31', bucket: 'day' })).toEqual([
      'bucket',
      'metric',
    ]);
    expect(errors({ from: '2026-02-30', to: 'soon' })).toEqual(['from', 'to']);
    expect(errors({ from: '2026-03-31', to: '2026-01-01' })).toEqual(['to']);
    expect(errors({ from: '2020-01-01', to: '2026-01-01' })).toEqual(['to']);
  });
});
