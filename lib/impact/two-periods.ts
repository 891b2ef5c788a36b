/**
 * Before against after at one place, without a comparison: the fallback estimator of a card ("uncontrolled") and the
 * reference cases of IMPACT.md. Net scores by the trinomial variance of each period, shares by Newcombe's hybrid
 * score interval, means (CES, ln TTR) by Welch from sums.
 */
import { wilsonInterval, Z95 } from '@/lib/domain/statistics';
import type { Sums } from './answers';
import { critical, twoSidedP } from './distributions';

export interface TwoPeriodEffect {
  difference: number;
  se: number;
  low: number;
  high: number;
  p: number;
  /** Welch's degrees of freedom; null where the normal distribution is used. */
  df: number | null;
}

export interface NetCounts {
  n: number;
  positive: number;
  negative: number;
}

/** NPS/NEV after minus before, in points, each period with its own variance (p + d - (p - d)^2) / n. */
export function netScoreDifference(before: NetCounts, after: NetCounts): TwoPeriodEffect {
  const score = (c: NetCounts) => (c.positive - c.negative) / c.n;
  const variance = (c: NetCounts) => {
    const p = c.positive / c.n;
    const d = c.negative / c.n;
    return (p + d - (p - d) ** 2) / c.n;
  };
  const difference = 100 * (score(after) - score(before));
  const se = 100 * Math.sqrt(variance(before) + variance(after));
  const z = difference / se;
  return { difference, se, low: difference - Z95 * se, high: difference + Z95 * se, p: twoSidedP(z, null), df: null };
}

/** Newcombe's hybrid score interval (his method 10) for p1 - p2, from two Wilson intervals; fractions 0..1. */
export function newcombeInterval(x1: number, n1: number, x2: number, n2: number): { low: number; high: number } {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const w1 = wilsonInterval(x1, n1);
  const w2 = wilsonInterval(x2, n2);
  const d = p1 - p2;
  return {
    low: d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
    high: d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
  };
}

/** A share after minus before, in percentage points: the Wald SE and p, Newcombe's interval. */
export function shareDifference(before: { n: number; x: number }, after: { n: number; x: number }): TwoPeriodEffect {
  const pb = before.x / before.n;
  const pa = after.x / after.n;
  const difference = 100 * (pa - pb);
  const se = 100 * Math.sqrt((pb * (1 - pb)) / before.n + (pa * (1 - pa)) / after.n);
  const interval = newcombeInterval(after.x, after.n, before.x, before.n);
  const p = se > 0 ? twoSidedP(difference / se, null) : difference === 0 ? 1 : 0;
  return { difference, se, low: 100 * interval.low, high: 100 * interval.high, p, df: null };
}

/** Welch's t for the difference of two means (b minus a), from n, sum and sum of squares. */
export function welchFromSums(a: Sums, b: Sums): TwoPeriodEffect {
  const mean = (s: Sums) => s.sum / s.n;
  const variance = (s: Sums) => (s.sumSq - s.n * mean(s) ** 2) / (s.n - 1);
  const qa = variance(a) / a.n;
  const qb = variance(b) / b.n;
  const difference = mean(b) - mean(a);
  const se = Math.sqrt(qa + qb);
  const df = (qa + qb) ** 2 / (qa ** 2 / (a.n - 1) + qb ** 2 / (b.n - 1));
  const t = critical(0.95, df);
  const p = se > 0 ? twoSidedP(difference / se, df) : difference === 0 ? 1 : 0;
  return { difference, se, low: difference - t * se, high: difference + t * se, p, df };
}
