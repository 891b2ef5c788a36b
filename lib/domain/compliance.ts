import { addWeeks, type WeekStart } from './weeks';

/**
 * Consecutive weeks with an improvement, counted back from the current week. A current week not logged yet
 * does not break the streak (the week is not over): counting then starts from the week before.
 */
export function streak(logged: ReadonlySet<WeekStart>, currentWeek: WeekStart): number {
  let week = logged.has(currentWeek) ? currentWeek : addWeeks(currentWeek, -1);
  let count = 0;
  while (logged.has(week)) {
    count += 1;
    week = addWeeks(week, -1);
  }
  return count;
}

/** Share of the shown weeks that have an improvement, from 0 to 1 (0 when no week is shown). */
export function compliance(logged: ReadonlySet<WeekStart>, weeks: readonly WeekStart[]): number {
  if (weeks.length === 0) return 0;
  return weeks.filter((w) => logged.has(w)).length / weeks.length;
}

/** Per week, the share of areas that logged an improvement. */
export function complianceByWeek(
  loggedByArea: ReadonlyMap<string, ReadonlySet<WeekStart>>,
  areaIds: readonly string[],
  weeks: readonly WeekStart[],
) {
  return weeks.map((week) => ({
    week,
    compliance:
      areaIds.length === 0 ? 0 : areaIds.filter((id) => loggedByArea.get(id)?.has(week)).length / areaIds.length,
  }));
}
