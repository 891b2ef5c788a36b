/**
 * The buckets of a chart over a date range, so a bucket without answers still has its place (a gap in the
 * line, not a line drawn across it). Buckets match db/queries/metrics: a week is keyed by its first day, a
 * month by its 1st.
 */
import type { DateRange } from './before-after';
import { addDays, type FirstDay, weekOfDate } from './weeks';

export type ChartBucket = 'week' | 'month';

/** The longest range a chart asks for: three years of days. */
export const MAX_RANGE_DAYS = 3 * 366;

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
  for (
    let start = bucketStartOf(range.from, bucket, firstDay);
    start <= range.to;
    start = bucket === 'week' ? addDays(start, 7) : nextMonth(start)
  ) {
    starts.push(start);
  }
  return starts;
}

/** The same day `months` months earlier, clamped to the month's last day (31 May - 3 months = 28/29 Feb). */
export function monthsBefore(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** "The last N months" up to today, starting at a bucket boundary so the first bucket is whole. */
export function lastMonths(today: string, months: number, bucket: ChartBucket, firstDay: FirstDay): DateRange {
  const start = monthsBefore(today, months);
  return {
    from: bucketStartOf(
      bucket === 'month' ? `${monthsBefore(today, months - 1).slice(0, 7)}-01` : addDays(start, 1),
      bucket,
      firstDay,
    ),
    to: today,
  };
}
