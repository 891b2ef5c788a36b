/**
 * One change's effect on one measure, from weekly cells (IMPACT.md, "The model"): who takes part, which other
 * changes are modelled, how collinear changes become one joint term, and the fallback to before and after when no
 * other touchpoint was measured. Weeks are integers counted from the change's week (0); the baseline is negative.
 */
import { addSums, emptySums, type Sums, varianceOf } from './answers';
import { critical, twoSidedP } from './distributions';
import { cellAt, type CellGrid, gridOfCells, sumInto, type WeeklyCells } from './grid';
import { fitModel, type ModelCells, type ModelFit, newModelCells } from './model';
import type { Measure, Windows } from './settings';
import { type ModelledChange, prepareChanges, type PreparedChanges } from './modelled-changes';
import { participants, type WindowWeeks, windowWeeks } from './participants';
import { netScoreDifference, shareDifference, welchFromSums } from './two-periods';
import { Workspace } from './workspace';

export type { WeeklyCells } from './grid';
export { type ModelledChange, prepareChanges, type PreparedChanges } from './modelled-changes';
export { MAX_COMPARISON, participants, type WindowWeeks, windowWeeks } from './participants';

export interface EffectInput {
  measure: Measure;
  /** The weekly cells: as maps, or as the grid a card builds once for all its estimates (grid.ts). */
  cells: WeeklyCells | CellGrid;
  /** The change being measured: its week (0 for the card itself; another week for a pretend change). */
  change: { week: number; touchpoints: readonly string[] };
  /**
   * Other changes that take part as their own terms (already filtered by the metric they declare); or the same
   * prepared once for the grid given as cells (prepareChanges), when many estimates share them.
   */
  others: readonly ModelledChange[] | PreparedChanges;
  windows: Windows;
  stageOf?: ReadonlyMap<string, string | null>;
  /** Hold phi at this value instead of estimating it. */
  phi?: number;
  /** Skip naming the changes it cannot be told apart from (pretend changes, settling): only the effect is wanted. */
  quick?: boolean;
}

export interface Effect {
  estimator: 'model' | 'before-after';
  /** In the measure's model unit: points, percent, scale points, or ln(hours) for TTR. */
  estimate: number;
  se: number;
  low: number;
  high: number;
  p: number;
  df: number | null;
  phi: number | null;
  comparison: string[];
  heldApart: string[];
  joint: string[];
  indistinct: string[];
  /** Answers at the treated touchpoints in the baseline and the after window. */
  before: Sums;
  after: Sums;
  /**
   * The variance of the estimate if the treated touchpoints' after-window weights were `scale` times larger, with
   * the same terms and phi ("what would settle it"); null when it cannot be estimated.
   */
  varianceAt: (scale: number) => number | null;
}

/** The parts of the work space every estimate reuses (workspace.ts); nothing an estimate returns points into it. */
const enum Part {
  ModelOfRow,
  TermOf,
  Occurs,
}
const space = new Workspace();

/** A change's SE more than this many times its SE alone: name the changes it cannot be told apart from. */
export const INFLATION_LIMIT = 2;
const SELF = '\u0000self';
/** The card's own step, and the group of a step left out. */
const [SELF_STEP, LEFT_OUT] = [0, -1];
/** The comparison localeCompare makes (the default locale and options), built once: the sort of groups calls it often. */
const collator = new Intl.Collator();

/** The change's effect, or null when its touchpoints have no answers before or after. */
export function estimateEffect(input: EffectInput): Effect | null {
  const grid = input.cells instanceof Map ? gridOfCells(input.cells) : (input.cells as CellGrid);
  const weeks = windowWeeks(input.change.week, input.windows);
  const { treated, comparison } = participants(grid, input.change, input.stageOf, weeks);
  if (treated.length === 0) return null;
  const over = (ws: readonly number[]) =>
    treated.reduce((s, id) => addSums(s, sumInto(grid, grid.rowOf.get(id), ws, emptySums())), emptySums());
  const before = over(weeks.baseline);
  const after = over(weeks.after);
  if (comparison.length === 0) return beforeAfter(input.measure, before, after);
  return modelEffect(input, grid, weeks, treated, comparison, before, after);
}

function modelEffect(
  input: EffectInput,
  grid: CellGrid,
  weeks: WindowWeeks,
  treated: string[],
  comparison: string[],
  before: Sums,
  after: Sums,
): Effect | null {
  const first = weeks.baseline[0]!;
  const last = weeks.after.at(-1)!;
  const [afterFrom, afterTo] = [weeks.after[0]!, last];
  const washout = new Set(weeks.washout);
  // The touchpoints in the model (treated first) by their grid rows.
  const inModel = [...treated, ...comparison];
  const rows = Int32Array.from(inModel, (id) => grid.rowOf.get(id)!);
  const modelOfRow = space.ints(Part.ModelOfRow, grid.ids.length, -1);
  rows.forEach((row, i) => (modelOfRow[row] = i));
  // The steps modelled, numbered: the card's own change (0), then the other changes inside the window at touchpoints
  // in the model, each with the week its step starts and those touchpoints (a key given twice: its last step).
  const keys = [SELF];
  const starts = [weeks.after[0]!];
  const places: number[][] = [treated.map((_, i) => i)];
  const given = input.others;
  const changes = Array.isArray(given)
    ? prepareChanges(given, grid)
    : (given as PreparedChanges).grid === grid
      ? (given as PreparedChanges)
      : prepareChanges((given as PreparedChanges).list, grid);
  const stepOfKey = changes.unique ? null : new Map<string, number>();
  changes.list.forEach((other, o) => {
    if (other.week < first || other.week > last) return;
    const at: number[] = [];
    for (const row of changes.rows[o]!) if (modelOfRow[row]! >= 0) at.push(modelOfRow[row]!);
    if (at.length === 0) return;
    const step = stepOfKey?.get(other.key) ?? keys.length;
    if (step === keys.length) {
      keys.push(other.key);
      stepOfKey?.set(other.key, step);
    }
    starts[step] = other.week + input.windows.washoutWeeks;
    places[step] = at;
  });
  const steps = keys.length;

  // Every touchpoint's per-answer variance, pooled over the baseline and the after window.
  const variance = Float64Array.from(rows, (row) =>
    varianceOf(
      input.measure,
      addSums(sumInto(grid, row, weeks.baseline, emptySums()), sumInto(grid, row, weeks.after, emptySums())),
    ),
  );

  // Groups of changes modelled as one term, named by a step of theirs (the card's own group by 0): each step's
  // group, or LEFT_OUT. Changes at a shared touchpoint whose steps start in the same or adjacent weeks are nearly
  // collinear: they start as one joint term. Others join when the cells cannot part them (below).
  const groupOf = Int32Array.from({ length: steps }, (_, step) => step);
  const rootOf = (step: number): number => (groupOf[step] === step ? step : rootOf(groupOf[step]!));
  for (let i = 0; i < steps; i++) {
    for (let j = i + 1; j < steps; j++) {
      // The starts first: most pairs of a long list start far apart, and comparing two numbers costs nothing.
      if (Math.abs(starts[i]! - starts[j]!) > 1 || !sharesTouchpoint(places[i]!, places[j]!)) continue;
      const ra = rootOf(i);
      const rb = rootOf(j);
      if (ra !== rb) groupOf[rb === SELF_STEP ? ra : rb] = rb === SELF_STEP ? SELF_STEP : ra;
    }
  }
  for (let step = 0; step < steps; step++) groupOf[step] = rootOf(step);
  // Members per group, in the steps' order, rebuilt only when groups merge (the sort and the result read it often).
  let memberCache: number[][] | null = null;
  const members = (group: number): readonly number[] => {
    if (!memberCache) {
      memberCache = [];
      for (let step = 0; step < steps; step++) {
        const g = groupOf[step]!;
        if (g !== LEFT_OUT) (memberCache[g] ??= []).push(step);
      }
    }
    return memberCache[group] ?? [];
  };
  const memberKeys = (group: number) => members(group).map((step) => keys[step]!);
  /** The groups, in the order of their first steps. */
  const groupIds = () => {
    const ids: number[] = [];
    for (let step = 0; step < steps; step++) {
      const g = groupOf[step]!;
      if (g !== LEFT_OUT && members(g)[0] === step) ids.push(g);
    }
    return ids;
  };

  // The steps at each touchpoint, so building a cell looks only at those.
  const stepsAt = inModel.map(() => [] as number[]);
  for (let step = 0; step < steps; step++) for (const i of places[step]!) stepsAt[i]!.push(step);
  // The cells, flat (model.ts): touchpoints in the model's order, weeks in order, the washout left out.
  const span = last - first + 1;

  const cellsFor = (groups: readonly number[]): ModelCells => {
    const termOf = space.ints(Part.TermOf, steps, -1);
    groups.forEach((g, i) => (termOf[g] = i));
    // The touchpoints' changes as the week their step starts and their term (touchpoint t's from changesAt[t] to
    // changesAt[t + 1]), found once for all their weeks.
    const changesAt: number[] = [];
    const changeStart: number[] = [];
    const changeTerm: number[] = [];
    stepsAt.forEach((list) => {
      changesAt.push(changeStart.length);
      for (const step of list) {
        const group = groupOf[step]!;
        const term = group === LEFT_OUT ? -1 : termOf[group]!;
        if (term < 0) continue;
        changeStart.push(starts[step]!);
        changeTerm.push(term);
      }
    });
    changesAt.push(changeStart.length);
    const cells = newModelCells(inModel.length * span, changeStart.length * span);
    let c = 0;
    let x = 0;
    for (let touchpoint = 0; touchpoint < inModel.length; touchpoint++) {
      const row = rows[touchpoint]!;
      const v = variance[touchpoint]!;
      const from = changesAt[touchpoint]!;
      const to = changesAt[touchpoint + 1]!;
      for (let week = first; week <= last; week++) {
        const at = cellAt(grid, row, week);
        if (at < 0 || grid.n[at] === 0 || washout.has(week)) continue;
        const termsFrom = x;
        for (let e = from; e < to; e++) {
          if (week < changeStart[e]!) continue;
          const term = changeTerm[e]!;
          let seen = false;
          for (let y = termsFrom; y < x; y++) seen ||= cells.terms[y] === term;
          if (!seen) cells.terms[x++] = term;
        }
        cells.touchpoint[c] = touchpoint;
        cells.week[c] = week;
        cells.y[c] = grid.sum[at]! / grid.n[at]!;
        cells.weight[c] = grid.n[at]! / v;
        cells.termStart[++c] = x;
      }
    }
    cells.count = c;
    return cells;
  };
  // The same cells with the treated touchpoints' after-window weights `scale` times larger (only those change).
  const scaledCells = (cells: ModelCells, scale: number): ModelCells => {
    const weight = cells.weight.slice();
    for (let c = 0; c < cells.count; c++) {
      const touchpoint = cells.touchpoint[c]!;
      const week = cells.week[c]!;
      if (touchpoint >= treated.length || week < afterFrom || week > afterTo) continue;
      weight[c] = (scale * grid.n[cellAt(grid, rows[touchpoint], week)]!) / variance[touchpoint]!;
    }
    return { ...cells, weight };
  };
  const orderOf = (groups: readonly number[]) => groups.map((_, i) => i);

  let fit: ModelFit | null = null;
  let cells: ModelCells | null = null;
  let groups: number[] = [];
  for (let round = 0; round < 50; round++) {
    // Each group's first step start, found once for the sort.
    const held = groupIds().filter((g) => g !== SELF_STEP);
    const startOf: number[] = [];
    for (const g of held) {
      let start = Infinity;
      for (const step of members(g)) start = Math.min(start, starts[step]!);
      startOf[g] = start;
    }
    groups = [SELF_STEP, ...held.sort((a, b) => startOf[a]! - startOf[b]! || collator.compare(keys[a]!, keys[b]!))];
    cells = cellsFor(groups);
    // A change whose step starts after its touchpoints' last cells has a column of zeros: it carries nothing and
    // leaves, as the fit would find, without a fit (the other columns' fit is the same with or without it).
    const occurs = space.ints(Part.Occurs, groups.length);
    for (let x = 0; x < cells.termStart[cells.count]!; x++) occurs[cells.terms[x]!] = 1;
    const idle = groups.filter((group, term) => group !== SELF_STEP && !occurs[term]);
    if (idle.length > 0) {
      for (const group of idle) for (const step of members(group)) groupOf[step] = LEFT_OUT;
      memberCache = null;
      groups = groups.filter((_, term) => term === 0 || occurs[term]);
      cells = cellsFor(groups);
    }
    // The changes made at one comparison touchpoint only are absorbed with its level: the same estimate, variance
    // and dependent terms (the model falls back to the full fit when they could differ). Only the correlations that
    // name the changes this one cannot be told apart from need the full fit (below).
    fit = fitModel(cells, orderOf(groups), { absorb: true });
    if (fit.dependent.length === 0) break;
    // Every dependent term at once: a column with nothing of its own leaves; one made of other changes joins the
    // first of them (partners are always terms that stayed in this fit, so no merge points at a leaving group).
    const moves = fit.dependent.map(({ term, partners }) => ({
      group: groups[term]!,
      into: partners.length > 0 ? groups[Math.min(...partners)]! : LEFT_OUT,
    }));
    if (moves.some((m) => m.group === SELF_STEP && m.into === LEFT_OUT)) {
      return beforeAfter(input.measure, before, after);
    }
    for (const { group, into } of moves) for (const step of members(group)) groupOf[step] = into;
    memberCache = null;
  }
  if (!fit || !cells || fit.dependent.length > 0) return beforeAfter(input.measure, before, after);
  const fitted = cells;

  const phi = input.phi ?? fit.phi;
  const variance0 = (fit.covariance(0, 0) / fit.phi) * phi;
  const se = Math.sqrt(variance0);
  const estimate = fit.estimate(0);
  const df = fit.df;
  const t = critical(0.95, df);
  const others = groups.slice(1);

  let indistinct: string[] = [];
  if (others.length > 0 && !input.quick) {
    const alone = fitModel(cellsFor([SELF_STEP]), [0]);
    const seAlone = Math.sqrt((alone.covariance(0, 0) / alone.phi) * phi);
    if (se > INFLATION_LIMIT * seAlone) {
      const full = fitModel(fitted, orderOf(groups));
      const correlations = others
        .map((g, i) => ({
          g,
          r: Math.abs(full.covariance(0, i + 1) / Math.sqrt(full.covariance(i + 1, i + 1) * full.covariance(0, 0))),
        }))
        .sort((a, b) => b.r - a.r);
      const strong = correlations.filter((c) => c.r >= 0.5);
      indistinct = (strong.length > 0 ? strong : correlations.slice(0, 3)).flatMap((c) => memberKeys(c.g));
    }
  }
  return {
    estimator: 'model',
    estimate,
    se,
    low: estimate - t * se,
    high: estimate + t * se,
    p: se > 0 ? twoSidedP(estimate / se, df) : 1,
    df,
    phi,
    comparison,
    heldApart: others.flatMap(memberKeys),
    joint: memberKeys(SELF_STEP).filter((key) => key !== SELF),
    indistinct,
    before,
    after,
    varianceAt(scale) {
      // Weights scaled by 1 are the weights fitted (scale * n = n exactly): the same fit, the same variance.
      if (scale === 1) return variance0;
      // Only the change's own variance is read: absorbing changes nothing in it.
      const scaled = fitModel(scaledCells(fitted, scale), orderOf(groups), { absorb: true });
      return scaled.dependent.length > 0 ? null : (scaled.covariance(0, 0) / scaled.phi) * phi;
    },
  };
}

/** Whether two steps share a touchpoint (each at a few). */
function sharesTouchpoint(a: readonly number[], b: readonly number[]): boolean {
  for (const t of a) if (b.includes(t)) return true;
  return false;
}

/** Before against after at the treated touchpoints alone: seasons and shared shocks are not removed. */
export function beforeAfter(measure: Measure, before: Sums, after: Sums): Effect | null {
  if (before.n === 0 || after.n === 0) return null;
  // Each period's variance of its mean: the after part shrinks as its answers grow.
  const periodVariance = (s: Sums) => {
    const mean = s.sum / s.n;
    const sample = measure === 'cesMean' || measure === 'ttr';
    return (sample ? (s.sumSq - s.n * mean * mean) / Math.max(1, s.n - 1) : s.sumSq / s.n - mean * mean) / s.n;
  };
  const base = {
    estimator: 'before-after' as const,
    phi: null,
    comparison: [],
    heldApart: [],
    joint: [],
    indistinct: [],
    before,
    after,
    varianceAt: (scale: number) => periodVariance(before) + periodVariance(after) / scale,
  };
  if (measure === 'nps' || measure === 'nev') {
    const counts = (s: Sums) => ({
      n: s.n,
      positive: Math.round((s.sumSq / 1e4 + s.sum / 100) / 2),
      negative: Math.round((s.sumSq / 1e4 - s.sum / 100) / 2),
    });
    const e = netScoreDifference(counts(before), counts(after));
    return { ...base, estimate: e.difference, se: e.se, low: e.low, high: e.high, p: e.p, df: e.df };
  }
  if (measure === 'csat' || measure === 'cesShare') {
    const e = shareDifference(
      { n: before.n, x: Math.round(before.sum / 100) },
      { n: after.n, x: Math.round(after.sum / 100) },
    );
    return { ...base, estimate: e.difference, se: e.se, low: e.low, high: e.high, p: e.p, df: e.df };
  }
  if (before.n < 2 || after.n < 2) return null;
  const e = welchFromSums(before, after);
  return { ...base, estimate: e.difference, se: e.se, low: e.low, high: e.high, p: e.p, df: e.df };
}
