/** "What would settle it": the smallest scale of the after window's answers that detects the minimum change. */
import { describe, expect, it } from 'vitest';
import { POWER_K, settleScale } from './settle';

describe('settleScale', () => {
  // A variance of a + b / s, as a before/after comparison has: a from the baseline, b / s from the after window.
  const m = 5;
  const target = (m / POWER_K) ** 2;

  it('finds the smallest s within 1% for a variance of a + b / s', () => {
    const a = target / 2;
    const b = 4 * target;
    const exact = b / (target - a); // 8
    const found = settleScale((s) => a + b / s, m);
    expect(found.kind).toBe('more');
    if (found.kind === 'more') {
      expect(found.scale).toBeGreaterThanOrEqual(exact);
      expect(found.scale).toBeLessThan(exact * 1.011);
    }
  });

  it('finds it too when the variance falls more slowly than the guess assumes', () => {
    const variance = (s: number) => target / 2 + (4 * target) / Math.sqrt(s);
    const found = settleScale(variance, m);
    expect(found.kind).toBe('more');
    if (found.kind === 'more') {
      expect(variance(found.scale)).toBeLessThanOrEqual(target);
      expect(variance(found.scale / 1.011)).toBeGreaterThan(target);
    }
  });

  it('says never when even unlimited answers after the change leave too much variance, settled when already enough', () => {
    expect(settleScale((s) => 2 * target + 1 / s, m)).toEqual({ kind: 'never' });
    expect(settleScale(() => target / 2, m)).toEqual({ kind: 'settled' });
  });
});
