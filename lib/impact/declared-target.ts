/**
 * A change declares its target metric and direction in advance (IMPACT.md): once its after window has started,
 * the declaration is part of the record and can no longer change, so nobody picks the metric that happened to move.
 * Pure.
 */
import type { FirstDay } from '@/lib/domain/weeks';
import type { Windows } from './settings';
import { cardCalendar } from './window';

export interface DeclaredTarget {
  metric: string | null;
  direction: 'up' | 'down' | null;
}

/** The first day of a change's after window with these windows. */
export function afterWindowStart(changeDate: string, windows: Windows, firstDay: FirstDay): string {
  const calendar = cardCalendar(changeDate, windows, firstDay);
  return calendar.after[0] ?? calendar.changeWeek;
}

/**
 * The day the declared target was locked: the start of the after window of the earliest of `dates` (a change's
 * stored date and the date an edit gives it, so moving the date cannot unlock it), when that day is today or
 * earlier; null while the target may still change.
 */
export function targetLockedSince(
  dates: (string | null | undefined)[],
  windows: Windows,
  firstDay: FirstDay,
  today: string,
): string | null {
  const known = dates.filter((d): d is string => !!d).sort();
  const earliest = known[0];
  if (!earliest) return null;
  const start = afterWindowStart(earliest, windows, firstDay);
  return start <= today ? start : null;
}

/** Whether an edit changes the declared target; a direction without a metric means nothing and is ignored. */
export function changesTarget(before: DeclaredTarget, after: DeclaredTarget): boolean {
  const direction = (t: DeclaredTarget) => (t.metric ? t.direction : null);
  return before.metric !== after.metric || direction(before) !== direction(after);
}

/** The direction a metric's improvement goes: down for time to resolution, up for everything else. */
export function betterDirection(metric: string): 'up' | 'down' {
  return metric === 'ttr' ? 'down' : 'up';
}
