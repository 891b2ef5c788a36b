/**
 * Weeks of the weekly tracker. Hand-computed cases first (zones on both sides of UTC, DST changes, Monday and
 * Sunday weeks, the turn of the year), then properties checked against a reference built on Intl alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWeeks,
  dateIn,
  type FirstDay,
  isCalendarDate,
  isoWeekLabel,
  isWeekStart,
  weekOf,
  weekOfDate,
  weekRange,
  weeksBetween,
} from './weeks';

const at = (iso: string) => new Date(iso);

describe('weekOf: hand-computed cases', () => {
  it.each<[string, string, FirstDay, string]>([
    // UTC: Sunday 2026-01-04 at noon is the last day of the Monday week of 2025-12-29, the first of its Sunday week.
    ['2026-01-04T12:00:00Z', 'UTC', 1, '2025-12-29'],
    ['2026-01-04T12:00:00Z', 'UTC', 7, '2026-01-04'],
    ['2026-01-05T00:00:00Z', 'UTC', 1, '2026-01-05'],
    ['2026-01-04T23:59:59.999Z', 'UTC', 1, '2025-12-29'],
    // Pacific/Auckland (UTC+13 in January): Sunday noon UTC is already Monday 01:00 there.
    ['2026-01-04T12:00:00Z', 'Pacific/Auckland', 1, '2026-01-05'],
    ['2026-01-04T12:00:00Z', 'Pacific/Auckland', 7, '2026-01-04'],
    ['2026-01-04T10:59:59.999Z', 'Pacific/Auckland', 1, '2025-12-29'], // Sunday 23:59:59.999 there
    ['2026-01-04T11:00:00Z', 'Pacific/Auckland', 1, '2026-01-05'], // Monday 00:00 there
    // Saturday 2026-01-03 11:00 UTC is Sunday 00:00 in Auckland: a new Sunday week there, not yet in UTC.
    ['2026-01-03T11:00:00Z', 'Pacific/Auckland', 7, '2026-01-04'],
    ['2026-01-03T11:00:00Z', 'UTC', 7, '2025-12-28'],
    // America/Los_Angeles (UTC-8 in January): Monday 05:00 UTC is still Sunday 21:00 there.
    ['2026-01-05T05:00:00Z', 'America/Los_Angeles', 1, '2025-12-29'],
    ['2026-01-05T05:00:00Z', 'America/Los_Angeles', 7, '2026-01-04'],
    ['2026-01-05T05:00:00Z', 'UTC', 1, '2026-01-05'],
    ['2026-01-05T07:59:59.999Z', 'America/Los_Angeles', 1, '2025-12-29'],
    ['2026-01-05T08:00:00Z', 'America/Los_Angeles', 1, '2026-01-05'],
    // Europe/Kyiv, winter (UTC+2): Monday 2026-01-05 00:00 there is Sunday 22:00 UTC.
    ['2026-01-04T21:59:59.999Z', 'Europe/Kyiv', 1, '2025-12-29'],
    ['2026-01-04T22:00:00Z', 'Europe/Kyiv', 1, '2026-01-05'],
  ])('%s in %s, first day %i -> %s', (instant, zone, firstDay, week) => {
    expect(weekOf(at(instant), zone, firstDay)).toBe(week);
  });
});

describe('weekOf across DST changes', () => {
  // Europe/Kyiv: clocks go forward on Sunday 2026-03-29 at 03:00 (UTC+2 -> UTC+3) and back on Sunday
  // 2026-10-25 at 04:00 (UTC+3 -> UTC+2). Both Sundays end a Monday week and start a Sunday week.
  it.each<[string, FirstDay, string]>([
    // Monday 2026-03-30 00:00 is summer time already: 2026-03-29T21:00Z, not 22:00Z.
    ['2026-03-29T20:59:59.999Z', 1, '2026-03-23'],
    ['2026-03-29T21:00:00Z', 1, '2026-03-30'],
    ['2026-03-29T21:30:00Z', 1, '2026-03-30'], // 00:30 Monday (would be Sunday 23:30 with the winter offset)
    // Sunday 2026-03-29 00:00 is still winter time: 2026-03-28T22:00Z.
    ['2026-03-28T21:59:59.999Z', 7, '2026-03-22'],
    ['2026-03-28T22:00:00Z', 7, '2026-03-29'],
    // During the skipped hour and right after it, still the same day and week.
    ['2026-03-29T01:00:00Z', 1, '2026-03-23'],
    ['2026-03-29T01:00:00Z', 7, '2026-03-29'],
    // Autumn: Sunday 2026-10-25 00:00 is summer time (2026-10-24T21:00Z); Monday 00:00 is winter time (22:00Z).
    ['2026-10-24T20:59:59.999Z', 7, '2026-10-18'],
    ['2026-10-24T21:00:00Z', 7, '2026-10-25'],
    ['2026-10-25T21:30:00Z', 1, '2026-10-19'], // Sunday 23:30 (would be Monday 00:30 with the summer offset)
    ['2026-10-25T21:59:59.999Z', 1, '2026-10-19'],
    ['2026-10-25T22:00:00Z', 1, '2026-10-26'],
    // The repeated hour 03:00-04:00 on 2026-10-25 (00:00Z-01:59Z): both passes are in the same weeks.
    ['2026-10-25T00:30:00Z', 1, '2026-10-19'],
    ['2026-10-25T01:30:00Z', 1, '2026-10-19'],
    ['2026-10-25T00:30:00Z', 7, '2026-10-25'],
    ['2026-10-25T01:30:00Z', 7, '2026-10-25'],
  ])('Europe/Kyiv %s, first day %i -> %s', (instant, firstDay, week) => {
    expect(weekOf(at(instant), 'Europe/Kyiv', firstDay)).toBe(week);
  });

  // America/New_York: forward on Sunday 2026-03-08 at 02:00 (UTC-5 -> UTC-4), back on Sunday 2026-11-01 at 02:00.
  it.each<[string, FirstDay, string]>([
    ['2026-03-08T04:59:59.999Z', 7, '2026-03-01'], // Saturday 23:59:59.999 EST
    ['2026-03-08T05:00:00Z', 7, '2026-03-08'], // Sunday 00:00 EST
    ['2026-03-09T03:59:59.999Z', 1, '2026-03-02'], // Sunday 23:59:59.999 EDT
    ['2026-03-09T04:00:00Z', 1, '2026-03-09'], // Monday 00:00 EDT
    ['2026-03-09T04:30:00Z', 1, '2026-03-09'], // Monday 00:30 (Sunday 23:30 with the winter offset)
    ['2026-11-01T03:59:59.999Z', 7, '2026-10-25'], // Saturday 23:59:59.999 EDT
    ['2026-11-01T04:00:00Z', 7, '2026-11-01'], // Sunday 00:00 EDT
    ['2026-11-02T04:30:00Z', 1, '2026-10-26'], // Sunday 23:30 EST (Monday 00:30 with the summer offset)
    ['2026-11-02T05:00:00Z', 1, '2026-11-02'], // Monday 00:00 EST
  ])('America/New_York %s, first day %i -> %s', (instant, firstDay, week) => {
    expect(weekOf(at(instant), 'America/New_York', firstDay)).toBe(week);
  });

  // Where the clocks jump at midnight, the first day of the week starts at 01:00.
  it('America/Havana: Sunday 2026-03-08 has no midnight, its week still starts that day', () => {
    // Saturday 2026-03-07 23:59:59.999 CST (UTC-5) = 2026-03-08T04:59:59.999Z; the next instant is Sunday 01:00 CDT.
    expect(weekOf(at('2026-03-08T04:59:59.999Z'), 'America/Havana', 7)).toBe('2026-03-01');
    expect(weekOf(at('2026-03-08T05:00:00Z'), 'America/Havana', 7)).toBe('2026-03-08');
    expect(dateIn(at('2026-03-08T05:00:00Z'), 'America/Havana')).toBe('2026-03-08');
  });
});

describe('the first week of a year', () => {
  it('2026-01-01 (a Thursday) is in the week of Monday 2025-12-29 or Sunday 2025-12-28, ISO week 1 of 2026', () => {
    expect(weekOf(at('2026-01-01T12:00:00Z'), 'UTC', 1)).toBe('2025-12-29');
    expect(weekOf(at('2026-01-01T12:00:00Z'), 'UTC', 7)).toBe('2025-12-28');
    expect(weekOfDate('2026-01-01', 1)).toBe('2025-12-29');
    expect(weekOfDate('2026-01-01', 7)).toBe('2025-12-28');
    expect(isoWeekLabel('2025-12-29')).toEqual({ week: 1, year: 2026 });
    expect(isoWeekLabel('2025-12-28')).toEqual({ week: 1, year: 2026 });
  });

  it('2027-01-01 (a Friday) is in the week of Monday 2026-12-28, ISO week 53 of 2026', () => {
    expect(weekOf(at('2027-01-01T12:00:00Z'), 'UTC', 1)).toBe('2026-12-28');
    expect(weekOf(at('2027-01-01T12:00:00Z'), 'UTC', 7)).toBe('2026-12-27');
    expect(isoWeekLabel('2026-12-28')).toEqual({ week: 53, year: 2026 });
    expect(isoWeekLabel('2026-12-27')).toEqual({ week: 53, year: 2026 });
    expect(isoWeekLabel('2027-01-04')).toEqual({ week: 1, year: 2027 });
    expect(isoWeekLabel('2027-01-03')).toEqual({ week: 1, year: 2027 });
  });

  it("New Year's Eve in Auckland is already the new year, and in Los Angeles still the old one", () => {
    // 2026-12-31T11:30Z: Friday 2027-01-01 00:30 in Auckland (UTC+13); Thursday 2026-12-31 03:30 in Los Angeles.
    expect(dateIn(at('2026-12-31T11:30:00Z'), 'Pacific/Auckland')).toBe('2027-01-01');
    expect(dateIn(at('2026-12-31T11:30:00Z'), 'America/Los_Angeles')).toBe('2026-12-31');
    // Both in the same Monday week of 2026-12-28, the ISO week 53 of 2026.
    expect(weekOf(at('2026-12-31T11:30:00Z'), 'Pacific/Auckland', 1)).toBe('2026-12-28');
    expect(weekOf(at('2027-01-03T11:30:00Z'), 'Pacific/Auckland', 1)).toBe('2027-01-04'); // Monday 00:30 there
  });

  it.each([
    ['2020-12-28', 53, 2020], // 2021-01-01 is a Friday
    ['2024-12-30', 1, 2025], // a Monday in December that is in week 1 of the next year
    ['2026-01-05', 2, 2026],
    ['2026-11-16', 47, 2026],
    ['2026-11-15', 47, 2026], // a Sunday week is known by the ISO week of its Monday-to-Saturday
    ['2028-01-03', 1, 2028], // 2027 has 52 weeks
    ['2027-12-27', 52, 2027],
  ])('isoWeekLabel(%s) = W%i of %i', (week, number, year) => {
    expect(isoWeekLabel(week)).toEqual({ week: number, year });
  });
});

describe('calendar arithmetic', () => {
  it('weekOfDate goes back to the first day', () => {
    expect(weekOfDate('2026-01-04', 1)).toBe('2025-12-29'); // Sunday, last day of a Monday week
    expect(weekOfDate('2026-01-04', 7)).toBe('2026-01-04'); // and first of a Sunday week
    expect(weekOfDate('2026-01-05', 1)).toBe('2026-01-05');
    expect(weekOfDate('2026-01-10', 1)).toBe('2026-01-05'); // Saturday
    expect(weekOfDate('2026-01-10', 7)).toBe('2026-01-04');
    expect(weekOfDate('2028-03-01', 1)).toBe('2028-02-28'); // over a leap day
  });

  it('adds days and weeks over month, year and leap-day ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(addWeeks('2026-03-23', 1)).toBe('2026-03-30'); // over the DST change: dates know no DST
    expect(addWeeks('2026-01-05', -53)).toBe('2024-12-30');
  });

  it('counts whole weeks, negative backwards', () => {
    expect(weeksBetween('2026-03-23', '2026-03-30')).toBe(1);
    expect(weeksBetween('2026-03-30', '2026-03-23')).toBe(-1);
    expect(weeksBetween('2025-12-29', '2026-12-28')).toBe(52);
    expect(weeksBetween('2026-11-16', '2026-11-16')).toBe(0);
  });

  it('lists a range of weeks, oldest first, ending with the given one', () => {
    expect(weekRange('2026-01-05', 3)).toEqual(['2025-12-22', '2025-12-29', '2026-01-05']);
    expect(weekRange('2026-01-05', 1)).toEqual(['2026-01-05']);
    expect(weekRange('2026-01-05', 0)).toEqual([]);
  });

  it('knows a week start for Monday and Sunday weeks', () => {
    expect(isWeekStart('2026-01-05', 1)).toBe(true);
    expect(isWeekStart('2026-01-04', 1)).toBe(false);
    expect(isWeekStart('2026-01-04', 7)).toBe(true);
    expect(isWeekStart('2026-01-05', 7)).toBe(false);
    expect(isWeekStart('2026-02-30', 1)).toBe(false);
    expect(isWeekStart('not a date', 1)).toBe(false);
  });

  it.each([
    ['2028-02-29', true],
    ['2026-02-28', true],
    ['2026-12-31', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['2026-1-5', false],
    ['20260105', false],
    ['', false],
    [' 2026-01-05', false],
    ['2026-01-05T00:00', false],
  ])('isCalendarDate(%j) = %s', (date, valid) => {
    expect(isCalendarDate(date)).toBe(valid);
  });
});

// ---- properties ----------------------------------------------------------------------------------------------

/** Zones on both sides of UTC, half- and quarter-hour offsets, DST at midnight, a 30-minute DST, +14 and -11. */
const zones = [
  'UTC',
  'Europe/Kyiv',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Havana',
  'America/Santiago',
  'America/Sao_Paulo',
  'Asia/Beirut',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];
const zone = fc.constantFrom(...zones);
const firstDay = fc.constantFrom<FirstDay>(1, 7);
const MIN = Date.UTC(2000, 0, 1);
const MAX = Date.UTC(2060, 0, 1);
const instant = fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms));
/** A calendar date from 2000 to 2059. */
const calendarDate = fc.integer({ min: 0, max: 60 * 365 }).map((days) => addDays('2000-01-01', days));

// A reference that uses nothing but Intl: the local calendar date of an instant in a zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function localDate(ms: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The first instant whose local date is `date` or later (binary search: no assumption about offsets or DST). */
function startOfLocalDate(date: string, timeZone: string): number {
  let lo = Date.parse(`${date}T00:00:00Z`) - 15 * 3_600_000; // before the day starts anywhere
  let hi = Date.parse(`${date}T00:00:00Z`) + 15 * 3_600_000; // after it started everywhere
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDate(mid, timeZone) >= date) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * An instant around local noon of `date`: twelve hours after the day started, less the wall-clock hour it started
 * at (01:00 where the clocks jump at midnight). On a DST day that is 11:00 or 13:00, still well inside the date.
 */
function localNoon(date: string, timeZone: string): Date {
  const start = startOfLocalDate(date, timeZone);
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(start)),
  );
  return new Date(start + (12 - hour) * 3_600_000);
}

describe('weekOf: properties', () => {
  it('agrees with the Intl reference for the local date', () => {
    fc.assert(
      fc.property(instant, zone, (i, z) => {
        expect(dateIn(i, z)).toBe(localDate(i.getTime(), z));
      }),
      { numRuns: 500 },
    );
  });

  it('is a week start, and the local date lies within that week', () => {
    fc.assert(
      fc.property(instant, zone, firstDay, (i, z, d) => {
        const week = weekOf(i, z, d);
        expect(isWeekStart(week, d)).toBe(true);
        const local = localDate(i.getTime(), z);
        expect(local >= week && local <= addDays(week, 6)).toBe(true);
        expect(week).toBe(weekOfDate(local, d));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips through addWeeks', () => {
    fc.assert(
      fc.property(instant, zone, firstDay, fc.integer({ min: -300, max: 300 }), (i, z, d, n) => {
        const week = weekOf(i, z, d);
        const moved = addWeeks(week, n);
        expect(isWeekStart(moved, d)).toBe(true);
        expect(addWeeks(moved, -n)).toBe(week);
        expect(weeksBetween(moved, week)).toBe(0 - n); // 0 - n: +0 when n is 0
        expect(weeksBetween(week, moved)).toBe(n);
        // An instant in the middle of the moved week, in the same zone, is in that week.
        expect(weekOf(localNoon(addDays(moved, 3), z), z, d)).toBe(moved);
      }),
      { numRuns: 300 },
    );
  });

  it('weekOfDate(date) is weekOf an instant at local noon of that date', () => {
    fc.assert(
      fc.property(calendarDate, zone, firstDay, (date, z, d) => {
        const noon = localNoon(date, z);
        expect(localDate(noon.getTime(), z)).toBe(date);
        expect(weekOf(noon, z, d)).toBe(weekOfDate(date, d));
      }),
      { numRuns: 500 },
    );
  });

  it('puts instants one millisecond apart across the local midnight that starts a week into consecutive weeks', () => {
    fc.assert(
      fc.property(calendarDate, zone, firstDay, (date, z, d) => {
        const week = weekOfDate(date, d);
        const start = startOfLocalDate(week, z);
        expect(weekOf(new Date(start), z, d)).toBe(week);
        expect(weekOf(new Date(start - 1), z, d)).toBe(addWeeks(week, -1));
        // And the last millisecond of the week is still in it.
        const next = startOfLocalDate(addWeeks(week, 1), z);
        expect(weekOf(new Date(next - 1), z, d)).toBe(week);
        expect(weekOf(new Date(next), z, d)).toBe(addWeeks(week, 1));
      }),
      { numRuns: 300 },
    );
  });

  it('moves forward monotonically: a later instant is never in an earlier week', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 86_400_000 }), zone, firstDay, (i, delta, z, d) => {
        const a = weekOf(i, z, d);
        const b = weekOf(new Date(i.getTime() + delta), z, d);
        expect(b >= a).toBe(true);
        expect(weeksBetween(a, b)).toBeLessThanOrEqual(Math.ceil(delta / (7 * 86_400_000)) + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('a Sunday week starts the day before the Monday week it overlaps', () => {
    fc.assert(
      fc.property(calendarDate, (date) => {
        const monday = weekOfDate(date, 1);
        const sunday = weekOfDate(date, 7);
        expect([addDays(monday, -1), addDays(monday, 6)]).toContain(sunday);
      }),
    );
  });

  it('isoWeekLabel gives the ISO week of the Thursday of a Monday week', () => {
    fc.assert(
      fc.property(calendarDate, (date) => {
        const monday = weekOfDate(date, 1);
        const { week, year } = isoWeekLabel(monday);
        const thursday = addDays(monday, 3);
        // ISO: the week's year is the Thursday's year; week 1 is the week with the year's first Thursday.
        expect(year).toBe(Number(thursday.slice(0, 4)));
        const firstThursdayWeek = weekOfDate(
          addDays(`${year}-01-01`, (4 - new Date(`${year}-01-01T00:00:00Z`).getUTCDay() + 7) % 7),
          1,
        );
        expect(week).toBe(weeksBetween(firstThursdayWeek, monday) + 1);
      }),
    );
  });
});
