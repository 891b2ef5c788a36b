/**
 * The buckets of a chart over a date range, so a bucket without answers still has its place (a gap in the
 * line, not a line drawn across it). Buckets match db/queries/metrics: a week is keyed by its first day, a
 * month by its 1st.
 */
import type { DateRange } from './before-after';
import { addDays, type FirstDay, weekOfDate } from './weeks';

export type ChartBucket = 'week' | 'month';

/** The first day of the bucket that holds `date`. */
export function bucketStartOf(date: string, bucket: ChartBucket, firstDay: FirstDay): string {
  return bucket === 'week' ? weekOfDate(date, firstDay) : `${date.slice(0, 7)}-01`;
}

function nextMonth(monthStart: string): string {
  const [year, month] = monthStart.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** Every bucket that overlaps the range, oldest first (the first may start before `from`). */
export function bucketStarts(range: DateRange, bucket: ChartBucket, firstDay: FirstDay): string[] {
  const starts: string[] = [];
  for (let start = bucketStartOf(range.from, bucket, firstDay); start <= range.to; start = bucket === 'week' ? addDays(start, 7) : nextMonth(start)) {
    starts.push(start);
  }
  return starts;
}
