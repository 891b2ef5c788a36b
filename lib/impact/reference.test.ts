/**
 * IMPACT.md's reference cases, each computed independently and named by its source line in the method.
 */
import { describe, expect, it } from 'vitest';
import { npsOf } from '@/lib/domain/metrics';
import { sumsOf, varianceOf } from './answers';
import { estimateEffect, type WeeklyCells } from './estimate';
import { netScoreDifference, newcombeInterval, welchFromSums } from './two-periods';

/** NPS answers as a histogram: promoters score 10, passives 8, detractors 0. */
const nps = (n: number, promoters: number, detractors: number) =>
  new Map([
    [10, promoters],
    [8, n - promoters - detractors],
    [0, detractors],
  ]);

describe('IMPACT.md reference cases', () => {
  it('"NPS one sample: n = 200, 100 promoters, 40 detractors: 30.0, margin 10.82"', () => {
    const score = npsOf(nps(200, 100, 40));
    expect(score.value).toBeCloseTo(30.0, 6);
    expect(score.margin).toBeCloseTo(10.82, 2);
  });

  it('"NPS difference of two periods (the 2 x 1 case)": 19.091, SE 9.883, z 1.9317, p 0.0534', () => {
    const e = netScoreDifference({ n: 120, positive: 42, negative: 30 }, { n: 110, positive: 50, negative: 18 });
    expect(e.difference).toBeCloseTo(19.091, 3);
    expect(e.se).toBeCloseTo(9.883, 3);
    expect(e.difference / e.se).toBeCloseTo(1.9317, 4);
    expect(e.p).toBeCloseTo(0.0534, 4);
  });

  describe('"NPS difference in differences (the 2 x 2 case)"', () => {
    const cells: WeeklyCells = new Map([
      [
        'treated',
        new Map([
          [-1, sumsOf('nps', nps(120, 42, 30))],
          [0, sumsOf('nps', nps(110, 50, 18))],
        ]),
      ],
      [
        'comparison',
        new Map([
          [-1, sumsOf('nps', nps(400, 160, 80))],
          [0, sumsOf('nps', nps(380, 160, 72))],
        ]),
      ],
    ]);
    const effect = estimateEffect({
      measure: 'nps',
      cells,
      change: { week: 0, touchpoints: ['treated'] },
      others: [],
      windows: { baselineWeeks: 1, washoutWeeks: 0, afterWeeks: 1 },
    })!;

    it('pools each touchpoint\'s variance over the window: "v_T = 0.57210, v_C = 0.55874"', () => {
      const pooled = (id: string) => {
        const [a, b] = [...cells.get(id)!.values()];
        return varianceOf('nps', { n: a!.n + b!.n, sum: a!.sum + b!.sum, sumSq: a!.sumSq + b!.sumSq }) / 1e4;
      };
      expect(pooled('treated')).toBeCloseTo(0.5721, 5);
      expect(pooled('comparison')).toBeCloseTo(0.55874, 5);
    });

    it('"Effect 15.933 … SE 11.329, 95% CI -6.27 to 38.14, p 0.1596", saturated so phi = 1 and the normal distribution', () => {
      expect(effect.estimator).toBe('model');
      expect(effect.estimate).toBeCloseTo(15.933, 3);
      expect(effect.se).toBeCloseTo(11.329, 3);
      expect(effect.low).toBeCloseTo(-6.27, 2);
      expect(effect.high).toBeCloseTo(38.14, 2);
      expect(effect.p).toBeCloseTo(0.1596, 4);
      expect(effect.phi).toBe(1);
      expect(effect.df).toBeNull();
    });

    it('"any weights give it": the effect is the difference in differences whatever the variances', () => {
      const did = 3200 / 110 - 1200 / 120 - (8800 / 380 - 8000 / 400);
      expect(effect.estimate).toBeCloseTo(did, 9);
    });
  });

  it('"Newcombe\'s hybrid score interval for two shares: 9/10 - 3/10 gives 0.1705 to 0.8090"', () => {
    const interval = newcombeInterval(9, 10, 3, 10);
    expect(interval.low).toBeCloseTo(0.1705, 4);
    expect(interval.high).toBeCloseTo(0.809, 4);
  });

  it('"Welch from sums": difference 0.29, SE 0.12478, df 5841.7, 95% CI 0.04538 to 0.53462, p 0.02016', () => {
    const e = welchFromSums({ n: 3407, sum: 1396.87, sumSq: 52377.9767 }, { n: 3461, sum: 2422.7, sumSq: 134698.29 });
    expect(e.difference).toBeCloseTo(0.29, 9);
    expect(e.se).toBeCloseTo(0.12478, 5);
    expect(e.df).toBeCloseTo(5841.7, 1);
    expect(e.low).toBeCloseTo(0.04538, 5);
    expect(e.high).toBeCloseTo(0.53462, 5);
    expect(e.p).toBeCloseTo(0.02016, 5);
  });
});
