import { describe, expect, it } from 'vitest';
import { betweenVariance, type RankInput, rankLevers } from './lever-ranking';

/** A measured lever on a metric whose minimum meaningful change is 5 (NPS points), better up. */
const lever = (id: string, estimate: number | null, se: number | null, extra: Partial<RankInput> = {}): RankInput => ({
  id,
  estimate,
  se,
  low: null,
  high: null,
  p: null,
  minChange: 5,
  direction: 'up',
  ...extra,
});

const byId = (result: ReturnType<typeof rankLevers>) => new Map(result.ranked.map((r) => [r.id, r]));

describe('the common scale', () => {
  it('divides by the minimum meaningful change and turns "down is better" positive (IMPACT.md)', () => {
    const { ranked } = rankLevers([
      lever('nps', 10, 2.5, { low: 5.1, high: 14.9 }),
      // Time to resolution 20% shorter, against a minimum meaningful change of 10%: two units better.
      lever('ttr', -20, 5, { low: -30, high: -10, minChange: 10, direction: 'down' }),
    ]);
    const at = new Map(ranked.map((r) => [r.id, r]));
    expect(at.get('nps')).toMatchObject({ scaled: 2, scaledSe: 0.5, scaledLow: 1.02, scaledHigh: 2.98 });
    expect(at.get('ttr')).toMatchObject({ scaled: 2, scaledSe: 0.5, scaledLow: 1, scaledHigh: 3 });
  });

  it('takes the normal interval when the card gives none', () => {
    const [only] = rankLevers([lever('a', 10, 5)]).ranked;
    expect(only!.scaledLow).toBeCloseTo((10 - 1.959964 * 5) / 5, 9);
    expect(only!.scaledHigh).toBeCloseTo((10 + 1.959964 * 5) / 5, 9);
  });

  it('leaves out the levers not measured: no estimate or no SE', () => {
    const result = rankLevers([lever('a', 10, 5), lever('collecting', null, null), lever('half', 4, null)]);
    expect(result.ranked.map((r) => r.id)).toEqual(['a']);
  });
});

describe('shrinking (empirical Bayes, method of moments)', () => {
  it('matches the formula worked by hand', () => {
    // theta = 2, -1, 3; se = 1, 0.5, 2. mean(theta^2) = 14/3, mean(se^2) = 1.75, tau^2 = 35/12 = 2.916667.
    const result = rankLevers([lever('a', 10, 5), lever('b', -5, 2.5), lever('c', 15, 10)]);
    expect(result.tau2).toBeCloseTo(35 / 12, 12);
    const at = byId(result);
    // theta* = theta * tau^2 / (tau^2 + se^2)
    expect(at.get('a')!.shrunk).toBeCloseTo(1.489362, 6); // 2 x 2.916667 / 3.916667
    expect(at.get('b')!.shrunk).toBeCloseTo(-0.921053, 6); // -1 x 2.916667 / 3.166667
    expect(at.get('c')!.shrunk).toBeCloseTo(1.26506, 5); // 3 x 2.916667 / 6.916667
  });

  it('never lets tau^2 go below zero: effects no larger than their noise all shrink to zero', () => {
    expect(
      betweenVariance([
        { scaled: 0.5, scaledSe: 1 },
        { scaled: -0.5, scaledSe: 1 },
      ]),
    ).toBe(0);
    const result = rankLevers([lever('a', 2.5, 5), lever('b', -2.5, 5)]);
    expect(result.tau2).toBe(0);
    expect(result.ranked.map((r) => Math.abs(r.shrunk))).toEqual([0, 0]);
  });

  it('puts a tiny-sample lever first by its raw effect, but not by its shrunken one', () => {
    const items = [
      // Measured on a handful of answers: the largest effect, and a huge SE.
      lever('tiny', 30, 25),
      lever('solid', 15, 2.5),
      lever('steady', 12.5, 2),
      lever('fair', 10, 2.5),
      lever('small', 5, 2.5),
      lever('none', 0, 2.5),
      lever('worse', -5, 2.5),
    ];
    const raw = [...items].sort((a, b) => b.estimate! / b.minChange - a.estimate! / a.minChange);
    expect(raw[0]!.id).toBe('tiny');

    const result = rankLevers(items);
    expect(result.by).toBe('shrunk');
    // mean(theta^2) = 57.25 / 7, mean(se^2) = 26.41 / 7: tau^2 = 30.84 / 7.
    expect(result.tau2).toBeCloseTo(30.84 / 7, 12);
    expect(result.ranked.map((r) => r.id)).toEqual(['solid', 'steady', 'fair', 'small', 'tiny', 'none', 'worse']);
    const tiny = byId(result).get('tiny')!;
    expect(tiny.scaled).toBe(6);
    expect(tiny.shrunk).toBeCloseTo((6 * (30.84 / 7)) / (30.84 / 7 + 25), 12);
    expect(tiny.rank).toBe(5);
  });
});

describe('with fewer than 6 measured levers', () => {
  it('sorts by the lower bound of the interval instead', () => {
    // Lower bounds on the scale: a 0.040, e 0.004, d -0.340, c -0.920, b -1.980. Shrunken (tau^2 = 2.658) the
    // order would be a 1.453, d 1.408, c 1.198, e 0.199, b -0.914: a precise small effect (e) beats two larger,
    // noisier ones only by the lower bound.
    const five = [lever('a', 10, 5), lever('b', -5, 2.5), lever('c', 15, 10), lever('d', 13, 7.5), lever('e', 1, 0.5)];
    const result = rankLevers(five);
    expect(result.by).toBe('lower-bound');
    expect(result.ranked.map((r) => r.id)).toEqual(['a', 'e', 'd', 'c', 'b']);
    expect(result.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    const byShrunk = [...result.ranked].sort((x, y) => y.shrunk - x.shrunk).map((r) => r.id);
    expect(byShrunk).toEqual(['a', 'd', 'c', 'e', 'b']);
  });

  it('counts only the measured ones: five measured and one collecting still sort by the lower bound', () => {
    const items = [1, 2, 3, 4, 5].map((i) => lever(`m${i}`, i, 1));
    expect(rankLevers([...items, lever('collecting', null, null)]).by).toBe('lower-bound');
    expect(rankLevers([...items, lever('m6', 6, 1)]).by).toBe('shrunk');
  });
});

describe('clear levers', () => {
  it('are Benjamini-Hochberg discoveries at q = 0.10 across the list, at least the minimum meaningful change better', () => {
    const result = rankLevers([
      lever('better', 15, 3, { p: 0.001 }),
      // Significant, but smaller than the minimum meaningful change: not clear.
      lever('too-small', 2.5, 1, { p: 0.01 }),
      // Clearly worse: not clear (clear means better).
      lever('worse', -15, 5, { p: 0.003 }),
      // Its own p is above 0.05, yet it is below BH's bar at its rank (4/5 x 0.10 = 0.08): a discovery in this list.
      lever('borderline', 12, 5, { p: 0.06 }),
      lever('noise', 3, 5, { p: 0.5 }),
      lever('untested', 20, 6),
    ]);
    // Five tested (one has no p): sorted p 0.001, 0.003, 0.01, 0.06, 0.5 against 0.02, 0.04, 0.06, 0.08, 0.10.
    const clear = result.ranked.filter((r) => r.clear).map((r) => r.id);
    expect(clear.sort()).toEqual(['better', 'borderline']);
  });

  it('are not every lever whose own p is below 0.05', () => {
    const result = rankLevers([
      lever('a', 15, 3, { p: 0.001 }),
      lever('b', 12, 5, { p: 0.04 }),
      lever('c', 5, 5, { p: 0.3 }),
      lever('d', 5, 5, { p: 0.5 }),
      lever('e', 5, 5, { p: 0.6 }),
      lever('f', 5, 5, { p: 0.9 }),
    ]);
    // 0.04 is above 2/6 x 0.10 = 0.033: only a is a discovery.
    expect(result.ranked.filter((r) => r.clear).map((r) => r.id)).toEqual(['a']);
  });
});
