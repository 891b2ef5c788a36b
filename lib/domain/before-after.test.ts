/**
 * Before/after of a change and the previous period: windows counted by hand on the calendar, verdicts
 * against hand-computed NPS cases, and the property that the windows never overlap and touch the change day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beforeAfter,
  daysIn,
  histogramWithin,
  previousPeriod,
  type DailyHistogram,
  verdictOf,
  windowsAround,
} from './before-after';
import { npsOf, scoreOf, ttrOf } from './metrics';
import { addDays } from './weeks';

const counts = (...pairs: [number, number][]) => new Map(pairs);
const day = (date: string, ...pairs: [number, number][]): DailyHistogram => ({
  day: date,
  histogram: counts(...pairs),
});

describe('previous period', () => {
  it('has the same number of days and ends the day before the range', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-01' })).toEqual({ from: '2025-12-31', to: '2025-12-31' });
    expect(daysIn({ from: '2024-02-01', to: '2024-03-01' })).toBe(30); // leap year
  });

  it('always ends right before the range and is as long as it, for any range', () => {
    const date = fc
      .date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 800 }), (from, extra) => {
        const range = { from, to: addDays(from, extra) };
        const previous = previousPeriod(range);
        expect(addDays(previous.to, 1)).toBe(range.from);
        expect(daysIn(previous)).toBe(daysIn(range));
      }),
    );
  });
});

describe('windows around a change', () => {
  it('takes whole weeks before the change day and from the change day on', () => {
    expect(windowsAround('2026-03-11', 4)).toEqual({
      before: { from: '2026-02-11', to: '2026-03-10' },
      after: { from: '2026-03-11', to: '2026-04-07' },
    });
    const { before, after } = windowsAround('2026-03-11', 8);
    expect(daysIn(before)).toBe(56);
    expect(daysIn(after)).toBe(56);
  });

  it('sums only the days inside a window', () => {
    const days = [
      day('2026-01-31', [10, 5]),
      day('2026-02-01', [10, 1], [0, 1]),
      day('2026-02-28', [7, 2]),
      day('2026-03-01', [0, 9]),
    ];
    expect(histogramWithin(days, { from: '2026-02-01', to: '2026-02-28' })).toEqual(counts([10, 1], [0, 1], [7, 2]));
    expect(histogramWithin(days, { from: '2026-04-01', to: '2026-04-30' })).toEqual(new Map());
  });
});

describe('verdict', () => {
  it('says up when the rise exceeds the combined margin', () => {
    // before: 100 answers, 20 promoters, 50 detractors -> NPS -30; after: 100 answers, 60 promoters, 10 detractors -> +50
    const before = npsOf(counts([10, 20], [7, 30], [3, 50]));
    const after = npsOf(counts([10, 60], [7, 30], [3, 10]));
    const result = verdictOf(before, after);
    expect(result.delta).toBeCloseTo(80, 10);
    expect(result.margin).toBeCloseTo(Math.hypot(before.margin!, after.margin!), 10);
    expect(result.verdict).toBe('up');
  });

  it('says down for a clear fall and unclear for a move within the margin', () => {
    const high = npsOf(counts([10, 60], [7, 30], [3, 10]));
    const low = npsOf(counts([10, 20], [7, 30], [3, 50]));
    expect(verdictOf(high, low).verdict).toBe('down');
    // 30 -> 34 with n = 50 each: margins of about 20 points dwarf a 4-point move.
    const a = npsOf(counts([10, 25], [7, 10], [3, 15]));
    const b = npsOf(counts([10, 26], [7, 11], [3, 13]));
    expect(verdictOf(a, b)).toMatchObject({ verdict: 'unclear' });
  });

  it('has no verdict when a side has no answers', () => {
    expect(verdictOf(npsOf(new Map()), npsOf(counts([10, 3])))).toEqual({
      delta: null,
      margin: null,
      verdict: 'noData',
    });
  });
});

describe('before and after a change', () => {
  const change = '2026-03-02';
  // Four weeks before: 40 answers, 10 promoters, 20 detractors (NPS -25). From the change on: 40 answers, 30 promoters, 4 detractors (NPS +65).
  const days = [
    day('2026-02-01', [10, 50]), // five weeks before: outside a four-week window
    day('2026-02-02', [10, 10], [8, 10], [2, 20]),
    day('2026-03-02', [9, 30], [7, 6], [6, 4]),
    day('2026-03-30', [0, 50]), // the 29th day from the change: outside
  ];

  it('compares the weeks before with the weeks after and says the metric moved up, for the better', () => {
    const result = beforeAfter('nps', days, change, 4);
    expect(result.before).toMatchObject({ from: '2026-02-02', to: '2026-03-01', score: { value: -25, n: 40 } });
    expect(result.after).toMatchObject({ from: '2026-03-02', to: '2026-03-29', score: { value: 65, n: 40 } });
    expect(result.delta).toBeCloseTo(90, 10);
    expect(result).toMatchObject({ verdict: 'up', better: true, smallSample: false });
  });

  it('marks a small sample, and widens the windows with more weeks', () => {
    const few = beforeAfter('nps', [day('2026-02-23', [10, 3]), day('2026-03-03', [0, 3])], change, 4);
    expect(few.smallSample).toBe(true);
    expect(few.before.score).toEqual(scoreOf('nps', counts([10, 3])));
    const eight = beforeAfter('nps', days, change, 8);
    expect(eight.before.score.n).toBe(90);
    expect(eight.after.score.n).toBe(90);
  });

  it('calls a longer time to resolution worse, not better', () => {
    // 30 answers of 60 minutes before, 30 answers of 600 minutes after: the median rises from 1 to 10 hours.
    const ttrDays = [day('2026-02-20', [60, 30]), day('2026-03-05', [600, 30])];
    const result = beforeAfter('ttr', ttrDays, change, 4);
    expect(result.after.score).toEqual(ttrOf(counts([600, 30])));
    expect(result).toMatchObject({ verdict: 'up', better: false });
  });

  it('has no verdict and no judgement without answers on one side', () => {
    expect(beforeAfter('csat', [day('2026-03-05', [5, 40])], change, 4)).toMatchObject({
      verdict: 'noData',
      better: null,
      delta: null,
    });
  });
});
