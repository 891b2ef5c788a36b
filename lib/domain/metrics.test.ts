/**
 * Metric formulas: hand-computed cases per metric, empty and single-answer histograms, then properties
 * checked against a small raw implementation that works on the plain array of answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cesOf,
  compareScores,
  csatOf,
  distributionOf,
  histogramOf,
  isValidScore,
  mergeHistograms,
  type Metric,
  metrics,
  nevOf,
  npsOf,
  scales,
  type Score,
  scoreOf,
  SMALL_SAMPLE,
  type SurveyMetric,
  surveyMetrics,
  ttrOf,
} from './metrics';

/** A histogram from [score, count] pairs, to write cases the way they are counted by hand. */
const counts = (...pairs: [number, number][]) => new Map(pairs);

describe('scales and validation', () => {
  it('accepts integers within the scale only', () => {
    expect(scales).toEqual({
      nps: { min: 0, max: 10 },
      csat: { min: 1, max: 5 },
      ces: { min: 1, max: 7 },
      nev: { min: 1, max: 10 },
    });
    expect([0, 10].every((s) => isValidScore('nps', s))).toBe(true);
    expect([-1, 11, 5.5, Number.NaN].some((s) => isValidScore('nps', s))).toBe(false);
    expect(isValidScore('csat', 0)).toBe(false);
    expect(isValidScore('ces', 7)).toBe(true);
    expect(isValidScore('ces', 8)).toBe(false);
    expect(isValidScore('nev', 0)).toBe(false);
    expect(isValidScore('ttr', 0)).toBe(true);
    expect(isValidScore('ttr', 525_600 * 5)).toBe(true);
    expect(isValidScore('ttr', 525_600 * 5 + 1)).toBe(false);
    expect(isValidScore('ttr', 1.5)).toBe(false);
  });

  it('refuses a histogram with a score outside the scale or a bad count', () => {
    expect(() => npsOf(counts([11, 1]))).toThrow(RangeError);
    expect(() => csatOf(counts([0, 1]))).toThrow(RangeError);
    expect(() => npsOf(counts([5, -1]))).toThrow(RangeError);
    expect(() => npsOf(counts([5, 0.5]))).toThrow(RangeError);
  });
});

describe('histograms', () => {
  it('counts per score and merges by adding, dropping zero totals', () => {
    expect(histogramOf([3, 1, 3, 3])).toEqual(counts([3, 3], [1, 1]));
    expect(mergeHistograms(counts([1, 2], [2, 0]), counts([1, 1], [5, 4]))).toEqual(counts([1, 3], [5, 4]));
    expect(mergeHistograms()).toEqual(new Map());
  });

  it('ignores a score whose count is 0 (a skipped question is not an answer)', () => {
    expect(npsOf(counts([10, 1], [0, 0]))).toEqual(npsOf(counts([10, 1])));
  });
});

describe('no answers', () => {
  it.each(metrics)('%s: value null, n 0, margin null, not a small sample', (metric) => {
    const score = scoreOf(metric, new Map());
    expect(score).toMatchObject({ metric, value: null, n: 0, margin: null, low: null, high: null, smallSample: false });
  });

  it('uses the unit of the headline', () => {
    expect(scoreOf('ces', new Map(), { cesHeadline: 'share' }).unit).toBe('percent');
    expect(scoreOf('ces', new Map()).unit).toBe('mean');
    expect(ttrOf(new Map()).p90).toBeNull();
  });
});

describe('NPS', () => {
  it('n = 200, 100 promoters, 40 detractors -> 30 ± 10.8', () => {
    const score = npsOf(counts([10, 60], [9, 40], [8, 30], [7, 30], [6, 20], [0, 20]));
    expect(score).toMatchObject({ value: 30, unit: 'points', n: 200, smallSample: false });
    expect(score.margin).toBeCloseTo(10.824, 3);
    expect(score.low).toBeCloseTo(19.176, 3);
    expect(score.high).toBeCloseTo(40.824, 3);
  });

  it('all passives -> 0', () => {
    expect(npsOf(counts([7, 20], [8, 20])).value).toBe(0);
  });

  it('n = 1: a promoter is 100 with the adjusted-Wald margin, clamped at 100', () => {
    // n' = 4, p = 1.75 / 4, d = 0.75 / 4: margin = 1.96 * 100 * sqrt((0.625 - 0.0625) / 4) = 73.5
    const score = npsOf(counts([9, 1]));
    expect(score).toMatchObject({ value: 100, n: 1, high: 100, smallSample: true });
    expect(score.margin).toBeCloseTo(73.5, 10);
    expect(score.low).toBeCloseTo(26.5, 10);
  });

  it('n = 10: 5 promoters, 2 detractors -> 30, margin with 3 added answers', () => {
    const score = npsOf(counts([10, 5], [8, 3], [3, 2]));
    expect(score.value).toBe(30);
    expect(score.margin).toBeCloseTo(42.1283, 4); // p = 5.75 / 13, d = 2.75 / 13
  });

  it('marks a sample of 29 as small and 30 as not', () => {
    expect(npsOf(counts([9, SMALL_SAMPLE - 1])).smallSample).toBe(true);
    expect(npsOf(counts([9, SMALL_SAMPLE])).smallSample).toBe(false);
  });
});

describe('CSAT', () => {
  it('8 of 10 satisfied -> 80%, Wilson [49.0, 94.3], margin the larger side', () => {
    const score = csatOf(counts([5, 6], [4, 2], [3, 1], [1, 1]));
    expect(score).toMatchObject({ value: 80, unit: 'percent', n: 10 });
    expect(score.low).toBeCloseTo(49.02, 2);
    expect(score.high).toBeCloseTo(94.33, 2);
    expect(score.margin).toBeCloseTo(80 - 49.02, 2);
  });

  it('n = 1', () => {
    const score = csatOf(counts([3, 1]));
    expect(score).toMatchObject({ value: 0, n: 1, low: 0, smallSample: true });
    expect(score.high).toBeCloseTo(79.35, 2); // Wilson upper bound for 0 of 1
  });
});

describe('CES', () => {
  it('mean of 3, 4, 5, 6, 7 -> 5 ± t(4) * sqrt(2.5 / 5)', () => {
    const score = cesOf(histogramOf([3, 4, 5, 6, 7]), 'mean');
    expect(score).toMatchObject({ value: 5, unit: 'mean', n: 5 });
    expect(score.margin).toBeCloseTo(1.96324, 4); // 2.776445 * 0.707107
    expect(score.low).toBeCloseTo(3.03676, 4);
    expect(score.high).toBeCloseTo(6.96324, 4);
  });

  it('clamps the t interval to the 1..7 scale', () => {
    const score = cesOf(histogramOf([1, 2, 2, 7]), 'mean'); // mean 3, sd sqrt(22 / 3), t(3) = 3.182446
    expect(score.margin).toBeCloseTo(4.30905, 4);
    expect(score).toMatchObject({ value: 3, low: 1, high: 7 });
  });

  it('share of 5-7 with Wilson', () => {
    const score = cesOf(histogramOf([3, 4, 5, 6, 7]), 'share');
    expect(score).toMatchObject({ value: 60, unit: 'percent', n: 5 });
    expect(score.low).toBeCloseTo(23.07, 2);
    expect(score.high).toBeCloseTo(88.24, 2);
  });

  it('n = 1: the mean has no margin, the share has one', () => {
    expect(cesOf(counts([6, 1]), 'mean')).toMatchObject({
      value: 6,
      n: 1,
      margin: null,
      low: null,
      high: null,
      smallSample: true,
    });
    expect(cesOf(counts([6, 1]), 'share')).toMatchObject({ value: 100, n: 1, high: 100 });
    expect(scoreOf('ces', counts([6, 1]), { cesHeadline: 'share' }).unit).toBe('percent');
  });

  it('all answers equal: margin 0', () => {
    expect(cesOf(counts([4, 12]), 'mean')).toMatchObject({ value: 4, margin: 0, low: 4, high: 4 });
  });
});

describe('NEV', () => {
  it('5 positive, 2 neutral, 3 negative of 10 -> 20, adjusted-Wald margin', () => {
    const score = nevOf(histogramOf([10, 9, 8, 8, 10, 7, 5, 4, 1, 2]));
    expect(score).toMatchObject({ value: 20, unit: 'points', n: 10, smallSample: true });
    const p = 5.75 / 13,
      d = 3.75 / 13;
    expect(score.margin).toBeCloseTo(196 * Math.sqrt((p + d - (p - d) ** 2) / 13), 10);
  });

  it('n = 1: one negative -> -100, clamped at -100', () => {
    expect(nevOf(counts([4, 1]))).toMatchObject({ value: -100, n: 1, low: -100 });
    expect(nevOf(counts([5, 1])).value).toBe(0); // 5 is neutral
  });
});

describe('TTR', () => {
  const minutes = [10, 20, 30, 60, 90, 120, 180, 240, 600, 1440];

  it('median and p90 with percentile_cont, interval [x(2), x(9)] for n = 10', () => {
    const score = ttrOf(histogramOf(minutes));
    expect(score).toMatchObject({ metric: 'ttr', unit: 'hours', n: 10, value: 1.75, high: 10, smallSample: true });
    expect(score.p90).toBeCloseTo(11.4, 10); // 600 + 0.1 * (1440 - 600) = 684 minutes
    expect(score.low).toBeCloseTo(1 / 3, 10);
    expect(score.margin).toBeCloseTo(8.25, 10);
  });

  it('n = 1: the median is the answer, no interval', () => {
    expect(ttrOf(counts([90, 1]))).toMatchObject({ value: 1.5, p90: 1.5, n: 1, margin: null, low: null, high: null });
  });

  it('n = 5 has no interval yet, n = 6 spans all answers', () => {
    expect(ttrOf(histogramOf([1, 2, 3, 4, 5])).margin).toBeNull();
    expect(ttrOf(histogramOf([60, 120, 180, 240, 300, 360]))).toMatchObject({
      value: 3.5,
      low: 1,
      high: 6,
      margin: 2.5,
    });
  });
});

describe('distributionOf', () => {
  it('lists every NPS value with its share and group', () => {
    const rows = distributionOf('nps', counts([10, 2], [7, 1], [0, 1]));
    expect(rows.map((r) => r.score)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[0]).toEqual({ score: 0, count: 1, share: 25, group: 'negative' });
    expect(rows[6]?.group).toBe('negative');
    expect(rows[7]).toEqual({ score: 7, count: 1, share: 25, group: 'neutral' });
    expect(rows[8]).toEqual({ score: 8, count: 0, share: 0, group: 'neutral' });
    expect(rows[10]).toEqual({ score: 10, count: 2, share: 50, group: 'positive' });
  });

  it('groups CSAT, CES and NEV', () => {
    const groups = (metric: SurveyMetric) => distributionOf(metric, new Map()).map((r) => r.group);
    const times = (group: string, k: number) => Array<string>(k).fill(group);
    expect(groups('csat')).toEqual([...times('negative', 3), ...times('positive', 2)]);
    expect(groups('ces')).toEqual([...times('negative', 3), 'neutral', ...times('positive', 3)]);
    expect(groups('nev')).toEqual([...times('negative', 4), ...times('neutral', 3), ...times('positive', 3)]);
    expect(distributionOf('csat', new Map()).every((r) => r.count === 0 && r.share === 0)).toBe(true);
  });
});

describe('compareScores', () => {
  const score = (value: number | null, margin: number | null): Score => ({
    metric: 'nps',
    unit: 'points',
    value,
    margin,
    n: 100,
    low: null,
    high: null,
    smallSample: false,
  });

  it('combines the margins and calls a change significant only beyond them', () => {
    expect(compareScores(score(40, 3), score(30, 4))).toEqual({ delta: 10, margin: 5, significant: true });
    expect(compareScores(score(34, 3), score(30, 4))).toEqual({ delta: 4, margin: 5, significant: false });
    expect(compareScores(score(25, 3), score(30, 4))).toEqual({ delta: -5, margin: 5, significant: false });
  });

  it('has null parts when a value or a margin is missing', () => {
    expect(compareScores(score(null, null), score(30, 4))).toEqual({ delta: null, margin: null, significant: false });
    expect(compareScores(score(30, 4), score(null, null))).toEqual({ delta: null, margin: null, significant: false });
    expect(compareScores(score(30, null), score(20, 4))).toEqual({ delta: 10, margin: null, significant: false });
  });

  it('refuses to compare different metrics or units', () => {
    expect(() => compareScores(cesOf(counts([5, 3]), 'mean'), cesOf(counts([5, 3]), 'share'))).toThrow(RangeError);
    expect(() => compareScores(npsOf(counts([9, 3])), nevOf(counts([9, 3])))).toThrow(RangeError);
  });
});

// ---- Properties against a raw implementation on the plain array of answers ----

const share = (xs: number[], keep: (s: number) => boolean) => (100 * xs.filter(keep).length) / xs.length;

/** percentile_cont on a sorted array, written out the way PostgreSQL documents it. */
function rawPercentile(sorted: number[], fraction: number): number {
  const position = fraction * (sorted.length - 1);
  const lo = sorted[Math.floor(position)]!;
  const hi = sorted[Math.ceil(position)]!;
  return lo + (position - Math.floor(position)) * (hi - lo);
}

/** The headline value computed straight from the answers. */
function rawValue(metric: Metric, xs: number[], cesHeadline: 'mean' | 'share'): number | null {
  if (xs.length === 0) return null;
  switch (metric) {
    case 'nps':
      return share(xs, (s) => s >= 9) - share(xs, (s) => s <= 6);
    case 'nev':
      return share(xs, (s) => s >= 8) - share(xs, (s) => s <= 4);
    case 'csat':
      return share(xs, (s) => s >= 4);
    case 'ces':
      return cesHeadline === 'share' ? share(xs, (s) => s >= 5) : xs.reduce((a, b) => a + b, 0) / xs.length;
    case 'ttr':
      return (
        rawPercentile(
          [...xs].sort((a, b) => a - b),
          0.5,
        ) / 60
      );
  }
}

const answersFor = (metric: Metric) =>
  fc.array(metric === 'ttr' ? fc.integer({ min: 0, max: 5000 }) : fc.integer(scales[metric]), { maxLength: 150 });

const bounds = (unit: Score['unit']) =>
  unit === 'points' ? [-100, 100] : unit === 'percent' ? [0, 100] : unit === 'hours' ? [0, Infinity] : [1, 7];

describe.each([
  ...surveyMetrics.filter((m) => m !== 'ces').map((m) => [m, 'mean'] as const),
  ['ces', 'mean'],
  ['ces', 'share'],
  ['ttr', 'mean'],
] as const)('properties of %s (CES headline %s)', (metric, cesHeadline) => {
  it('the histogram route equals the raw computation, and merging equals concatenating', () => {
    fc.assert(
      fc.property(answersFor(metric), answersFor(metric), (xs, ys) => {
        const score = scoreOf(metric, histogramOf(xs), { cesHeadline });
        const expected = rawValue(metric, xs, cesHeadline);
        if (expected === null) expect(score.value).toBeNull();
        else expect(score.value).toBeCloseTo(expected, 9);
        expect(score.n).toBe(xs.length);
        expect(score.smallSample).toBe(xs.length > 0 && xs.length < SMALL_SAMPLE);
        if (metric === 'ttr' && xs.length > 0) {
          expect(score.p90).toBeCloseTo(
            rawPercentile(
              [...xs].sort((a, b) => a - b),
              0.9,
            ) / 60,
            9,
          );
        }
        const merged = scoreOf(metric, mergeHistograms(histogramOf(xs), histogramOf(ys)), { cesHeadline });
        expect(merged).toEqual(scoreOf(metric, histogramOf([...ys, ...xs]), { cesHeadline }));
      }),
    );
  });

  it('stays within the scale with low <= value <= high', () => {
    fc.assert(
      fc.property(answersFor(metric), (xs) => {
        const score = scoreOf(metric, histogramOf(xs), { cesHeadline });
        if (score.value === null) return;
        const [min, max] = bounds(score.unit) as [number, number];
        expect(min <= score.value && score.value <= max).toBe(true);
        if (score.low === null || score.high === null) {
          expect(score.margin === null && score.low === null && score.high === null).toBe(true);
          return;
        }
        expect(min <= score.low && score.low <= score.value && score.value <= score.high && score.high <= max).toBe(
          true,
        );
        expect(score.margin).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('distributionOf properties', () => {
  it.each(surveyMetrics)('%s: counts add up to n and shares to 100', (metric) => {
    fc.assert(
      fc.property(fc.array(fc.integer(scales[metric]), { minLength: 1, maxLength: 100 }), (xs) => {
        const rows = distributionOf(metric, histogramOf(xs));
        expect(rows).toHaveLength(scales[metric].max - scales[metric].min + 1);
        expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(xs.length);
        expect(rows.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(100, 9);
        for (const r of rows) expect(r.count).toBe(xs.filter((x) => x === r.score).length);
      }),
    );
  });
});
