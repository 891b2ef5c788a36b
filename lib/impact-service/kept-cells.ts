import 'server-only';
import type { Database } from '@/db/client';
import { type ImpactOrganization, weeklyCells, type WeeklyGroup, weeklyRowsState } from '@/db/queries/impact';
import { measureOf } from '@/lib/impact/answers';
import { withRows } from '@/lib/impact/grid';
import type { Measure } from '@/lib/impact/settings';
import type { Metric } from '@/lib/domain/metrics';

/**
 * The weekly cells of cards computed on request, kept per organization, weeks and treated touchpoints: a person
 * trying windows, or a program asking for several cards, reads the organization's weeks (at 200 touchpoints 28,800
 * rows) once. Each time, the digest of every touchpoint's and metric's rows (weeklyRowsState) says which changed
 * since; only those are read again. The digests are read before the rows, so rows written in between are read again
 * the next time: what is kept is never older than what it says.
 */

type Cells = Awaited<ReturnType<typeof weeklyCells>>;
const kept = new Map<string, { state: Map<WeeklyGroup, string>; cells: Cells }>();
/** Ranges kept at most (the oldest goes first). */
const KEPT = 16;

export async function keptWeeklyCells(
  db: Database,
  organization: ImpactOrganization,
  range: { from: string; to: string },
  treated: readonly string[],
): Promise<Cells> {
  const key = [organization.id, range.from, range.to, organization.weekStartsOn, organization.cesHeadline, ...treated];
  const name = key.join('|');
  const state = await weeklyRowsState(db, organization.id, range, organization.weekStartsOn);
  const before = kept.get(name);
  let cells: Cells;
  if (!before) {
    cells = await weeklyCells(db, organization.id, range, organization, treated);
  } else {
    const changed = [...state].filter(([group, digest]) => before.state.get(group) !== digest).map(([group]) => group);
    const gone = [...before.state.keys()].filter((group) => !state.has(group));
    if (changed.length === 0 && gone.length === 0) return before.cells;
    const fresh = changed.length
      ? await weeklyCells(db, organization.id, range, organization, treated, changed)
      : { sums: new Map(), audience: new Map() };
    cells = replaced(before.cells, fresh, [...changed, ...gone], organization.cesHeadline);
  }
  kept.delete(name);
  kept.set(name, { state, cells });
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return cells;
}

/**
 * New cells: `before` with the groups' rows taken from `fresh` (or gone); `before` itself is left as it was, and the
 * grids of the measures whose rows did not change are kept as they are (the same objects).
 */
function replaced(before: Cells, fresh: Cells, groups: readonly WeeklyGroup[], cesHeadline: 'mean' | 'share'): Cells {
  const touchpointsOf = new Map<Measure, string[]>();
  const audience = new Map([...before.audience].map(([touchpoint, byMetric]) => [touchpoint, new Map(byMetric)]));
  for (const group of groups) {
    const [touchpoint, metric] = group.split('|') as [string, Metric];
    const measure = measureOf(metric, cesHeadline);
    touchpointsOf.set(measure, [...(touchpointsOf.get(measure) ?? []), touchpoint]);
    const who = fresh.audience.get(touchpoint)?.get(metric);
    let byMetric = audience.get(touchpoint);
    if (!byMetric && who) audience.set(touchpoint, (byMetric = new Map()));
    if (who) byMetric!.set(metric, who);
    else byMetric?.delete(metric);
  }
  const sums = new Map(before.sums);
  for (const [measure, touchpoints] of touchpointsOf) {
    const [kept, read] = [before.sums.get(measure), fresh.sums.get(measure)];
    // A measure read for the first time comes as read; the groups were read for the same weeks as the kept ones.
    const grid = kept ? withRows(kept.grid, read?.grid, touchpoints) : read?.grid;
    if (grid) sums.set(measure, { firstWeek: (kept ?? read)!.firstWeek, grid });
  }
  return { sums, audience };
}
