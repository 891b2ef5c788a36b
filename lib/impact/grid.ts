/**
 * Weekly cells of one measure as one grid: a row per touchpoint, a column per week, and each cell's n, sum and sum of
 * squares in flat arrays, instead of a map per touchpoint looked up week by week. The loader reads the weekly rollups
 * into one per measure (by week start: DatedGrid), cards on request keep them, and a card reads one through a view
 * (its weeks counted from its change) for every estimate it makes: the effect, the parallel trends, the placebo line,
 * what would settle it.
 */
import type { Sums } from './answers';

/** Weekly sums per touchpoint: touchpoint id -> week (counted from the card's change week) -> sums. */
export type WeeklyCells = ReadonlyMap<string, ReadonlyMap<number, Sums>>;

export interface CellGrid {
  /** The touchpoints with cells, in the order they were given. */
  ids: readonly string[];
  rowOf: ReadonlyMap<string, number>;
  /** The week of the first column, and how many columns. */
  first: number;
  weeks: number;
  /** The weeks read, from `from` to `to`: a view of a grid that holds more leaves the others out. */
  from: number;
  to: number;
  /** Per cell (row * weeks + week - first): 1 where there are sums (possibly of no answers), and the sums. */
  present: Uint8Array;
  n: Float64Array;
  sum: Float64Array;
  sumSq: Float64Array;
}

/**
 * The grid of `rows` touchpoints (each with its weekly sums, in any order; a later sum of the same week replaces an
 * earlier one) over the weeks `first` to `last`; weeks outside are left out, and so are touchpoints with none inside.
 */
export function cellGrid(
  rows: Iterable<readonly [string, Iterable<readonly [number, Sums]>]>,
  first: number,
  last: number,
): CellGrid {
  const weeks = Math.max(0, last - first + 1);
  const kept: [string, [number, Sums][]][] = [];
  for (const [id, byWeek] of rows) {
    const inside: [number, Sums][] = [];
    for (const [week, sums] of byWeek) if (week >= first && week <= last) inside.push([week, sums]);
    if (inside.length > 0) kept.push([id, inside]);
  }
  const size = kept.length * weeks;
  const grid: CellGrid = {
    ids: kept.map(([id]) => id),
    rowOf: new Map(kept.map(([id], row) => [id, row])),
    first,
    weeks,
    from: first,
    to: first + weeks - 1,
    present: new Uint8Array(size),
    n: new Float64Array(size),
    sum: new Float64Array(size),
    sumSq: new Float64Array(size),
  };
  kept.forEach(([, inside], row) => {
    for (const [week, sums] of inside) {
      const at = row * weeks + week - first;
      grid.present[at] = 1;
      grid.n[at] = sums.n;
      grid.sum[at] = sums.sum;
      grid.sumSq[at] = sums.sumSq;
    }
  });
  return grid;
}

/** The grid of cells given as maps, over all their weeks. */
export function gridOfCells(cells: WeeklyCells): CellGrid {
  let [first, last] = [Infinity, -Infinity];
  for (const byWeek of cells.values())
    for (const week of byWeek.keys()) [first, last] = [Math.min(first, week), Math.max(last, week)];
  return Number.isFinite(first) ? cellGrid(cells, first, last) : cellGrid([], 0, -1);
}

/** The grid read from week `from` to week `to` (at most), its weeks counted `shift` later. */
export function gridView(grid: CellGrid, shift: number, from: number, to: number): CellGrid {
  const first = grid.first + shift;
  return { ...grid, first, from: Math.max(from, grid.from + shift), to: Math.min(to, grid.to + shift) };
}

/** Weekly sums of one measure by the organization's weeks: the grid's week 0 starts on `firstWeek`. */
export interface DatedGrid {
  firstWeek: string;
  grid: CellGrid;
}

/**
 * The grid with the rows of some touchpoints taken anew from `fresh` (a grid of the same weeks), or emptied where
 * it has none; touchpoints it did not have come last. `grid` itself is left as it was.
 */
export function withRows(grid: CellGrid, fresh: CellGrid | undefined, ids: readonly string[]): CellGrid {
  const added = ids.filter((id) => !grid.rowOf.has(id) && fresh?.rowOf.has(id));
  const size = (grid.ids.length + added.length) * grid.weeks;
  const grown = <T extends Float64Array | Uint8Array>(from: T, make: (size: number) => T) => {
    const to = make(size);
    to.set(from);
    return to;
  };
  const next: CellGrid = {
    ...grid,
    ids: [...grid.ids, ...added],
    rowOf: new Map([...grid.rowOf, ...added.map((id, i): [string, number] => [id, grid.ids.length + i])]),
    present: grown(grid.present, (n) => new Uint8Array(n)),
    n: grown(grid.n, (n) => new Float64Array(n)),
    sum: grown(grid.sum, (n) => new Float64Array(n)),
    sumSq: grown(grid.sumSq, (n) => new Float64Array(n)),
  };
  for (const id of ids) {
    const row = next.rowOf.get(id);
    if (row === undefined) continue;
    const at = row * grid.weeks;
    for (const part of [next.present, next.n, next.sum, next.sumSq]) part.fill(0, at, at + grid.weeks);
    const from = fresh?.rowOf.get(id);
    if (from === undefined) continue;
    const [start, end] = [from * grid.weeks, (from + 1) * grid.weeks];
    next.present.set(fresh!.present.subarray(start, end), at);
    next.n.set(fresh!.n.subarray(start, end), at);
    next.sum.set(fresh!.sum.subarray(start, end), at);
    next.sumSq.set(fresh!.sumSq.subarray(start, end), at);
  }
  return next;
}

/** Where a touchpoint's week is in the grid's arrays, or -1 where it has no sums (or is not read). */
export function cellAt(grid: CellGrid, row: number | undefined, week: number): number {
  if (row === undefined || row < 0 || week < grid.from || week > grid.to) return -1;
  const at = row * grid.weeks + week - grid.first;
  return grid.present[at] ? at : -1;
}

/** A touchpoint's sums of one week, or undefined. */
export function sumsAt(grid: CellGrid, id: string, week: number): Sums | undefined {
  const at = cellAt(grid, grid.rowOf.get(id), week);
  return at < 0 ? undefined : { n: grid.n[at]!, sum: grid.sum[at]!, sumSq: grid.sumSq[at]! };
}

/** Adds a touchpoint's sums over `weeks` to `total`, week by week in the order given; returns `total`. */
export function sumInto(grid: CellGrid, row: number | undefined, weeks: readonly number[], total: Sums): Sums {
  for (const week of weeks) {
    const at = cellAt(grid, row, week);
    if (at < 0) continue;
    total.n += grid.n[at]!;
    total.sum += grid.sum[at]!;
    total.sumSq += grid.sumSq[at]!;
  }
  return total;
}

/** The first week with sums (of any touchpoint of `ids`), or Infinity. */
export function earliestWeek(grid: CellGrid, ids: readonly string[]): number {
  let earliest = Infinity;
  for (const id of ids) {
    const row = grid.rowOf.get(id);
    if (row === undefined) continue;
    for (let week = grid.from; week <= grid.to; week++) {
      if (cellAt(grid, row, week) < 0) continue;
      earliest = Math.min(earliest, week);
      break;
    }
  }
  return earliest;
}
