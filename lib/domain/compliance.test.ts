import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compliance, complianceByWeek, streak } from './compliance';
import { addWeeks, weekRange } from './weeks';

// Monday weeks of late 2026; W47 (2026-11-16) is "this week" in these cases.
const CURRENT = '2026-11-16';
const w = (back: number) => addWeeks(CURRENT, -back);
const set = (...weeks: string[]) => new Set(weeks);

describe('streak', () => {
  it.each<[string, string[], number]>([
    ['nothing logged', [], 0],
    ['only this week', [w(0)], 1],
    ['this week and the three before', [w(0), w(1), w(2), w(3)], 4],
    ['this week not logged yet: counts from last week', [w(1), w(2), w(3)], 3],
    ['this week not logged, nor last week: broken', [w(2), w(3), w(4)], 0],
    ['a gap two weeks ago ends the streak', [w(0), w(1), w(3), w(4), w(5)], 2],
    ['a gap right after this week', [w(0), w(2), w(3)], 1],
    ['only last week', [w(1)], 1],
    ['a week in the future counts for nothing', [addWeeks(CURRENT, 1), w(1)], 1],
    ['a future week does not bridge a missing current week', [addWeeks(CURRENT, 1)], 0],
    ['a long history', Array.from({ length: 60 }, (_, i) => w(i)), 60],
  ])('%s', (_, logged, expected) => {
    expect(streak(set(...logged), CURRENT)).toBe(expected);
  });

  it('runs over the turn of the year (W52 2026 -> W53 2026 -> W1 2027)', () => {
    expect(streak(set('2026-12-21', '2026-12-28', '2027-01-04'), '2027-01-04')).toBe(3);
    expect(streak(set('2026-12-21', '2026-12-28'), '2027-01-04')).toBe(2);
  });

  it('works the same for Sunday weeks', () => {
    expect(streak(set('2026-11-08', '2026-11-15'), '2026-11-22')).toBe(2);
    expect(streak(set('2026-11-08', '2026-11-15', '2026-11-22'), '2026-11-22')).toBe(3);
  });

  it('is the same whether or not the current week is logged, plus one when it is', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 })), (backs) => {
        const past = set(...backs.map(w));
        const withCurrent = new Set([...past, CURRENT]);
        expect(streak(withCurrent, CURRENT)).toBe(streak(past, CURRENT) + 1);
      }),
    );
  });
});

describe('compliance', () => {
  const shown = weekRange(CURRENT, 4); // w(3) .. w(0)

  it.each<[string, string[], number]>([
    ['nothing logged', [], 0],
    ['every shown week', [w(0), w(1), w(2), w(3)], 1],
    ['three of four', [w(0), w(1), w(3)], 0.75],
    ['one of four', [w(2)], 0.25],
    ['weeks outside the shown ones do not count', [w(4), w(10), addWeeks(CURRENT, 1), w(1)], 0.25],
  ])('%s', (_, logged, expected) => {
    expect(compliance(set(...logged), shown)).toBe(expected);
  });

  it('is 0 when no week is shown', () => {
    expect(compliance(set(w(0)), [])).toBe(0);
  });

  it('is always between 0 and 1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 30 })), fc.integer({ min: 0, max: 20 }), (backs, count) => {
        const value = compliance(set(...backs.map(w)), weekRange(CURRENT, count));
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('complianceByWeek', () => {
  it('gives the share of areas that logged, week by week', () => {
    const weeks = weekRange(CURRENT, 3); // w(2), w(1), w(0)
    const logged = new Map([
      ['support', set(w(2), w(1), w(0))],
      ['delivery', set(w(1))],
      ['it', set(w(5))],
      // 'hr' has never logged and is not in the map at all
    ]);
    expect(complianceByWeek(logged, ['support', 'delivery', 'it', 'hr'], weeks)).toEqual([
      { week: w(2), compliance: 0.25 },
      { week: w(1), compliance: 0.5 },
      { week: w(0), compliance: 0.25 },
    ]);
  });

  it('counts only the areas asked about', () => {
    const logged = new Map([
      ['support', set(w(0))],
      ['archived', set(w(0))],
    ]);
    expect(complianceByWeek(logged, ['support', 'delivery'], [w(0)])).toEqual([{ week: w(0), compliance: 0.5 }]);
  });

  it('is 0 for every week without areas, and empty without weeks', () => {
    expect(complianceByWeek(new Map(), [], [w(1), w(0)])).toEqual([
      { week: w(1), compliance: 0 },
      { week: w(0), compliance: 0 },
    ]);
    expect(complianceByWeek(new Map([['a', set(w(0))]]), ['a'], [])).toEqual([]);
  });
});
