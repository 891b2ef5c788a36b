import 'server-only';
/**
 * Everything the touchpoint page draws: the metric per bucket with its interval and n (from the daily
 * rollups only), the headline against the previous period, the goal's target, the changes made at the
 * touchpoint with their stored impact cards, values measured elsewhere, the score distribution and the latest
 * comments. Cards are read as stored, never computed here.
 */
import { and, desc, eq, gte, isNotNull, lte } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  departments,
  journeyStages,
  planItems,
  planItemTouchpoints,
  surveyResponses,
  touchpoints,
  weeklyImprovements,
  weeklyImprovementTouchpoints,
} from '@/db/schema';
import { type DailyHistogram, type DateRange, previousPeriod, scoreWithin } from '@/lib/domain/before-after';
import { bucketStarts, type ChartBucket } from '@/lib/domain/chart-buckets';
import {
  type CesHeadline,
  compareScores,
  distributionOf,
  type Metric,
  metrics,
  type Score,
  scoreOf,
} from '@/lib/domain/metrics';
import type { FirstDay } from '@/lib/domain/weeks';
import { type ImpactSummary, impactSummaryOf } from '@/lib/impact/summary';
import { currentGoal } from './goal';
import { storedCards } from './impact';
import { rollupHistograms } from './metrics';
import { cesHeadlineOf } from './organizations';
import { aggregatesFor, type MetricAggregate } from './metric-aggregates';

export interface TouchpointSummary {
  id: string;
  name: string;
  description: string;
  channel: 'online' | 'offline';
  archived: boolean;
  stageName: string;
  phase: 'before' | 'during' | 'after';
  departmentId: string;
  departmentName: string;
  departmentStage: 'front' | 'back';
}

/** The touchpoint with its stage and owning department, in this organization only. */
export async function touchpointSummary(
  db: Database,
  organizationId: string,
  touchpointId: string,
): Promise<TouchpointSummary | null> {
  const [row] = await db
    .select({
      id: touchpoints.id,
      name: touchpoints.name,
      description: touchpoints.description,
      channel: touchpoints.channel,
      archived: touchpoints.archived,
      stageName: journeyStages.name,
      phase: journeyStages.phase,
      departmentId: departments.id,
      departmentName: departments.name,
      departmentStage: departments.stage,
    })
    .from(touchpoints)
    .innerJoin(
      journeyStages,
      and(eq(journeyStages.organizationId, touchpoints.organizationId), eq(journeyStages.id, touchpoints.stageId)),
    )
    .innerJoin(
      departments,
      and(eq(departments.organizationId, touchpoints.organizationId), eq(departments.id, touchpoints.departmentId)),
    )
    .where(and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.id, touchpointId)));
  return row ?? null;
}

export interface ChartOrganization {
  id: string;
  timeZone: string;
  weekStartsOn: FirstDay;
  /** The signed-in member's organization carries it; read from the database when absent. */
  cesHeadline?: CesHeadline;
}

export interface ChartQuery extends DateRange {
  /** Absent: the metric with the most answers in the range. */
  metric?: Metric;
  bucket: ChartBucket;
}

/** One bucket of the chart: its first day, the score of its answers and how many there were. */
export interface ChartPoint {
  bucket: string;
  value: number | null;
  low: number | null;
  high: number | null;
  margin: number | null;
  n: number;
  smallSample: boolean;
}

/** A change at this touchpoint: a weekly improvement (at its effective date) or a done plan item (when it took effect). */
export interface ChartMarker {
  kind: 'weeklyImprovement' | 'planItem';
  id: string;
  title: string;
  date: string;
  departmentName: string;
  /** Its impact card's page. */
  href: string;
  /** Its stored card for the chart's metric, with the organization's default windows; null until first computed. */
  impact: ImpactSummary | null;
}

export interface ChartTarget {
  value: number;
  /** For this touchpoint, or the organization-wide target for the metric. */
  scope: 'touchpoint' | 'organization';
  dueDate: string;
  goalVersion: number;
}

export interface LatestComment {
  id: string;
  /** On the metric's scale; for TTR whole minutes. */
  score: number;
  comment: string;
  respondedAt: string;
  persona: string | null;
  channel: string | null;
}

export interface TouchpointChart {
  touchpointId: string;
  metric: Metric;
  from: string;
  to: string;
  bucket: ChartBucket;
  cesHeadline: CesHeadline;
  /** Answers per metric in the range: the tabs show them, and the default tab is the largest. */
  counts: Record<Metric, number>;
  headline: Score;
  previous: DateRange & { score: Score };
  comparison: { delta: number | null; margin: number | null; significant: boolean };
  points: ChartPoint[];
  target: ChartTarget | null;
  markers: ChartMarker[];
  measured: MetricAggregate[];
  distribution: ReturnType<typeof distributionOf> | null;
  comments: LatestComment[];
}

const COMMENTS = 10;

/**
 * The chart's metric (the one asked for, else the one with the most answers in the range) and its buckets, each with
 * n, value and interval, from the rollups: what the read API serves, and the start of the touchpoint's chart. Null
 * when the organization has no such touchpoint.
 */
export async function chartPoints(
  db: Database,
  organization: ChartOrganization,
  touchpointId: string,
  query: ChartQuery,
) {
  const [touchpoint] = await db
    .select({ id: touchpoints.id })
    .from(touchpoints)
    .where(and(eq(touchpoints.organizationId, organization.id), eq(touchpoints.id, touchpointId)));
  if (!touchpoint) return null;
  const firstDay = organization.weekStartsOn;
  const range: DateRange = { from: query.from, to: query.to };
  const cesHeadline = organization.cesHeadline ?? (await cesHeadlineOf(db, organization.id));
  const totals = await rollupHistograms(db, organization.id, {
    touchpointIds: [touchpointId],
    ...range,
    bucket: 'total',
    weekStartsOn: firstDay,
  });
  const counts = Object.fromEntries(metrics.map((m) => [m, 0])) as Record<Metric, number>;
  for (const row of totals) for (const count of row.histogram.values()) counts[row.metric] += count;
  const metric = query.metric ?? metrics.reduce((best, m) => (counts[m] > counts[best] ? m : best), metrics[0]);
  const bucketed = await rollupHistograms(db, organization.id, {
    touchpointIds: [touchpointId],
    metrics: [metric],
    ...range,
    bucket: query.bucket,
    weekStartsOn: firstDay,
  });
  const byBucket = new Map(bucketed.map((row) => [row.bucket, row.histogram]));
  const points = bucketStarts(range, query.bucket, firstDay).map((bucket): ChartPoint => {
    const { value, low, high, margin, n, smallSample } = scoreOf(metric, byBucket.get(bucket) ?? new Map(), {
      cesHeadline,
    });
    return { bucket, value, low, high, margin, n, smallSample };
  });
  const rangeHistogram = totals.find((row) => row.metric === metric)?.histogram ?? new Map<number, number>();
  // The unit the values are in (a CES mean or a share, say), the same for every bucket.
  const { unit } = scoreOf(metric, new Map(), { cesHeadline });
  return { metric, unit, range, cesHeadline, counts, points, rangeHistogram };
}

/** The chart data of one touchpoint; null when the organization has no such touchpoint. */
export async function touchpointChart(
  db: Database,
  organization: ChartOrganization,
  touchpointId: string,
  query: ChartQuery,
): Promise<TouchpointChart | null> {
  const chart = await chartPoints(db, organization, touchpointId, query);
  if (!chart) return null;
  const { metric, range, cesHeadline, counts, points, rangeHistogram } = chart;
  const firstDay = organization.weekStartsOn;
  const options = { cesHeadline };

  const markers = await changesAt(db, organization.id, touchpointId, range);
  // One read of the stored cards of every change on the chart.
  const cards = await storedCards(
    db,
    organization.id,
    markers.map((m) => ({ kind: cardKinds[m.kind], id: m.id })),
  );
  // One read of daily rollups serves the headline and the previous period.
  const previous = previousPeriod(range);
  const span = { from: previous.from, to: range.to };
  const daily: DailyHistogram[] = (
    await rollupHistograms(db, organization.id, {
      touchpointIds: [touchpointId],
      metrics: [metric],
      ...span,
      bucket: 'day',
      weekStartsOn: firstDay,
    })
  ).map((row) => ({ day: row.bucket, histogram: row.histogram }));

  const headline = scoreWithin(metric, daily, range, options);
  const previousScore = scoreWithin(metric, daily, previous, options);
  const [target, measured, comments] = await Promise.all([
    targetFor(db, organization.id, touchpointId, metric),
    aggregatesFor(db, organization.id, { touchpointIds: [touchpointId], metrics: [metric], ...range }),
    latestComments(db, organization.id, touchpointId, metric, range),
  ]);
  return {
    touchpointId,
    metric,
    ...range,
    bucket: query.bucket,
    cesHeadline,
    counts,
    headline,
    previous: { ...previous, score: previousScore },
    comparison: compareScores(headline, previousScore),
    points,
    target,
    markers: markers.map((m) => ({ ...m, impact: impactSummaryOf(cards.get(`${cardKinds[m.kind]}:${m.id}`), metric) })),
    measured,
    distribution: metric === 'ttr' ? null : distributionOf(metric, rangeHistogram),
    comments,
  };
}

const cardKinds = { weeklyImprovement: 'improvement', planItem: 'plan-item' } as const;

/** Weekly improvements linked to the touchpoint (at their effective date) and its done plan items (when they took effect), in the range. */
async function changesAt(
  db: Database,
  organizationId: string,
  touchpointId: string,
  range: DateRange,
): Promise<Omit<ChartMarker, 'impact'>[]> {
  const improvements = await db
    .select({
      id: weeklyImprovements.id,
      title: weeklyImprovements.title,
      date: weeklyImprovements.effectiveDate,
      departmentName: departments.name,
    })
    .from(weeklyImprovementTouchpoints)
    .innerJoin(
      weeklyImprovements,
      and(
        eq(weeklyImprovements.organizationId, weeklyImprovementTouchpoints.organizationId),
        eq(weeklyImprovements.id, weeklyImprovementTouchpoints.improvementId),
      ),
    )
    .innerJoin(
      departments,
      and(
        eq(departments.organizationId, weeklyImprovements.organizationId),
        eq(departments.id, weeklyImprovements.departmentId),
      ),
    )
    .where(
      and(
        eq(weeklyImprovementTouchpoints.organizationId, organizationId),
        eq(weeklyImprovementTouchpoints.touchpointId, touchpointId),
        gte(weeklyImprovements.effectiveDate, range.from),
        lte(weeklyImprovements.effectiveDate, range.to),
      ),
    );
  const done = await db
    .select({
      id: planItems.id,
      title: planItems.title,
      date: planItems.effectiveDate,
      departmentName: departments.name,
    })
    .from(planItemTouchpoints)
    .innerJoin(
      planItems,
      and(
        eq(planItems.organizationId, planItemTouchpoints.organizationId),
        eq(planItems.id, planItemTouchpoints.planItemId),
      ),
    )
    .innerJoin(
      departments,
      and(eq(departments.organizationId, planItems.organizationId), eq(departments.id, planItems.departmentId)),
    )
    .where(
      and(
        eq(planItemTouchpoints.organizationId, organizationId),
        eq(planItemTouchpoints.touchpointId, touchpointId),
        eq(planItems.status, 'done'),
        isNotNull(planItems.effectiveDate),
        gte(planItems.effectiveDate, range.from),
        lte(planItems.effectiveDate, range.to),
      ),
    );
  const markers: Omit<ChartMarker, 'impact'>[] = [
    ...improvements.map((i) => ({
      kind: 'weeklyImprovement' as const,
      id: i.id,
      title: i.title,
      date: i.date,
      departmentName: i.departmentName,
      href: `/changes/improvement/${i.id}`,
    })),
    ...done.map((p) => ({
      kind: 'planItem' as const,
      id: p.id,
      title: p.title,
      date: p.date!,
      departmentName: p.departmentName,
      href: `/changes/plan-item/${p.id}`,
    })),
  ];
  return markers.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}

/** The current published goal's target for this touchpoint and metric, else its organization-wide one. */
async function targetFor(
  db: Database,
  organizationId: string,
  touchpointId: string,
  metric: Metric,
): Promise<ChartTarget | null> {
  const goal = await currentGoal(db, organizationId);
  if (!goal) return null;
  const own = goal.targets.find((t) => t.metric === metric && t.touchpointId === touchpointId);
  const company = goal.targets.find((t) => t.metric === metric && t.touchpointId === null);
  const chosen = own ?? company;
  if (!chosen) return null;
  return {
    value: chosen.targetValue,
    scope: own ? 'touchpoint' : 'organization',
    dueDate: chosen.dueDate,
    goalVersion: goal.version,
  };
}

/** Values measured elsewhere whose period overlaps the range. */
/** The newest answers with a comment in the range. */
async function latestComments(
  db: Database,
  organizationId: string,
  touchpointId: string,
  metric: Metric,
  range: DateRange,
): Promise<LatestComment[]> {
  const rows = await db
    .select({
      id: surveyResponses.id,
      score: surveyResponses.score,
      comment: surveyResponses.comment,
      respondedAt: surveyResponses.respondedAt,
      persona: surveyResponses.persona,
      channel: surveyResponses.channel,
    })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.organizationId, organizationId),
        eq(surveyResponses.touchpointId, touchpointId),
        eq(surveyResponses.metric, metric),
        gte(surveyResponses.day, range.from),
        lte(surveyResponses.day, range.to),
        isNotNull(surveyResponses.comment),
      ),
    )
    .orderBy(desc(surveyResponses.respondedAt), desc(surveyResponses.id))
    .limit(COMMENTS);
  return rows.map((r) => ({ ...r, comment: r.comment!, respondedAt: r.respondedAt.toISOString() }));
}
