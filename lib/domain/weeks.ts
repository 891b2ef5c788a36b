import { TZDate } from '@date-fns/tz';
import { format, getISOWeek, getISOWeekYear, startOfWeek } from 'date-fns';

/**
 * Weeks of the weekly tracker. A week is stored as the calendar date (YYYY-MM-DD) of its first day in the
 * organization's time zone, so one instant always falls into exactly one week, across DST changes too.
 * Calendar arithmetic is done on dates, never on local times.
 */
export type WeekStart = string;
/** ISO day number of the first day of the week: 1 = Monday, 7 = Sunday. */
export type FirstDay = 1 | 7;

const DAY = 86_400_000;

/** The week that contains `instant`, as seen in `timeZone`. */
export function weekOf(instant: Date, timeZone: string, firstDay: FirstDay): WeekStart {
  const local = new TZDate(instant.getTime(), timeZone);
  return format(startOfWeek(local, { weekStartsOn: firstDay === 7 ? 0 : 1 }), 'yyyy-MM-dd');
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of `instant` in `timeZone`; called once per stored answer, so the formatter is kept. */
export function dateIn(instant: Date, timeZone: string): string {
  let dayFormat = dayFormats.get(timeZone);
  if (!dayFormat) {
    dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, dayFormat);
  }
  const parts = Object.fromEntries(dayFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The week that contains a calendar date. */
export function weekOfDate(date: string, firstDay: FirstDay): WeekStart {
  const day = toUtc(date).getUTCDay(); // 0 = Sunday
  const back = firstDay === 7 ? day : (day + 6) % 7;
  return addDays(date, -back);
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date).getTime() + days * DAY).toISOString().slice(0, 10);
}

export function addWeeks(week: WeekStart, weeks: number): WeekStart {
  return addDays(week, weeks * 7);
}

/** Whole weeks from `from` to `to` (negative when `to` is earlier). */
export function weeksBetween(from: WeekStart, to: WeekStart): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / (7 * DAY));
}

/** `count` consecutive weeks ending with `last`, oldest first. */
export function weekRange(last: WeekStart, count: number): WeekStart[] {
  return Array.from({ length: count }, (_, i) => addWeeks(last, i - count + 1));
}

/** Whether a calendar date is a valid first day of a week for this organization. */
export function isWeekStart(date: string, firstDay: FirstDay): boolean {
  return isCalendarDate(date) && weekOfDate(date, firstDay) === date;
}

export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = toUtc(date);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** The ISO week number and year a week is known by (the ISO week of its Thursday-ish middle). */
export function isoWeekLabel(week: WeekStart): { week: number; year: number } {
  const middle = toUtc(addDays(week, 3));
  const local = new Date(middle.getUTCFullYear(), middle.getUTCMonth(), middle.getUTCDate());
  return { week: getISOWeek(local), year: getISOWeekYear(local) };
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
