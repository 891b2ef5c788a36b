import { describe, expect, it } from 'vitest';
import type { Role } from './permissions';
import {
  IDEA_WEEKS_AHEAD,
  isLate,
  type LogWindow,
  logWindow,
  mayLogFromIdea,
  mayLogIn,
  reminderDue,
  weekForIdea,
  withLogRights,
} from './weekly';

describe('logWindow', () => {
  const current = '2026-11-16'; // Monday week W47

  it.each<[string, LogWindow]>([
    ['2026-11-16', 'current'],
    ['2026-11-09', 'previous'],
    ['2026-11-02', 'older'],
    ['2025-11-17', 'older'],
    ['2026-11-23', 'future'],
    ['2027-11-15', 'future'],
  ])('%s -> %s', (week, window) => {
    expect(logWindow(week, current)).toBe(window);
  });

  it('works over the turn of the year and for Sunday weeks', () => {
    expect(logWindow('2026-12-28', '2027-01-04')).toBe('previous');
    expect(logWindow('2026-12-21', '2027-01-04')).toBe('older');
    expect(logWindow('2026-11-15', '2026-11-22')).toBe('previous');
    expect(logWindow('2026-11-29', '2026-11-22')).toBe('future');
  });
});

describe('mayLogIn and isLate', () => {
  // The rule, spelled out: row = window, then executive / lead / staff, then "late".
  const table: Record<LogWindow, [Record<Role, boolean>, boolean]> = {
    current: [{ executive: true, lead: true, staff: true }, false],
    previous: [{ executive: true, lead: true, staff: true }, true],
    older: [{ executive: true, lead: false, staff: false }, true],
    future: [{ executive: false, lead: false, staff: false }, false],
  };
  // Staff: the window allows it, the permission table ('weekly.log': none for staff) refuses it.

  for (const [window, [roles, late]] of Object.entries(table) as [LogWindow, [Record<Role, boolean>, boolean]][]) {
    for (const [role, allowed] of Object.entries(roles) as [Role, boolean][]) {
      it(`${role} in the ${window} week: ${allowed ? 'may log' : 'may not'}`, () => {
        expect(mayLogIn(role, window)).toBe(allowed);
      });
    }
    it(`a log in the ${window} week is ${late ? '' : 'not '}late`, () => {
      expect(isLate(window)).toBe(late);
    });
  }
});

describe('an improvement from an idea', () => {
  const current = '2026-11-16';

  it('takes this week when it is free, else the next free week, and none beyond the horizon', () => {
    expect(weekForIdea(current, new Set())).toBe('2026-11-16');
    expect(weekForIdea(current, new Set(['2026-11-16', '2026-11-23']))).toBe('2026-11-30');
    const weeks = [
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
      '2026-12-21',
      '2026-12-28',
      '2027-01-04',
      '2027-01-11',
    ];
    expect(weeks).toHaveLength(IDEA_WEEKS_AHEAD + 1);
    expect(weekForIdea(current, new Set(weeks))).toBeNull();
  });

  it('may be logged ahead, up to the horizon, by whoever may log the area; the past follows the usual rule', () => {
    expect(mayLogFromIdea('lead', '2026-11-23', current)).toBe(true);
    expect(mayLogFromIdea('lead', '2027-01-11', current)).toBe(true);
    expect(mayLogFromIdea('lead', '2027-01-18', current)).toBe(false);
    expect(mayLogFromIdea('lead', '2026-11-02', current)).toBe(false);
    expect(mayLogFromIdea('executive', '2026-11-02', current)).toBe(true);
    expect(mayLogIn('lead', logWindow('2026-11-23', current))).toBe(false);
  });
});

describe('reminderDue', () => {
  const days = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

  /** Days (ISO 1-7) on which the reminder shows, in calendar order Monday..Sunday. */
  const dueDays = (reminder: number, firstDay: 1 | 7) =>
    [1, 2, 3, 4, 5, 6, 7].filter((d) => reminderDue(d, reminder, firstDay)).map((d) => days[d]);

  it('Monday weeks, reminder from Thursday: Thursday to Sunday', () => {
    expect(dueDays(4, 1)).toEqual(['Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('Sunday weeks, reminder from Thursday: Thursday to Saturday (Sunday starts a new week)', () => {
    expect(dueDays(4, 7)).toEqual(['Thu', 'Fri', 'Sat']);
  });

  it('reminder from the first day of the week: every day', () => {
    expect(dueDays(1, 1)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(dueDays(7, 7)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('reminder from the last day of the week: that day only', () => {
    expect(dueDays(7, 1)).toEqual(['Sun']);
    expect(dueDays(6, 7)).toEqual(['Sat']);
  });

  it('Sunday weeks, reminder from Monday: every day but Sunday', () => {
    expect(dueDays(1, 7)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
  });

  it('Monday weeks, reminder from Sunday is not due on Monday to Saturday', () => {
    for (const d of [1, 2, 3, 4, 5, 6]) expect(reminderDue(d, 7, 1)).toBe(false);
  });

  it('matches "days since the week began" for every combination', () => {
    for (const firstDay of [1, 7] as const) {
      for (let reminder = 1; reminder <= 7; reminder++) {
        for (let today = 1; today <= 7; today++) {
          const since = (iso: number) => (iso - firstDay + 7) % 7;
          expect(reminderDue(today, reminder, firstDay), `${firstDay}/${reminder}/${today}`).toBe(
            since(today) >= since(reminder),
          );
        }
      }
    }
  });
});

describe('withLogRights', () => {
  const grid = {
    weeks: ['2026-11-02', '2026-11-09', '2026-11-16'],
    currentWeek: '2026-11-16',
    areas: [
      { id: 'sales', name: 'Sales' },
      { id: 'it', name: 'IT' },
    ],
  };

  it('gives an executive every area and every shown week up to now', () => {
    const rights = withLogRights(grid, { role: 'executive', departmentId: null });
    expect(rights.areas.map((a) => [a.id, a.canLog])).toEqual([
      ['sales', true],
      ['it', true],
    ]);
    expect(rights.writableWeeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
  });

  it('gives a lead their own area in the current and previous week only', () => {
    const rights = withLogRights(grid, { role: 'lead', departmentId: 'it' });
    expect(rights.areas.map((a) => [a.id, a.canLog])).toEqual([
      ['sales', false],
      ['it', true],
    ]);
    expect(rights.writableWeeks).toEqual(['2026-11-09', '2026-11-16']);
  });

  it('gives staff no area, and keeps what the grid already holds', () => {
    const rights = withLogRights(grid, { role: 'staff', departmentId: 'sales' });
    expect(rights.areas.every((a) => !a.canLog)).toBe(true);
    expect(rights.areas[0]).toMatchObject({ id: 'sales', name: 'Sales' });
    expect(rights.currentWeek).toBe('2026-11-16');
  });
});
