/**
 * Which touchpoints take part in an estimate (IMPACT.md, "Cells"): those with answers in both the baseline and the
 * after window; the treated ones, and at most 40 others, those in a treated one's journey stage first, then those
 * with the most answers.
 */
import { cellAt, type CellGrid } from './grid';
import type { Windows } from './settings';
import { Workspace } from './workspace';

/** At most this many comparison touchpoints take part (IMPACT.md). */
export const MAX_COMPARISON = 40;
/** Added to the order of a comparison touchpoint in a treated one's journey stage: more than any count of answers. */
const SAME_STAGE = 2 ** 40;
/** The work space participants reuses (workspace.ts): per grid row, the order of the comparison touchpoints. */
const space = new Workspace();
const ORDER = 0;

export interface WindowWeeks {
  baseline: number[];
  washout: number[];
  after: number[];
}

export function windowWeeks(changeWeek: number, windows: Windows): WindowWeeks {
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => changeWeek + from + i);
  return {
    baseline: range(-windows.baselineWeeks, windows.baselineWeeks),
    washout: range(0, windows.washoutWeeks),
    after: range(windows.washoutWeeks, windows.afterWeeks),
  };
}

/** A touchpoint's answers over some weeks. */
function answersOver(grid: CellGrid, row: number, weeks: readonly number[]): number {
  let n = 0;
  for (const week of weeks) {
    const at = cellAt(grid, row, week);
    if (at >= 0) n += grid.n[at]!;
  }
  return n;
}

/** The touchpoints that take part: answers in both the baseline and the after window; at most 40 comparisons. */
export function participants(
  grid: CellGrid,
  change: { touchpoints: readonly string[] },
  stageOf: ReadonlyMap<string, string | null> | undefined,
  weeks: WindowWeeks,
) {
  const treatedIds = new Set(change.touchpoints);
  const stages = new Set(change.touchpoints.map((id) => stageOf?.get(id) ?? null));
  // Per grid row, what orders the comparison touchpoints: those in a treated one's journey stage first (2^40 more
  // than any count of answers), then by their answers in the two windows, then by id.
  const order = space.floats0(ORDER, grid.ids.length);
  const treated: string[] = [];
  const candidates: number[] = [];
  grid.ids.forEach((id, row) => {
    const before = answersOver(grid, row, weeks.baseline);
    const after = before > 0 ? answersOver(grid, row, weeks.after) : 0;
    if (!(after > 0)) return;
    if (treatedIds.has(id)) {
      treated.push(id);
    } else {
      order[row] = (stages.has(stageOf?.get(id) ?? null) ? SAME_STAGE : 0) + before + after;
      candidates.push(row);
    }
  });
  const { ids } = grid;
  candidates.sort((a, b) => order[b]! - order[a]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const comparison = candidates.slice(0, MAX_COMPARISON).map((row) => ids[row]!);
  return { treated, comparison };
}
