/**
 * The other changes an estimate models as their own terms, and the same prepared once for a grid of cells (their
 * touchpoints as its rows), when many estimates of a card share them.
 */
import type { CellGrid } from './grid';

export interface ModelledChange {
  key: string;
  /** Its week, counted from the card's change week. */
  week: number;
  touchpoints: readonly string[];
}

/** Other changes with their touchpoints as rows of one grid, found once for all the estimates on it. */
export interface PreparedChanges {
  grid: CellGrid;
  list: readonly ModelledChange[];
  /** Per change, the grid rows of its touchpoints (each once; those without cells left out). */
  rows: readonly (readonly number[])[];
  /** Whether no key is given twice. */
  unique: boolean;
}

export function prepareChanges(list: readonly ModelledChange[], grid: CellGrid): PreparedChanges {
  const rows = list.map((change) => {
    const at: number[] = [];
    for (const id of change.touchpoints) {
      const row = grid.rowOf.get(id);
      if (row !== undefined && !at.includes(row)) at.push(row);
    }
    return at;
  });
  return { grid, list, rows, unique: new Set(list.map((c) => c.key)).size === list.length };
}
