/**
 * The previous period of the touchpoint page's headline, counted by hand on the calendar, with the property that it
 * always ends right before the range and is as long as it; and scores over a range summed from daily histograms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysIn, histogramWithin, previousPeriod, scoreWithin, type DailyHistogram } from './before-after';
import { npsOf } from './metrics';
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

describe('a score over a range', () => {
  const days = [
    day('2026-01-31', [10, 5]),
    day('2026-02-01', [10, 1], [0, 1]),
    day('2026-02-28', [7, 2]),
    day('2026-03-01', [0, 9]),
  ];

  it('sums only the days inside the range', () => {
    expect(histogramWithin(days, { from: '2026-02-01', to: '2026-02-28' })).toEqual(counts([10, 1], [0, 1], [7, 2]));
    expect(histogramWithin(days, { from: '2026-04-01', to: '2026-04-30' })).toEqual(new Map());
  });

  it('is the score of those days together: 1 promoter, 1 detractor, 2 passives give NPS 0 of 4 answers', () => {
    expect(scoreWithin('nps', days, { from: '2026-02-01', to: '2026-02-28' })).toEqual(
      npsOf(counts([10, 1], [0, 1], [7, 2])),
    );
    expect(scoreWithin('nps', days, { from: '2026-02-01', to: '2026-02-28' })).toMatchObject({ value: 0, n: 4 });
  });
});
