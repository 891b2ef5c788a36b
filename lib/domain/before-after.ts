/**
 * "What did this change do?": a metric in the weeks before a change against the same number of weeks from
 * the change on, and a plain verdict that only claims a change when the difference exceeds its margin.
 * Also the period of equal length just before a date range, for the headline comparison. Pure: calendar
 * dates (YYYY-MM-DD) in, scores out.
 */
import {
  type CesHeadline,
  compareScores,
  type Histogram,
  lowerIsBetter,
  type Metric,
  mergeHistograms,
  type Score,
  scoreOf,
} from './metrics';
import { addDays } from './weeks';

export interface DateRange {
  /** Inclusive calendar dates. */
  from: string;
  to: string;
}

/** A day's histogram of one metric, as the daily rollups give it. */
export interface DailyHistogram {
  day: string;
  histogram: Histogram;
}

export type Verdict = 'up' | 'down' | 'unclear' | 'noData';

export interface BeforeAfter {
  before: DateRange & { score: Score };
  after: DateRange & { score: Score };
  delta: number | null;
  margin: number | null;
  verdict: Verdict;
  /** Either side has fewer than SMALL_SAMPLE answers: say so next to the verdict. */
  smallSample: boolean;
  /** Whether the move is good news: up is better except for TTR (hours to resolve); null without a clear move. */
  better: boolean | null;
}

const DAY = 86_400_000;

/** Days from `from` to `to`, both included. */
export function daysIn(range: DateRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / DAY) + 1;
}

/** The period of equal length that ends the day before `range` starts. */
export function previousPeriod(range: DateRange): DateRange {
  const length = daysIn(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** `weeks` whole weeks before the change (ending the day before it) and `weeks` weeks from its day on. */
export function windowsAround(changeDate: string, weeks: number): { before: DateRange; after: DateRange } {
  return {
    before: { from: addDays(changeDate, -7 * weeks), to: addDays(changeDate, -1) },
    after: { from: changeDate, to: addDays(changeDate, 7 * weeks - 1) },
  };
}

/** The merged histogram of the days inside `range`. */
export function histogramWithin(days: readonly DailyHistogram[], range: DateRange): Map<number, number> {
  return mergeHistograms(...days.filter((d) => d.day >= range.from && d.day <= range.to).map((d) => d.histogram));
}

/** The score of a metric over `range`, from daily histograms. */
export function scoreWithin(
  metric: Metric,
  days: readonly DailyHistogram[],
  range: DateRange,
  options?: { cesHeadline?: CesHeadline },
): Score {
  return scoreOf(metric, histogramWithin(days, range), options);
}

/** up / down only when |delta| exceeds the combined margin; noData when either side has no answers. */
export function verdictOf(
  before: Score,
  after: Score,
): { delta: number | null; margin: number | null; verdict: Verdict } {
  const { delta, margin, significant } = compareScores(after, before);
  if (delta === null) return { delta, margin, verdict: 'noData' };
  if (!significant) return { delta, margin, verdict: 'unclear' };
  return { delta, margin, verdict: delta > 0 ? 'up' : 'down' };
}

/** The before/after view of one change, from daily histograms covering both windows. */
export function beforeAfter(
  metric: Metric,
  days: readonly DailyHistogram[],
  changeDate: string,
  weeks: number,
  options?: { cesHeadline?: CesHeadline },
): BeforeAfter {
  const windows = windowsAround(changeDate, weeks);
  const before = scoreWithin(metric, days, windows.before, options);
  const after = scoreWithin(metric, days, windows.after, options);
  const { delta, margin, verdict } = verdictOf(before, after);
  const moved = verdict === 'up' || verdict === 'down';
  return {
    before: { ...windows.before, score: before },
    after: { ...windows.after, score: after },
    delta,
    margin,
    verdict,
    smallSample: before.smallSample || after.smallSample,
    better: moved ? (verdict === 'up') !== lowerIsBetter(metric) : null,
  };
}
