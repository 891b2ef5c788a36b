/** The checks that keep people from fooling themselves (IMPACT.md, "Warnings"), those that need no model. */
import type { Sums } from './answers';
import { chiSquareSurvival } from './distributions';

/** Counts per category (a channel, a persona; null is its own category). */
export type Counts = Readonly<Record<string, number>>;

/** Pearson's chi-square test of independence of a 2 x k table (before, after); null when there is nothing to test. */
export function chiSquareShift(before: Counts, after: Counts): { statistic: number; df: number; p: number } | null {
  const categories = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (c) => (before[c] ?? 0) + (after[c] ?? 0) > 0,
  );
  const nBefore = categories.reduce((s, c) => s + (before[c] ?? 0), 0);
  const nAfter = categories.reduce((s, c) => s + (after[c] ?? 0), 0);
  if (categories.length < 2 || nBefore === 0 || nAfter === 0) return null;
  const total = nBefore + nAfter;
  let statistic = 0;
  for (const c of categories) {
    const column = (before[c] ?? 0) + (after[c] ?? 0);
    for (const [observed, row] of [
      [before[c] ?? 0, nBefore],
      [after[c] ?? 0, nAfter],
    ] as const) {
      const expected = (row * column) / total;
      statistic += (observed - expected) ** 2 / expected;
    }
  }
  const df = categories.length - 1;
  return { statistic, df, p: chiSquareSurvival(statistic, df) };
}

/** Who answered changed when channels or personas shift at p < 0.001. */
export const AUDIENCE_P = 0.001;

/**
 * Regression to the mean: the last baseline week worse than the baseline's mean by more than 2 SE (of that week's
 * mean, from the baseline's per-answer variance). Returns how many SE it was, or null when it was not.
 */
export function regressionToMean(
  weeks: readonly Sums[],
  lowerIsBetter: boolean,
  variance: number,
): { lastWeek: number; mean: number; se: number } | null {
  const observed = weeks.filter((w) => w.n > 0);
  const last = observed.at(-1);
  if (!last || observed.length < 2) return null;
  const total = observed.reduce((s, w) => ({ n: s.n + w.n, sum: s.sum + w.sum }), { n: 0, sum: 0 });
  const mean = total.sum / total.n;
  const lastMean = last.sum / last.n;
  const se = Math.sqrt(variance / last.n);
  const worseBy = lowerIsBetter ? lastMean - mean : mean - lastMean;
  return worseBy > 2 * se ? { lastWeek: lastMean, mean, se } : null;
}
