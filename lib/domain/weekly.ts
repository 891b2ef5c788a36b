import { type Actor, can, type Role } from './permissions';
import { addWeeks, weeksBetween, type WeekStart } from './weeks';

/** Where a week stands for logging, seen from the current week. */
export type LogWindow = 'current' | 'previous' | 'older' | 'future';

export function logWindow(week: WeekStart, currentWeek: WeekStart): LogWindow {
  const back = weeksBetween(week, currentWeek);
  if (back < 0) return 'future';
  if (back === 0) return 'current';
  return back === 1 ? 'previous' : 'older';
}

/**
 * The current and the previous week can be logged (the previous one is marked late); older weeks are closed
 * except to executives, who may fill in history. Nobody logs the future.
 */
export function mayLogIn(role: Role, window: LogWindow): boolean {
  if (window === 'current' || window === 'previous') return true;
  return window === 'older' && role === 'executive';
}

/** How far ahead an idea may be planned as an area's improvement: the next free week within this many weeks. */
export const IDEA_WEEKS_AHEAD = 8;

/**
 * An improvement that comes from a staff idea may also be logged ahead, for a coming week the area has free: the
 * best ideas become next week's improvements. Anything else follows `mayLogIn`.
 */
export function mayLogFromIdea(role: Role, week: WeekStart, currentWeek: WeekStart): boolean {
  const window = logWindow(week, currentWeek);
  if (window !== 'future') return mayLogIn(role, window);
  return weeksBetween(currentWeek, week) <= IDEA_WEEKS_AHEAD;
}

/** The week an idea becomes the area's improvement: this one if free, else the next free one, or null. */
export function weekForIdea(currentWeek: WeekStart, taken: ReadonlySet<WeekStart>): WeekStart | null {
  for (let ahead = 0; ahead <= IDEA_WEEKS_AHEAD; ahead++) {
    const week = addWeeks(currentWeek, ahead);
    if (!taken.has(week)) return week;
  }
  return null;
}

export function isLate(window: LogWindow): boolean {
  return window === 'previous' || window === 'older';
}

/** From the reminder day on (ISO weekday, 1 = Monday), an area without an improvement this week is reminded. */
export function reminderDue(todayIsoWeekday: number, reminderWeekday: number, firstDay: 1 | 7): boolean {
  // Position of a weekday within the organization's week: 0 for its first day.
  const position = (isoDay: number) => (firstDay === 1 ? isoDay - 1 : isoDay % 7);
  return position(todayIsoWeekday) >= position(reminderWeekday);
}

/** A grid with the caller's rights: `canLog` per area, and `writableWeeks`, the shown weeks open to their role. */
export type WithLogRights<G extends LogGrid> = Omit<G, 'areas'> & {
  areas: (G['areas'][number] & { canLog: boolean })[];
  writableWeeks: WeekStart[];
};
interface LogGrid {
  weeks: WeekStart[];
  currentWeek: WeekStart;
  areas: { id: string }[];
}

/** Where `actor` may log in a grid: their own area (any area for executives) in the weeks their role may log. */
export function withLogRights<G extends LogGrid>(grid: G, actor: Actor): WithLogRights<G> {
  return {
    ...grid,
    areas: grid.areas.map((area) => ({ ...area, canLog: can(actor, 'weekly.log', { departmentId: area.id }) })),
    writableWeeks: grid.weeks.filter((week) => mayLogIn(actor.role, logWindow(week, grid.currentWeek))),
  };
}
