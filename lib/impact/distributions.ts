/** The distribution functions the impact method needs, from stdlib's small single-function packages. */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Degrees of freedom, or null for the normal distribution (no residual degrees of freedom left). */
export type Df = number | null;

/** Two-sided p of a test statistic. */
export function twoSidedP(statistic: number, df: Df): number {
  const tail = df === null ? normalCdf(-Math.abs(statistic), 0, 1) : tCdf(-Math.abs(statistic), df);
  return Math.min(1, 2 * tail);
}

const criticals = new Map<string, number>();

/** The critical value of a two-sided interval at `level` (0.95 for a 95% interval); remembered, cards ask often. */
export function critical(level: number, df: Df): number {
  const key = `${level}:${df}`;
  let value = criticals.get(key);
  if (value === undefined) {
    const q = 1 - (1 - level) / 2;
    value = df === null ? normalQuantile(q, 0, 1) : tQuantile(q, df);
    if (criticals.size > 10_000) criticals.clear();
    criticals.set(key, value);
  }
  return value;
}

/** P(X >= x) for a chi-square with `df` degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  return 1 - chisquareCdf(x, df);
}
