/**
 * Interval maths against published values (t tables, a textbook Wilson case) and scipy.stats for the binomial
 * order statistics, then properties checked against an independent computation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianRanks95, netScoreMargin, tCritical95, wilsonInterval } from './statistics';

describe('tCritical95', () => {
  it.each([
    [1, 12.706],
    [2, 4.303],
    [9, 2.262],
    [10, 2.228],
    [29, 2.045],
    [30, 2.042],
    [31, 2.04],
    [40, 2.021],
    [60, 2.0],
    [100, 1.984],
    [120, 1.98],
    [1000, 1.962],
  ])('df %i -> %f', (df, t) => {
    expect(tCritical95(df)).toBeCloseTo(t, 3);
  });

  it('joins the table and the expansion smoothly, and decreases towards 1.96', () => {
    expect(tCritical95(31)).toBeCloseTo(2.039513, 6); // scipy.stats.t.ppf(0.975, 31)
    expect(tCritical95(100)).toBeCloseTo(1.983972, 6);
    for (let df = 1; df < 500; df++) expect(tCritical95(df + 1)).toBeLessThan(tCritical95(df));
    expect(tCritical95(1e9)).toBeCloseTo(1.959964, 6);
  });

  it('refuses a df that is not a positive integer', () => {
    for (const df of [0, -1, 1.5, Number.NaN]) expect(() => tCritical95(df)).toThrow(RangeError);
  });
});

describe('wilsonInterval', () => {
  it('8 of 10 -> [0.490, 0.943]', () => {
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.9433, 4);
  });

  it('0 of n starts at 0 and n of n ends at 1', () => {
    expect(wilsonInterval(0, 5).low).toBe(0);
    expect(wilsonInterval(0, 5).high).toBeCloseTo(0.4345, 4);
    expect(wilsonInterval(5, 5).high).toBe(1);
    expect(wilsonInterval(5, 5).low).toBeCloseTo(0.5655, 4);
  });

  it('always contains the observed share, within [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const successes = Math.round(f * n);
        const { low, high } = wilsonInterval(successes, n);
        expect(0 <= low && low <= successes / n && successes / n <= high && high <= 1).toBe(true);
      }),
    );
  });
});

describe('netScoreMargin', () => {
  it('n = 200, 100 positive, 40 negative -> 10.82 points (no correction)', () => {
    expect(netScoreMargin(100, 40, 200)).toBeCloseTo(10.824, 3);
  });

  it('applies the adjusted-Wald correction below 30 answers', () => {
    // n' = 4, p = 1.75 / 4, d = 0.75 / 4: SE = 100 * sqrt((0.625 - 0.0625) / 4) = 37.5
    expect(netScoreMargin(1, 0, 1)).toBeCloseTo(73.5, 10);
    // n' = 13, p = 5.75 / 13, d = 2.75 / 13
    expect(netScoreMargin(5, 2, 10)).toBeCloseTo(42.1283, 4);
    // at 30 the plain formula: p = 0.5, d = 0.2
    expect(netScoreMargin(15, 6, 30)).toBeCloseTo(196 * Math.sqrt(0.61 / 30), 10);
  });
});

/** Binomial(n, 1/2) probabilities by repeated halving (Pascal's triangle), independent of the log-space sum. */
function binomialHalf(n: number): number[] {
  let row = [1];
  for (let i = 0; i < n; i++) row = [...row, 0].map((x, k) => (x + (row[k - 1] ?? 0)) / 2);
  return row;
}

describe('medianRanks95', () => {
  it.each([
    [0, null],
    [5, null],
    [6, [1, 6]],
    [10, [2, 9]],
    [20, [6, 15]],
    [30, [10, 21]],
    [100, [40, 61]],
    [1000, [469, 532]],
    [100_000, [49_690, 50_311]],
    [1_000_000, [499_020, 500_981]],
  ])('n = %i -> %j (scipy.stats.binom)', (n, ranks) => {
    expect(medianRanks95(n)).toEqual(ranks && { lower: ranks[0], upper: ranks[1] });
  });

  it('is the narrowest symmetric pair of order statistics covering at least 95%', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (n) => {
        const pmf = binomialHalf(n);
        // coverage of [x(j), x(n+1-j)] is P(j <= B <= n - j)
        const coverage = (j: number) => pmf.slice(j, n - j + 1).reduce((a, b) => a + b, 0);
        const ranks = medianRanks95(n);
        if (ranks === null) {
          expect(n < 1 || coverage(1) < 0.95).toBe(true);
          return;
        }
        expect(ranks.upper).toBe(n + 1 - ranks.lower);
        expect(coverage(ranks.lower)).toBeGreaterThanOrEqual(0.95);
        expect(coverage(ranks.lower + 1)).toBeLessThan(0.95);
      }),
    );
  });
});
