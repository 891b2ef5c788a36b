import { describe, expect, it } from 'vitest';
import { afterWindowStart, betterDirection, changesTarget, targetLockedSince } from './declared-target';
import { defaultWindows } from './settings';

// 2026-03-04 is a Wednesday: its Monday week starts 2026-03-02, its Sunday week 2026-03-01.
const wednesday = '2026-03-04';

describe('the after window of a change', () => {
  it('starts after the washout weeks, counted from the change week', () => {
    expect(afterWindowStart(wednesday, defaultWindows, 1)).toBe('2026-03-09');
    expect(afterWindowStart(wednesday, defaultWindows, 7)).toBe('2026-03-08');
    expect(afterWindowStart(wednesday, { ...defaultWindows, washoutWeeks: 2 }, 1)).toBe('2026-03-16');
  });

  it('starts with the change week itself when there is no washout', () => {
    expect(afterWindowStart(wednesday, { ...defaultWindows, washoutWeeks: 0 }, 1)).toBe('2026-03-02');
  });
});

describe('the lock on the declared target', () => {
  it('is open until the after window starts, and locked from its first day on', () => {
    expect(targetLockedSince([wednesday], defaultWindows, 1, '2026-03-08')).toBeNull();
    expect(targetLockedSince([wednesday], defaultWindows, 1, '2026-03-09')).toBe('2026-03-09');
    expect(targetLockedSince([wednesday], defaultWindows, 1, '2026-06-01')).toBe('2026-03-09');
  });

  it('cannot be opened by moving the date later in the same edit: the earliest date counts', () => {
    expect(targetLockedSince([wednesday, '2026-05-20'], defaultWindows, 1, '2026-03-10')).toBe('2026-03-09');
    expect(targetLockedSince(['2026-05-20', wednesday], defaultWindows, 1, '2026-03-10')).toBe('2026-03-09');
  });

  it('does not apply to a change without a date (a plan item not done)', () => {
    expect(targetLockedSince([null, undefined], defaultWindows, 1, '2026-03-10')).toBeNull();
  });
});

describe('what counts as changing the target', () => {
  it('is a different metric or direction', () => {
    expect(changesTarget({ metric: 'nps', direction: 'up' }, { metric: 'csat', direction: 'up' })).toBe(true);
    expect(changesTarget({ metric: 'nps', direction: 'up' }, { metric: 'nps', direction: 'down' })).toBe(true);
    expect(changesTarget({ metric: null, direction: null }, { metric: 'nps', direction: 'up' })).toBe(true);
    expect(changesTarget({ metric: 'nps', direction: 'up' }, { metric: 'nps', direction: 'up' })).toBe(false);
  });

  it('ignores a direction sent without a metric', () => {
    expect(changesTarget({ metric: null, direction: null }, { metric: null, direction: 'up' })).toBe(false);
  });

  it('takes down as better for time to resolution only', () => {
    expect(betterDirection('ttr')).toBe('down');
    expect(['nps', 'csat', 'ces', 'nev', 'business'].map(betterDirection)).toEqual(['up', 'up', 'up', 'up', 'up']);
  });
});
