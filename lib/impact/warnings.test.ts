/** The warnings of IMPACT.md that keep people from fooling themselves. */
import { describe, expect, it } from 'vitest';
import { sumsOf } from './answers';
import { estimateEffect } from './estimate';
import { chiSquareShift, regressionToMean } from './warnings';
import { seeded, simulate } from './simulate.test-helpers';

describe('who answered changed: chi-square of channel or persona counts, before against after', () => {
  it('a channel mix that moved from 50/50 to 80/20 gives chi-square 19.78 on 1 df, p below 0.001', () => {
    const test = chiSquareShift({ web: 50, phone: 50 }, { web: 80, phone: 20 })!;
    expect(test.statistic).toBeCloseTo(19.78, 2);
    expect(test.df).toBe(1);
    expect(test.p).toBeLessThan(0.001);
    expect(test.p).toBeGreaterThan(1e-6);
  });

  it('the same mix before and after is no warning, and one category is nothing to test', () => {
    expect(chiSquareShift({ web: 40, phone: 60 }, { web: 42, phone: 63 })!.p).toBeGreaterThan(0.5);
    expect(chiSquareShift({ web: 40 }, { web: 50 })).toBeNull();
  });
});

describe('regression to the mean: the last baseline week worse than the baseline by more than 2 SE', () => {
  const week = (promoters: number, detractors: number) =>
    sumsOf(
      'nps',
      new Map([
        [10, promoters],
        [8, 100 - promoters - detractors],
        [0, detractors],
      ]),
    );
  const variance = 6000;

  it('a bad last week before the change is flagged (lower NPS)', () => {
    expect(regressionToMean([week(50, 20), week(50, 20), week(50, 20), week(30, 40)], false, variance)).not.toBeNull();
  });

  it('an ordinary last week is not, and for time to resolution a higher week is the bad one', () => {
    expect(regressionToMean([week(50, 20), week(48, 21), week(50, 20), week(49, 20)], false, variance)).toBeNull();
    expect(regressionToMean([week(50, 20), week(50, 20), week(50, 20), week(30, 40)], true, variance)).toBeNull();
  });
});

describe('parallel trends: the same model before the baseline', () => {
  it('a touchpoint already drifting away from the others shows a clearly non-zero pretend effect (|t| > 2)', () => {
    // The treated touchpoint climbs 6 points a week from week -8 on; the others stay flat. No change at all.
    const cells = simulate(
      seeded(3),
      ['a', 'b', 'c', 'd'],
      -8,
      4,
      (t, w) => (t === 'a' ? 6 * (w + 8) : 0),
      () => 300,
    );
    const pretend = estimateEffect({
      measure: 'nps',
      cells,
      change: { week: -4, touchpoints: ['a'] },
      others: [],
      windows: { baselineWeeks: 4, washoutWeeks: 0, afterWeeks: 4 },
    })!;
    expect(Math.abs(pretend.estimate / pretend.se)).toBeGreaterThan(2);
  });
});
