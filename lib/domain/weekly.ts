import { type Actor, can, type Role } from './permissions';
import { weeksBetween, type WeekStart } from './weeks';

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
