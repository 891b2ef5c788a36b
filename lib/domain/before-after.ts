/**
 * Date ranges of the touchpoint page: the period of equal length just before a range (the headline compares the two),
 * and the score of a metric over a range from daily histograms. Pure: calendar dates (YYYY-MM-DD) in, scores out.
 * What a change did is the impact card's question (lib/impact), not this file's.
 */
import { type CesHeadline, type Histogram, type Metric, mergeHistograms, type Score, scoreOf } from './metrics';
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
