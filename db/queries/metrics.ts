import 'server-only';
import { and, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { metricRollups, surveyResponses } from '@/db/schema';
import type { Metric } from '@/lib/domain/metrics';

/** How answers are grouped over time; 'total' puts the whole range in one bucket. */
export type Bucket = 'day' | 'week' | 'month' | 'total';

export interface HistogramQuery {
  touchpointIds?: string[];
  metrics?: Metric[];
  /** Inclusive calendar dates in the organization's time zone. */
  from: string;
  to: string;
  bucket: Bucket;
  /** ISO day the organization's weeks start on (1 = Monday, 7 = Sunday). */
  weekStartsOn: number;
}

export interface HistogramRow {
  touchpointId: string;
  metric: Metric;
  /** The bucket's first day (YYYY-MM-DD), or the range's first day for 'total'. */
  bucket: string;
  histogram: Map<number, number>;
}

function bucketOf(day: SQL | typeof metricRollups.day, query: HistogramQuery): SQL<string> {
  switch (query.bucket) {
    case 'day':
      return sql<string>`${day}`;
    case 'week':
      return sql<string>`(${day} - ((extract(isodow from ${day})::int - ${query.weekStartsOn} + 7) % 7))`;
    case 'month':
      return sql<string>`date_trunc('month', ${day})::date`;
    case 'total':
      return sql<string>`${query.from}::date`;
  }
}

/** Grouped by select-list position: a bucket expression with parameters never matches itself textually. */
const byPosition = sql`1, 2, 3, 4`;

function collect(
  rows: { touchpointId: string; metric: Metric; bucket: string; score: number; count: number }[],
): HistogramRow[] {
  const out = new Map<string, HistogramRow>();
  for (const row of rows) {
    const key = `${row.touchpointId}|${row.metric}|${row.bucket}`;
    let entry = out.get(key);
    if (!entry)
      out.set(
        key,
        (entry = { touchpointId: row.touchpointId, metric: row.metric, bucket: row.bucket, histogram: new Map() }),
      );
    entry.histogram.set(row.score, (entry.histogram.get(row.score) ?? 0) + Number(row.count));
  }
  return [...out.values()].sort((a, b) => a.bucket.localeCompare(b.bucket));
}

/**
 * Score histograms per touchpoint, metric and bucket, from the daily rollups (what charts read). One row per day
 * is read and the days are summed here: no grouping in SQL, so a year of one touchpoint is 365 small rows.
 */
export async function rollupHistograms(
  db: Database,
  organizationId: string,
  query: HistogramQuery,
): Promise<HistogramRow[]> {
  const where = [
    eq(metricRollups.organizationId, organizationId),
    gte(metricRollups.day, query.from),
    lte(metricRollups.day, query.to),
  ];
  if (query.touchpointIds) where.push(inArray(metricRollups.touchpointId, query.touchpointIds));
  if (query.metrics) where.push(inArray(metricRollups.metric, query.metrics));
  const days = await db
    .select({
      touchpointId: metricRollups.touchpointId,
      metric: metricRollups.metric,
      bucket: sql<string>`${bucketOf(metricRollups.day, query)}::text`,
      counts: metricRollups.counts,
    })
    .from(metricRollups)
    .where(and(...where));
  const out = new Map<string, HistogramRow>();
  for (const day of days) {
    const key = `${day.touchpointId}|${day.metric}|${day.bucket}`;
    let entry = out.get(key);
    if (!entry)
      out.set(
        key,
        (entry = { touchpointId: day.touchpointId, metric: day.metric, bucket: day.bucket, histogram: new Map() }),
      );
    for (const score in day.counts) {
      const value = Number(score);
      entry.histogram.set(value, (entry.histogram.get(value) ?? 0) + day.counts[score]!);
    }
  }
  return [...out.values()].sort((a, b) => a.bucket.localeCompare(b.bucket));
}

/** The same histograms computed from the raw answers: for checking the rollups and for the bench. */
export async function rawHistograms(
  db: Database,
  organizationId: string,
  query: HistogramQuery,
): Promise<HistogramRow[]> {
  const bucket = bucketOf(surveyResponses.day as unknown as typeof metricRollups.day, query);
  const where = [
    eq(surveyResponses.organizationId, organizationId),
    gte(surveyResponses.day, query.from),
    lte(surveyResponses.day, query.to),
  ];
  if (query.touchpointIds) where.push(inArray(surveyResponses.touchpointId, query.touchpointIds));
  if (query.metrics) where.push(inArray(surveyResponses.metric, query.metrics));
  const rows = await db
    .select({
      touchpointId: surveyResponses.touchpointId,
      metric: surveyResponses.metric,
      bucket: sql<string>`${bucket}::text`,
      score: surveyResponses.score,
      count: sql<number>`count(*)::bigint`.mapWith(Number),
    })
    .from(surveyResponses)
    .where(and(...where))
    .groupBy(byPosition);
  return collect(rows);
}
