import 'server-only';
import type { Database } from '@/db/client';
import type { Organization } from '@/db/queries/organizations';
import { compliance, complianceByWeek, streak } from '@/lib/domain/compliance';
import type { WithLogRights } from '@/lib/domain/weekly';
import { weekOf, weekOfDate, weekRange, weeksBetween } from '@/lib/domain/weeks';
import { listDepartments } from './departments';
import { firstLoggedWeek, gridCells, loggedWeeks } from './weekly';

export interface GridCell {
  id: string;
  title: string;
  late: boolean;
}

/** The weekly tracker as everyone sees it; who may log where is added by `withLogRights` (lib/domain/weekly). */
export interface WeeklyGridData {
  weeks: string[];
  currentWeek: string;
  firstWeek: string | null;
  areas: {
    id: string;
    name: string;
    stage: 'front' | 'back';
    streak: number;
    compliance: number;
    loggedThisWeek: boolean;
  }[];
  /** cells[departmentId][weekStart] */
  cells: Record<string, Record<string, GridCell>>;
  compliance: number;
  trend: { week: string; compliance: number }[];
}

export type WeeklyGrid = WithLogRights<WeeklyGridData>;

/** The weekly tracker for `count` weeks ending with `lastWeek` (default: the current week). */
export async function weeklyGridData(
  db: Database,
  organization: Organization,
  options: { lastWeek?: string; count: number },
  now = new Date(),
): Promise<WeeklyGridData> {
  const firstDay = organization.weekStartsOn;
  const currentWeek = weekOf(now, organization.timeZone, firstDay);
  // Any date names the week that contains it; nothing after the current week is shown.
  const asked = options.lastWeek ? weekOfDate(options.lastWeek, firstDay) : currentWeek;
  const lastWeek = weeksBetween(asked, currentWeek) >= 0 ? asked : currentWeek;
  const weeks = weekRange(lastWeek, options.count);
  const [departments, cells, history, firstWeek] = await Promise.all([
    listDepartments(db, organization.id),
    gridCells(db, organization.id, weeks[0]!, weeks.at(-1)!),
    loggedWeeks(db, organization.id, currentWeek),
    firstLoggedWeek(db, organization.id),
  ]);
  const byArea: WeeklyGrid['cells'] = {};
  for (const c of cells) (byArea[c.departmentId] ??= {})[c.weekStart] = { id: c.id, title: c.title, late: c.late };
  const logged = new Map<string, Set<string>>();
  for (const h of history) {
    if (!logged.has(h.departmentId)) logged.set(h.departmentId, new Set());
    logged.get(h.departmentId)!.add(h.weekStart);
  }
  // Weeks still to come are not counted against anyone.
  const countedWeeks = weeks.filter((w) => weeksBetween(w, currentWeek) >= 0);
  const areas = departments.map((d) => {
    const set = logged.get(d.id) ?? new Set<string>();
    return {
      id: d.id,
      name: d.name,
      stage: d.stage,
      streak: streak(set, currentWeek),
      compliance: compliance(set, countedWeeks),
      loggedThisWeek: set.has(currentWeek),
    };
  });
  const trend = complianceByWeek(
    logged,
    departments.map((d) => d.id),
    countedWeeks,
  );
  const cellsLogged = trend.reduce((sum, t) => sum + t.compliance * departments.length, 0);
  return {
    weeks,
    currentWeek,
    firstWeek,
    areas,
    cells: byArea,
    trend,
    compliance:
      departments.length && countedWeeks.length ? cellsLogged / (departments.length * countedWeeks.length) : 0,
  };
}
