/**
 * Ranking accelerators and blockers by what they did (IMPACT.md, "Ranking accelerators and blockers"). Pure.
 *
 * Every effect is first put on one scale: divided by its metric's minimum meaningful change and signed so that
 * better is positive (down is better for time to resolution). The effects are then shrunk towards zero by empirical
 * Bayes (method of moments): tau^2 = max(0, mean(theta_i^2) - mean(se_i^2)), theta_i* = theta_i * tau^2 / (tau^2 +
 * se_i^2), so a lever measured on a handful of answers cannot top the list by luck. With fewer than
 * MIN_FOR_SHRINKING measured levers tau^2 is too rough to lean on: they are sorted by the lower bound of their
 * interval instead.
 */
import { benjaminiHochberg } from '@/lib/impact/verdict';

export interface RankInput {
  id: string;
  /** The effect on the lever's target metric in the metric's effect unit; null when not measured. */
  estimate: number | null;
  se: number | null;
  /** The card's unadjusted 95% interval. */
  low: number | null;
  high: number | null;
  p: number | null;
  /** The metric's minimum meaningful change, in the same unit. */
  minChange: number;
  /** Which way is better for the metric (down for time to resolution). */
  direction: 'up' | 'down';
}

export interface Ranked {
  id: string;
  /** The effect in units of the minimum meaningful change, better positive. */
  scaled: number;
  scaledSe: number;
  /** The scaled effect shrunk towards zero (empirical Bayes). */
  shrunk: number;
  /** The interval on the same scale: scaledLow is the worse end. */
  scaledLow: number;
  scaledHigh: number;
  /**
   * Clearly better: a discovery by Benjamini-Hochberg at q = 0.10 across the measured levers' p values, with an
   * effect of at least the minimum meaningful change in the better direction (as the verdict "better" asks).
   */
  clear: boolean;
  /** 1 for the first. */
  rank: number;
}

/** Fewer measured levers than this: sort by the interval's lower bound, not by the shrunken effect. */
export const MIN_FOR_SHRINKING = 6;
/** The false discovery rate of "clear" across a list (IMPACT.md: q = 0.10). */
export const CLEAR_Q = 0.1;
const Z95 = 1.959964;

type Measured = RankInput & { estimate: number; se: number };

const isMeasured = (item: RankInput): item is Measured =>
  item.estimate !== null && item.se !== null && Number.isFinite(item.estimate) && Number.isFinite(item.se);

/** The between-lever variance of the true scaled effects, by the method of moments; never negative. */
export function betweenVariance(scaled: readonly { scaled: number; scaledSe: number }[]): number {
  if (scaled.length === 0) return 0;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.max(0, mean(scaled.map((s) => s.scaled ** 2)) - mean(scaled.map((s) => s.scaledSe ** 2)));
}

/** Puts one measured effect on the common scale, better positive. */
function scale(item: Measured) {
  const sign = item.direction === 'down' ? -1 : 1;
  const m = item.minChange;
  const scaled = (sign * item.estimate) / m;
  const scaledSe = item.se / m;
  // The card's interval when it has one (Student's t); the normal one otherwise.
  const low = item.low ?? item.estimate - Z95 * item.se;
  const high = item.high ?? item.estimate + Z95 * item.se;
  const ends = [(sign * low) / m, (sign * high) / m];
  return { scaled, scaledSe, scaledLow: Math.min(...ends), scaledHigh: Math.max(...ends) };
}

/**
 * Ranks the measured levers (estimate and SE known); the others are left out. `by` says which order was used:
 * the shrunken effect, or the lower bound with fewer than MIN_FOR_SHRINKING measured.
 */
export function rankLevers(items: readonly RankInput[]): {
  ranked: Ranked[];
  by: 'shrunk' | 'lower-bound';
  tau2: number;
} {
  const measured = items.filter(isMeasured).filter((item) => item.minChange > 0);
  const scaled = measured.map((item) => ({ item, ...scale(item) }));
  const tau2 = betweenVariance(scaled);
  const tested = scaled.filter(({ item }) => item.p !== null);
  const discoveries = benjaminiHochberg(
    tested.map(({ item }) => item.p!),
    CLEAR_Q,
  );
  const discovered = new Set(tested.filter((_, i) => discoveries[i]).map(({ item }) => item.id));
  const by = measured.length < MIN_FOR_SHRINKING ? 'lower-bound' : 'shrunk';
  const withShrunk = scaled.map(({ item, scaled: theta, scaledSe, scaledLow, scaledHigh }) => {
    const weight = tau2 + scaledSe ** 2;
    return {
      id: item.id,
      scaled: theta,
      scaledSe,
      // No spread between levers and no noise either: nothing to shrink.
      shrunk: weight === 0 ? theta : (theta * tau2) / weight,
      scaledLow,
      scaledHigh,
      clear: discovered.has(item.id) && theta >= 1,
    };
  });
  const key = (r: (typeof withShrunk)[number]) => (by === 'shrunk' ? r.shrunk : r.scaledLow);
  const ordered = withShrunk.sort(
    (a, b) => key(b) - key(a) || b.scaled - a.scaled || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { ranked: ordered.map((r, i) => ({ ...r, rank: i + 1 })), by, tau2 };
}
