/**
 * "What would settle it" (IMPACT.md): only the after window can grow. The variance must fall to (m / k)^2 for the
 * minimum meaningful change m at 5% two-sided and 80% power; the treated touchpoints' after-window weights are
 * scaled by s, and the smallest s that gets there is found by bisection (the variance falls as s grows).
 */

/** z(0.975) + z(0.80): detect m with 80% power at 5% two-sided. */
export const POWER_K = 2.8016;

export type VarianceAt = (scale: number) => number | null;

export type Settling = { kind: 'settled' } | { kind: 'more'; scale: number } | { kind: 'never' };

const UNLIMITED = 1e9;

export function settleScale(varianceAt: VarianceAt, minChange: number): Settling {
  const target = (minChange / POWER_K) ** 2;
  const now = varianceAt(1);
  if (now === null) return { kind: 'never' };
  if (now <= target) return { kind: 'settled' };
  const limit = varianceAt(UNLIMITED);
  if (limit === null || limit > target) return { kind: 'never' };
  // The variance is close to a + b / s (the after window's part shrinks with its answers): start from that guess,
  // then bracket and bisect, so a handful of fits find s within 1% (the answers are rounded up anyway).
  const guess = Math.max(1.01, (now - limit) / Math.max(target - limit, Number.EPSILON));
  let low = 1;
  let high = guess;
  while ((varianceAt(high) ?? Infinity) > target) [low, high] = [high, high * 2];
  if (high === guess) {
    low = Math.max(1, guess / 1.5);
    while (low > 1 && (varianceAt(low) ?? Infinity) <= target) [high, low] = [low, Math.max(1, low / 1.5)];
  }
  for (let i = 0; i < 40 && high / low > 1.01; i++) {
    const mid = Math.sqrt(low * high);
    if ((varianceAt(mid) ?? Infinity) > target) low = mid;
    else high = mid;
  }
  return { kind: 'more', scale: high };
}
