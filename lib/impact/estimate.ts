/**
 * One change's effect on one measure, from weekly cells (IMPACT.md, "The model"): who takes part, which other
 * changes are modelled, how collinear changes become one joint term, and the fallback to before and after when no
 * other touchpoint was measured. Weeks are integers counted from the change's week (0); the baseline is negative.
 */
import { addSums, emptySums, type Sums, varianceOf } from './answers';
import { critical, twoSidedP } from './distributions';
import { fitModel, type ModelCell, type ModelFit } from './model';
import type { Measure, Windows } from './settings';
import { netScoreDifference, shareDifference, welchFromSums } from './two-periods';

/** Weekly sums per touchpoint: touchpoint id -> week -> sums. */
export type WeeklyCells = ReadonlyMap<string, ReadonlyMap<number, Sums>>;

export interface ModelledChange {
  key: string;
  /** Its week, counted from the card's change week. */
  week: number;
  touchpoints: readonly string[];
}

export interface EffectInput {
  measure: Measure;
  cells: WeeklyCells;
  /** The change being measured: its week (0 for the card itself; another week for a pretend change). */
  change: { week: number; touchpoints: readonly string[] };
  /** Other changes that take part as their own terms (already filtered by the metric they declare). */
  others: readonly ModelledChange[];
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

/** At most this many comparison touchpoints take part (IMPACT.md). */
export const MAX_COMPARISON = 40;
/** A change's SE more than this many times its SE alone: name the changes it cannot be told apart from. */
export const INFLATION_LIMIT = 2;
const SELF = '\u0000self';
/** The comparison localeCompare makes (the default locale and options), built once: the sort of groups calls it often. */
const collator = new Intl.Collator();

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

function sumOver(cells: ReadonlyMap<number, Sums> | undefined, weeks: readonly number[]): Sums {
  const total = emptySums();
  for (const week of weeks) {
    const sums = cells?.get(week);
    if (!sums) continue;
    total.n += sums.n;
    total.sum += sums.sum;
    total.sumSq += sums.sumSq;
  }
  return total;
}

function answersOver(cells: ReadonlyMap<number, Sums> | undefined, weeks: readonly number[]): number {
  let n = 0;
  for (const week of weeks) n += cells?.get(week)?.n ?? 0;
  return n;
}

/** The touchpoints that take part: answers in both the baseline and the after window; at most 40 comparisons. */
export function participants(input: EffectInput, weeks: WindowWeeks) {
  const treated = new Set(input.change.touchpoints);
  const measured: { id: string; n: number }[] = [];
  for (const [id, byWeek] of input.cells) {
    const before = answersOver(byWeek, weeks.baseline);
    const after = before > 0 ? answersOver(byWeek, weeks.after) : 0;
    if (after > 0) measured.push({ id, n: before + after });
  }
  const treatedIn = measured.filter(({ id }) => treated.has(id)).map(({ id }) => id);
  const stages = new Set(input.change.touchpoints.map((id) => input.stageOf?.get(id) ?? null));
  const comparison = measured
    .filter(({ id }) => !treated.has(id))
    .map(({ id, n }) => ({ id, sameStage: stages.has(input.stageOf?.get(id) ?? null), n }))
    .sort((a, b) => Number(b.sameStage) - Number(a.sameStage) || b.n - a.n || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, MAX_COMPARISON)
    .map((c) => c.id);
  return { treated: treatedIn, comparison };
}

/** The change's effect, or null when its touchpoints have no answers before or after. */
export function estimateEffect(input: EffectInput): Effect | null {
  const weeks = windowWeeks(input.change.week, input.windows);
  const { treated, comparison } = participants(input, weeks);
  if (treated.length === 0) return null;
  const before = treated.reduce((s, id) => addSums(s, sumOver(input.cells.get(id), weeks.baseline)), emptySums());
  const after = treated.reduce((s, id) => addSums(s, sumOver(input.cells.get(id), weeks.after)), emptySums());
  if (comparison.length === 0) return beforeAfter(input.measure, before, after);
  return modelEffect(input, weeks, treated, comparison, before, after);
}

function modelEffect(
  input: EffectInput,
  weeks: WindowWeeks,
  treated: string[],
  comparison: string[],
  before: Sums,
  after: Sums,
): Effect | null {
  const first = weeks.baseline[0]!;
  const last = weeks.after.at(-1)!;
  const inModel = [...treated, ...comparison];
  const index = new Map(inModel.map((id, i) => [id, i]));
  const afterWeeks = new Set(weeks.after);
  const washout = new Set(weeks.washout);
  const steps = new Map<string, { start: number; touchpoints: Set<string> }>([
    [SELF, { start: weeks.after[0]!, touchpoints: new Set(treated) }],
  ]);
  for (const other of input.others) {
    if (other.week < first || other.week > last) continue;
    const at = other.touchpoints.filter((id) => index.has(id));
    if (at.length > 0)
      steps.set(other.key, { start: other.week + input.windows.washoutWeeks, touchpoints: new Set(at) });
  }

  // Every touchpoint's per-answer variance, pooled over the baseline and the after window.
  const variance = new Map(
    inModel.map((id) => {
      const byWeek = input.cells.get(id);
      return [id, varianceOf(input.measure, addSums(sumOver(byWeek, weeks.baseline), sumOver(byWeek, weeks.after)))];
    }),
  );
  const treatedSet = new Set(treated);

  // Groups of changes modelled as one term. Changes at a shared touchpoint whose steps start in the same or adjacent
  // weeks are nearly collinear: they start as one joint term. Others join when the cells cannot part them (below).
  const groupOf = new Map([...steps.keys()].map((key) => [key, key]));
  const rootOf = (key: string): string => (groupOf.get(key) === key ? key : rootOf(groupOf.get(key)!));
  const keys = [...steps.keys()];
  const stepList = [...steps.values()];
  for (let i = 0; i < keys.length; i++) {
    const sa = stepList[i]!;
    for (let j = i + 1; j < keys.length; j++) {
      // The starts first: most pairs of a long list start far apart, and comparing two numbers costs nothing.
      const sb = stepList[j]!;
      if (Math.abs(sa.start - sb.start) > 1 || !sharesTouchpoint(sa.touchpoints, sb.touchpoints)) continue;
      const [ra, rb] = [rootOf(keys[i]!), rootOf(keys[j]!)];
      if (ra !== rb) groupOf.set(rb === SELF ? ra : rb, rb === SELF ? SELF : ra);
    }
  }
  for (const key of keys) groupOf.set(key, rootOf(key));
  // Members per group, rebuilt only when groups merge (the sort and the result read it often).
  let memberCache: Map<string, string[]> | null = null;
  const members = (group: string) => {
    if (!memberCache) {
      memberCache = new Map();
      for (const [key, g] of groupOf) {
        const list = memberCache.get(g);
        if (list) list.push(key);
        else memberCache.set(g, [key]);
      }
    }
    return memberCache.get(group) ?? [];
  };
  const groupIds = () => [...new Set(groupOf.values())];

  // The changes at each touchpoint, so building a cell looks only at those.
  const stepsAt = new Map(inModel.map((id) => [id, [] as string[]]));
  for (const [key, step] of steps) for (const id of step.touchpoints) stepsAt.get(id)?.push(key);
  const cellsFor = (groups: string[]): ModelCell[] => {
    const termOf = new Map(groups.map((g, i) => [g, i]));
    const cells: ModelCell[] = [];
    for (const id of inModel) {
      const byWeek = input.cells.get(id);
      // The touchpoint's changes as the week their step starts and their term, found once for all its weeks.
      const here: { start: number; term: number }[] = [];
      for (const key of stepsAt.get(id)!) {
        const group = groupOf.get(key);
        const term = group === undefined ? undefined : termOf.get(group);
        if (term !== undefined) here.push({ start: steps.get(key)!.start, term });
      }
      const [touchpoint, v] = [index.get(id)!, variance.get(id)!];
      for (let week = first; week <= last; week++) {
        const sums = byWeek?.get(week);
        if (!sums || sums.n === 0 || washout.has(week)) continue;
        const terms: number[] = [];
        for (const { start, term } of here) if (week >= start && !terms.includes(term)) terms.push(term);
        cells.push({ touchpoint, week, y: sums.sum / sums.n, weight: sums.n / v, terms });
      }
    }
    return cells;
  };
  // The same cells with the treated touchpoints' after-window weights `scale` times larger (only those change).
  const scaledCells = (cells: readonly ModelCell[], scale: number) =>
    cells.map((cell) => {
      const id = inModel[cell.touchpoint]!;
      if (!treatedSet.has(id) || !afterWeeks.has(cell.week)) return cell;
      return { ...cell, weight: (scale * input.cells.get(id)!.get(cell.week)!.n) / variance.get(id)! };
    });
  const orderOf = (groups: string[]) => groups.map((_, i) => i);

  let fit: ModelFit | null = null;
  let cells: ModelCell[] = [];
  let groups: string[] = [];
  for (let round = 0; round < 50; round++) {
    // Each group's first step start, found once for the sort.
    const held = groupIds().filter((g) => g !== SELF);
    const startOf = new Map(held.map((g) => [g, Math.min(...members(g).map((key) => steps.get(key)!.start))]));
    groups = [SELF, ...held.sort((a, b) => startOf.get(a)! - startOf.get(b)! || collator.compare(a, b))];
    cells = cellsFor(groups);
    // The changes made at one comparison touchpoint only are absorbed with its level: the same estimate, variance
    // and dependent terms (the model falls back to the full fit when they could differ). Only the correlations that
    // name the changes this one cannot be told apart from need the full fit (below).
    fit = fitModel(cells, orderOf(groups), { absorb: true });
    if (fit.dependent.length === 0) break;
    // Every dependent term at once: a column with nothing of its own leaves; one made of other changes joins the
    // first of them (partners are always terms that stayed in this fit, so no merge points at a leaving group).
    const moves = fit.dependent.map(({ term, partners }) => ({
      group: groups[term]!,
      into: partners.length > 0 ? groups[Math.min(...partners)]! : null,
    }));
    if (moves.some((m) => m.group === SELF && m.into === null)) return beforeAfter(input.measure, before, after);
    for (const { group, into } of moves) {
      for (const key of members(group)) {
        if (into === null) groupOf.delete(key);
        else groupOf.set(key, into);
      }
    }
    memberCache = null;
  }
  if (!fit || fit.dependent.length > 0) return beforeAfter(input.measure, before, after);

  const phi = input.phi ?? fit.phi;
  const variance0 = (fit.covariance(0, 0) / fit.phi) * phi;
  const se = Math.sqrt(variance0);
  const estimate = fit.estimate(0);
  const df = fit.df;
  const t = critical(0.95, df);
  const others = groups.slice(1);

  let indistinct: string[] = [];
  if (others.length > 0 && !input.quick) {
    const alone = fitModel(cellsFor([SELF]), [0]);
    const seAlone = Math.sqrt((alone.covariance(0, 0) / alone.phi) * phi);
    if (se > INFLATION_LIMIT * seAlone) {
      const full = fitModel(cells, orderOf(groups));
      const correlations = others
        .map((g, i) => ({
          g,
          r: Math.abs(full.covariance(0, i + 1) / Math.sqrt(full.covariance(i + 1, i + 1) * full.covariance(0, 0))),
        }))
        .sort((a, b) => b.r - a.r);
      const strong = correlations.filter((c) => c.r >= 0.5);
      indistinct = (strong.length > 0 ? strong : correlations.slice(0, 3)).flatMap((c) => members(c.g));
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
    heldApart: others.flatMap(members),
    joint: members(SELF).filter((key) => key !== SELF),
    indistinct,
    before,
    after,
    varianceAt(scale) {
      // Only the change's own variance is read: absorbing changes nothing in it.
      const scaled = fitModel(scaledCells(cells, scale), orderOf(groups), { absorb: true });
      return scaled.dependent.length > 0 ? null : (scaled.covariance(0, 0) / scaled.phi) * phi;
    },
  };
}

function sharesTouchpoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const t of a) if (b.has(t)) return true;
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
