/** The calendar of a card: which weeks are baseline, washout and after, and which days take part. Pure. */
import { addDays, addWeeks, type FirstDay, weekOfDate } from '@/lib/domain/weeks';
import type { Windows } from './settings';

export interface CardCalendar {
  changeWeek: string;
  /** Week starts, oldest first. */
  baseline: string[];
  washout: string[];
  after: string[];
  /** The first and last day whose answers take part (baseline start to after end). */
  start: string;
  end: string;
}

/** Weeks of history a touchpoint needs before its placebo line is drawn. */
export const PLACEBO_HISTORY = 26;
/** The weeks of cells a card reads before its change's week (the placebo line's, and a longer baseline's). */
export const HISTORY_WEEKS = PLACEBO_HISTORY + 1;

/**
 * The days a card reads: from its history to the end of its after window. Answers or another change on any of them
 * can change it.
 */
export function daysRead(changeDate: string, windows: Windows, firstDay: FirstDay) {
  const calendar = cardCalendar(changeDate, windows, firstDay);
  return { calendar, from: addDays(calendar.changeWeek, -7 * HISTORY_WEEKS), to: calendar.end };
}

export function cardCalendar(changeDate: string, windows: Windows, firstDay: FirstDay): CardCalendar {
  const changeWeek = weekOfDate(changeDate, firstDay);
  const weeks = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => addWeeks(changeWeek, from + i));
  const baseline = weeks(-windows.baselineWeeks, windows.baselineWeeks);
  const washout = weeks(0, windows.washoutWeeks);
  const after = weeks(windows.washoutWeeks, windows.afterWeeks);
  const last = after.at(-1) ?? changeWeek;
  return { changeWeek, baseline, washout, after, start: baseline[0] ?? changeWeek, end: addDays(last, 6) };
}
