import 'server-only';
import type { Database } from '@/db/client';
import { addDays } from '@/lib/domain/weeks';
import {
  type CesHeadline,
  compareScores,
  type Histogram,
  type Metric,
  mergeHistograms,
  metrics as metricOrder,
  type Score,
  scoreOf,
} from '@/lib/domain/metrics';
import { rollupHistograms } from './metrics';
import { cesHeadlineOf } from './organizations';

/** The days compared: `from`..`to` and the same number of days just before, all inclusive calendar dates. */
export interface SummaryPeriod {
  days: number;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

/** One metric over the period and the period before, with the change between them. */
export interface MetricSummary {
  metric: Metric;
  current: Score;
  previous: Score;
  trend: ReturnType<typeof compareScores>;
  /** The answers behind `current`, for a reading in another unit (a CES mean for a goal target). */
  histogram: Map<number, number>;
}

export interface TouchpointSummaries {
  period: SummaryPeriod;
  cesHeadline: CesHeadline;
  /** Per touchpoint with answers in either period: its metrics, most answered in the period first. */
  byTouchpoint: Map<string, MetricSummary[]>;
  /** Every touchpoint asked for (or all, archived ones too) combined: histograms merged per metric, most answered first. */
  combined: MetricSummary[];
}

export function summaryPeriod(today: string, days: number): SummaryPeriod {
  const from = addDays(today, -(days - 1));
  return { days, from, to: today, previousFrom: addDays(from, -days), previousTo: addDays(from, -1) };
}

function summarize(metric: Metric, current: Histogram, previous: Histogram, cesHeadline: CesHeadline): MetricSummary {
  const now = scoreOf(metric, current, { cesHeadline });
  const before = scoreOf(metric, previous, { cesHeadline });
  return { metric, current: now, previous: before, trend: compareScores(now, before), histogram: new Map(current) };
}

/** Most answers in the period first; ties (and empty periods) in the usual metric order. */
function byAnswers(a: MetricSummary, b: MetricSummary) {
  return (
    b.current.n - a.current.n ||
    b.previous.n - a.previous.n ||
    metricOrder.indexOf(a.metric) - metricOrder.indexOf(b.metric)
  );
}

type Pair = { current: Map<number, number>; previous: Map<number, number> };

function addTo(groups: Map<Metric, Pair>, metric: Metric, side: keyof Pair, histogram: Histogram) {
  let pair = groups.get(metric);
  if (!pair) groups.set(metric, (pair = { current: new Map(), previous: new Map() }));
  pair[side] = mergeHistograms(pair[side], histogram);
}

function summaries(groups: Map<Metric, Pair>, cesHeadline: CesHeadline): MetricSummary[] {
  return [...groups]
    .map(([metric, pair]) => summarize(metric, pair.current, pair.previous, cesHeadline))
    .sort(byAnswers);
}

/**
 * Scores of touchpoints over the last `days` days up to `today` (the organization's calendar date) and over the
 * days before, from the daily rollups: one 'total' histogram query per period, whatever the number of touchpoints
 * (and a one-row read of the organization's CES headline unless the caller passes it).
 */
export async function touchpointSummaries(
  db: Database,
  organizationId: string,
  query: { today: string; days?: number; touchpointIds?: string[]; metrics?: Metric[]; cesHeadline?: CesHeadline },
): Promise<TouchpointSummaries> {
  const period = summaryPeriod(query.today, query.days ?? 90);
  const scope = {
    touchpointIds: query.touchpointIds,
    metrics: query.metrics,
    bucket: 'total' as const,
    weekStartsOn: 1,
  };
  const [cesHeadline, current, previous] = await Promise.all([
    query.cesHeadline ?? cesHeadlineOf(db, organizationId),
    rollupHistograms(db, organizationId, { ...scope, from: period.from, to: period.to }),
    rollupHistograms(db, organizationId, { ...scope, from: period.previousFrom, to: period.previousTo }),
  ]);

  const perTouchpoint = new Map<string, Map<Metric, Pair>>();
  const combined = new Map<Metric, Pair>();
  for (const [side, rows] of [
    ['current', current],
    ['previous', previous],
  ] as const) {
    for (const row of rows) {
      let groups = perTouchpoint.get(row.touchpointId);
      if (!groups) perTouchpoint.set(row.touchpointId, (groups = new Map()));
      addTo(groups, row.metric, side, row.histogram);
      addTo(combined, row.metric, side, row.histogram);
    }
  }
  const byTouchpoint = new Map([...perTouchpoint].map(([id, groups]) => [id, summaries(groups, cesHeadline)]));
  return { period, cesHeadline, byTouchpoint, combined: summaries(combined, cesHeadline) };
}
