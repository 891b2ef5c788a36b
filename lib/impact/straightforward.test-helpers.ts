/**
 * Random impact cards for the tests that hold the optimized card to the straightforward one: an organization of a
 * few to fifty touchpoints with weekly sums on every metric (cells missing at random), a change at one to three of
 * them, and other changes around it (some at the same touchpoints in the same weeks, some declaring other metrics),
 * under random windows, first day of the week and "today". Seeded: the same seed gives the same card.
 */
import { addDays, addWeeks, type FirstDay, weekOfDate, weeksBetween } from '@/lib/domain/weeks';
import { type Metric, metrics } from '@/lib/domain/metrics';
import { addSums, emptySums, measureOf, type Sums, sumsOf, varianceOf } from './answers';
import type { Audience, CardInput } from './card';
import type { ChangeRecord, DeclaredMetric } from './change';
import { critical, twoSidedP } from './distributions';
import {
  beforeAfter,
  type Effect,
  INFLATION_LIMIT,
  MAX_COMPARISON,
  type ModelledChange,
  type WeeklyCells,
} from './estimate';
import { COLLINEAR_TOLERANCE } from './model';
import { defaultThresholds, defaultWindows, type Measure, type Windows } from './settings';
import { seeded } from './simulate.test-helpers';
import { cardCalendar, HISTORY_WEEKS } from './window';

/** Each metric's possible scores (TTR: minutes, from one to a few days). */
const scores: Record<Metric, number[]> = {
  nps: [0, 3, 6, 7, 8, 9, 10],
  csat: [1, 2, 3, 4, 5],
  ces: [1, 2, 3, 4, 5, 6, 7],
  nev: [1, 4, 5, 7, 8, 10],
  ttr: [0, 1, 30, 240, 1440, 4000],
};
const declared: (DeclaredMetric | null)[] = [null, 'nps', 'csat', 'ces', 'nev', 'ttr', 'business'];

export function randomCardInput(seed: number): CardInput {
  const random = seeded(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[int(0, list.length - 1)]!;
  const id = (prefix: string, i: number) =>
    `00000000-0000-4000-8000-${prefix}${String(i).padStart(12 - prefix.length, '0')}`;

  const firstDay: FirstDay = random() < 0.8 ? 1 : 7;
  const windows: Windows =
    random() < 0.3 ? defaultWindows : { baselineWeeks: int(2, 6), washoutWeeks: int(0, 2), afterWeeks: int(2, 6) };
  const count = random() < 0.5 ? int(1, 12) : int(13, 50);
  const touchpointIds = Array.from({ length: count }, (_, i) => id('1', i));
  const stages = [id('2', 1), id('2', 2), id('2', 3)];
  const touchpoints = new Map(
    touchpointIds.map((t, i) => [t, { name: `Touchpoint ${i}`, stageId: random() < 0.2 ? null : pick(stages) }]),
  );
  const date = addDays('2026-03-02', int(0, 13));
  const changeWeek = weekOfDate(date, firstDay);
  const weeks = Array.from({ length: HISTORY_WEEKS + windows.washoutWeeks + windows.afterWeeks + 2 }, (_, i) =>
    addWeeks(changeWeek, i - HISTORY_WEEKS - 1),
  );
  const cesHeadline = random() < 0.5 ? 'mean' : 'share';

  // Busy and quiet touchpoints; a metric a touchpoint does not ask about has no cells there.
  const rate = new Map(
    touchpointIds.map((t) => [t, random() < 0.15 ? int(0, 8) : random() < 0.7 ? int(10, 200) : int(200, 3000)]),
  );
  const cells = new Map<Measure, Map<string, Map<string, Sums>>>();
  for (const metric of metrics) {
    if (random() < 0.15) continue;
    const byTouchpoint = new Map<string, Map<string, Sums>>();
    const lean = scores[metric].map(() => random());
    for (const t of touchpointIds) {
      if (random() < 0.1) continue;
      const byWeek = new Map<string, Sums>();
      const step = random() < 0.3 ? int(-2, 2) : 0;
      weeks.forEach((week, w) => {
        if (random() < 0.12) return;
        // Each score about in proportion to the touchpoint's lean, shifted from the change's week on by `step`.
        const n = int(0, rate.get(t)!);
        const histogram = new Map<number, number>();
        const shifted = w > HISTORY_WEEKS ? step : 0;
        const total = lean.reduce((a, b) => a + b, 0);
        lean.forEach((weight, i) => {
          const score = scores[metric][Math.min(lean.length - 1, Math.max(0, i + shifted))]!;
          histogram.set(score, (histogram.get(score) ?? 0) + Math.floor((n * weight) / total + random()));
        });
        byWeek.set(week, sumsOf(measureOf(metric, cesHeadline), histogram));
      });
      byTouchpoint.set(t, byWeek);
    }
    cells.set(measureOf(metric, cesHeadline), byTouchpoint);
  }

  const department = { departmentId: id('3', 0), departmentName: 'Delivery' };
  const at = (ids: readonly string[]) => ids.map((t) => ({ id: t, name: touchpoints.get(t)!.name }));
  const treated = random() < 0.05 ? [] : [...new Set(Array.from({ length: int(1, 3) }, () => pick(touchpointIds)))];
  const change: ChangeRecord = {
    kind: 'improvement',
    id: id('4', 0),
    title: 'The change',
    date,
    ...department,
    touchpoints: at(treated),
    metric: pick(declared.slice(1)),
    direction: 'up',
    investment: null,
  };
  // Other changes from the card's history to after its window: near its weeks, often at its touchpoints.
  const changes: ChangeRecord[] = Array.from({ length: int(0, 60) }, (_, i) => {
    const near = random() < 0.5;
    const when = near ? addDays(date, int(-7 * (windows.baselineWeeks + 1), 7 * (windows.afterWeeks + 1))) : null;
    const ids = [
      ...new Set(
        Array.from({ length: int(0, 3) }, () =>
          random() < 0.3 ? pick(treated.length ? treated : touchpointIds) : pick(touchpointIds),
        ),
      ),
    ];
    return {
      kind: random() < 0.7 ? 'improvement' : 'plan-item',
      id: id('5', i),
      title: `Change ${i}`,
      date: when ?? addDays(weeks[0]!, int(0, 7 * weeks.length - 1)),
      ...department,
      touchpoints: at(ids),
      metric: pick(declared),
      direction: 'up',
      investment: null,
    };
  });
  changes.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

  const audience = new Map<string, Map<Metric, Map<string, Audience>>>();
  for (const t of treated) {
    const byMetric = new Map<Metric, Map<string, Audience>>();
    for (const metric of metrics) {
      const byWeek = new Map<string, Audience>();
      for (const week of weeks) {
        const shift = week > changeWeek && random() < 0.5 ? 30 : 0;
        byWeek.set(week, {
          channel: { web: int(0, 40) + shift, phone: int(0, 40), '': int(0, 3) },
          persona: { regular: int(0, 40), new: int(0, 40) + shift },
        });
      }
      byMetric.set(metric, byWeek);
    }
    audience.set(t, byMetric);
  }
  const end = addDays(weeks.at(-2)!, 6);
  return {
    change,
    changes: changes.filter((c) => c.id !== change.id),
    touchpoints,
    cells,
    audience,
    settings: { windows: defaultWindows, thresholds: defaultThresholds },
    windows,
    cesHeadline,
    firstDay,
    today: random() < 0.8 ? addDays(end, int(1, 60)) : addDays(date, int(0, 7 * windows.afterWeeks)),
  };
}

/**
 * The estimate of one change on one measure written the plain way, to hold the optimized one (estimate.ts, model.ts,
 * grid.ts) to: maps looked up week by week, arrays of arrays, a design matrix with a column per touchpoint level,
 * per week shift (but the first) and per change term, its normal equations formed in full and factored by a
 * Cholesky in that order, nothing absorbed, nothing reused. The rules are IMPACT.md's as the card applies them:
 * who takes part, which changes are modelled, joint terms for changes close together at a shared touchpoint, a
 * column with nothing of its own leaving and one made of other changes' joining the first of them, the fallback to
 * before and after, the changes it cannot be told apart from, and the variance with more answers after.
 */
export interface ReferenceInput {
  measure: Measure;
  cells: WeeklyCells;
  change: { week: number; touchpoints: readonly string[] };
  others: readonly ModelledChange[];
  windows: Windows;
  stageOf?: ReadonlyMap<string, string | null>;
  quick?: boolean;
}

interface Cell {
  touchpoint: number;
  week: number;
  y: number;
  weight: number;
  terms: number[];
}

interface ReferenceFit {
  estimate: number;
  /** (X'WX)^-1 between two terms, without phi. */
  inverse: (a: number, b: number) => number;
  phi: number;
  df: number | null;
  dependent: { term: number; partners: number[] }[];
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

export function straightforwardEffect(input: ReferenceInput): Effect | null {
  const { measure, cells, windows } = input;
  const baseline = range(input.change.week - windows.baselineWeeks, windows.baselineWeeks);
  const washout = range(input.change.week, windows.washoutWeeks);
  const after = range(input.change.week + windows.washoutWeeks, windows.afterWeeks);
  const sumOf = (id: string, weeks: readonly number[]) =>
    weeks.reduce((s, week) => addSums(s, cells.get(id)?.get(week) ?? emptySums()), emptySums());

  // Who takes part: answers in the baseline and in the after window; the treated ones, and 40 others at most.
  const measured = [...cells.keys()].filter((id) => sumOf(id, baseline).n > 0 && sumOf(id, after).n > 0);
  const treated = measured.filter((id) => input.change.touchpoints.includes(id));
  if (treated.length === 0) return null;
  const stages = input.change.touchpoints.map((id) => input.stageOf?.get(id) ?? null);
  const sameStage = (id: string) => (stages.includes(input.stageOf?.get(id) ?? null) ? 1 : 0);
  const answers = (id: string) => sumOf(id, baseline).n + sumOf(id, after).n;
  const comparison = measured
    .filter((id) => !treated.includes(id))
    .sort((a, b) => sameStage(b) - sameStage(a) || answers(b) - answers(a) || (a < b ? -1 : 1))
    .slice(0, MAX_COMPARISON);
  const before = treated.reduce((s, id) => addSums(s, sumOf(id, baseline)), emptySums());
  const afterSums = treated.reduce((s, id) => addSums(s, sumOf(id, after)), emptySums());
  if (comparison.length === 0) return beforeAfter(measure, before, afterSums);

  // The changes modelled: the card's own, and each other one inside the window at touchpoints in the model.
  const inModel = [...treated, ...comparison];
  const [first, last] = [baseline[0]!, after.at(-1)!];
  const steps: { key: string; start: number; touchpoints: string[] }[] = [
    { key: OWN, start: after[0]!, touchpoints: treated },
  ];
  for (const other of input.others) {
    const at = [...new Set(other.touchpoints.filter((id) => inModel.includes(id)))];
    if (other.week < first || other.week > last || at.length === 0) continue;
    const step = { key: other.key, start: other.week + windows.washoutWeeks, touchpoints: at };
    const same = steps.findIndex((s) => s.key === other.key);
    if (same >= 0) steps[same] = step;
    else steps.push(step);
  }
  const variance = new Map(
    inModel.map((id) => [id, varianceOf(measure, addSums(sumOf(id, baseline), sumOf(id, after)))]),
  );

  // Each step's group, named by a step of it (the card's own group by its own step); null once left out.
  const group: (string | null)[] = steps.map((s) => s.key);
  const root = (key: string): string => {
    const at = steps.findIndex((s) => s.key === key);
    return group[at] === key ? key : root(group[at]!);
  };
  steps.forEach((a, i) =>
    steps.forEach((b, j) => {
      if (j <= i || Math.abs(a.start - b.start) > 1 || !a.touchpoints.some((t) => b.touchpoints.includes(t))) return;
      const [ra, rb] = [root(a.key), root(b.key)];
      if (ra === rb) return;
      if (rb === OWN) group[steps.findIndex((s) => s.key === ra)] = OWN;
      else group[steps.findIndex((s) => s.key === rb)] = ra;
    }),
  );
  steps.forEach((s, i) => (group[i] = root(s.key)));
  const members = (g: string) => steps.filter((_, i) => group[i] === g).map((s) => s.key);

  const cellsOf = (terms: readonly string[], scale = 1): Cell[] =>
    inModel.flatMap((id, t) =>
      range(first, last - first + 1).flatMap((week) => {
        const sums = cells.get(id)?.get(week);
        if (!sums || sums.n === 0 || washout.includes(week)) return [];
        const active = terms.flatMap((g, term) =>
          steps.some((s, i) => group[i] === g && s.touchpoints.includes(id) && week >= s.start) ? [term] : [],
        );
        const weight = ((treated.includes(id) && after.includes(week) ? scale : 1) * sums.n) / variance.get(id)!;
        return [{ touchpoint: t, week, y: sums.sum / sums.n, weight, terms: active }];
      }),
    );

  let terms: string[] = [];
  let fit: ReferenceFit | null = null;
  for (let round = 0; round < 50; round++) {
    const held = [...new Set(group)].filter((g): g is string => g !== null && g !== OWN);
    const startOf = (g: string) => Math.min(...steps.filter((_, i) => group[i] === g).map((s) => s.start));
    terms = [OWN, ...held.sort((a, b) => startOf(a) - startOf(b) || a.localeCompare(b))];
    fit = denseFit(cellsOf(terms), inModel.length, terms.length);
    if (fit.dependent.length === 0) break;
    const moves = fit.dependent.map(({ term, partners }) => ({
      from: terms[term]!,
      into: partners.length > 0 ? terms[Math.min(...partners)]! : null,
    }));
    if (moves.some((m) => m.from === OWN && m.into === null)) return beforeAfter(measure, before, afterSums);
    const was = [...group];
    for (const { from, into } of moves) was.forEach((g, i) => g === from && (group[i] = into));
  }
  if (!fit || fit.dependent.length > 0) return beforeAfter(measure, before, afterSums);

  const se = Math.sqrt(fit.inverse(0, 0) * fit.phi);
  const t = critical(0.95, fit.df);
  const others = terms.slice(1);
  let indistinct: string[] = [];
  if (others.length > 0 && !input.quick) {
    const alone = denseFit(cellsOf([OWN]), inModel.length, 1);
    if (se > INFLATION_LIMIT * Math.sqrt(alone.inverse(0, 0) * fit.phi)) {
      const r = others.map((g, i) => ({
        g,
        r: Math.abs(fit.inverse(0, i + 1) / Math.sqrt(fit.inverse(i + 1, i + 1) * fit.inverse(0, 0))),
      }));
      r.sort((a, b) => b.r - a.r);
      const strong = r.filter((c) => c.r >= 0.5);
      indistinct = (strong.length > 0 ? strong : r.slice(0, 3)).flatMap((c) => members(c.g));
    }
  }
  const phi = fit.phi;
  return {
    estimator: 'model',
    estimate: fit.estimate,
    se,
    low: fit.estimate - t * se,
    high: fit.estimate + t * se,
    p: se > 0 ? twoSidedP(fit.estimate / se, fit.df) : 1,
    df: fit.df,
    phi,
    comparison,
    heldApart: others.flatMap(members),
    joint: members(OWN).filter((key) => key !== OWN),
    indistinct,
    before,
    after: afterSums,
    varianceAt(scale) {
      const scaled = denseFit(cellsOf(terms, scale), inModel.length, terms.length);
      return scaled.dependent.length > 0 ? null : scaled.inverse(0, 0) * phi;
    },
  };
}

const OWN = 'own change';

/**
 * Weighted least squares on the cells with a column per touchpoint level, per week but the first, and per term, in
 * that order: X'WX formed in full and factored by a Cholesky in that order. A week or term column whose pivot keeps
 * no more than COLLINEAR_TOLERANCE of its variation beyond the levels (none when it is constant at each touchpoint)
 * is left out; a term's partners are the earlier terms its column is made of.
 */
function denseFit(cells: readonly Cell[], touchpoints: number, terms: number): ReferenceFit {
  const weeks = [...new Set(cells.map((c) => c.week))].sort((a, b) => a - b).slice(1);
  const columns = touchpoints + weeks.length + terms;
  const column = (term: number) => touchpoints + weeks.length + term;
  // Each cell's row of X: 1 at its touchpoint, its week (but the first) and its active terms, 0 elsewhere.
  const X = cells.map((c) => {
    const row = new Array<number>(columns).fill(0);
    row[c.touchpoint] = 1;
    if (weeks.includes(c.week)) row[touchpoints + weeks.indexOf(c.week)] = 1;
    for (const term of c.terms) row[column(term)] = 1;
    return row;
  });
  const A = range(0, columns).map(() => new Array<number>(columns).fill(0));
  const b = new Array<number>(columns).fill(0);
  cells.forEach((c, r) => {
    const active = range(0, columns).filter((j) => X[r]![j] === 1);
    for (const i of active) {
      b[i]! += c.weight * c.y;
      for (const j of active) A[i]![j]! += c.weight;
    }
  });
  // A column's variation beyond the touchpoint levels (0 when it is the same in all of each touchpoint's cells).
  const rowsAt = range(0, touchpoints).map((t) => range(0, cells.length).filter((r) => cells[r]!.touchpoint === t));
  const own = (j: number) =>
    rowsAt.reduce((total, rows) => {
      const at = rows.map((r) => ({ w: cells[r]!.weight, v: X[r]![j]! }));
      if (at.every((e) => e.v === at[0]!.v)) return total;
      const D = at.reduce((s, e) => s + e.w, 0);
      const S = at.reduce((s, e) => s + e.w * e.v, 0);
      return total + at.reduce((s, e) => s + e.w * e.v * e.v, 0) - (S * S) / D;
    }, 0);

  // Cholesky in the columns' order: L L' = A on the kept columns.
  const L = range(0, columns).map(() => new Array<number>(columns).fill(0));
  const kept: number[] = [];
  /** Row i times row j of L, over the columns kept so far. */
  const dot = (i: number, j: number) => kept.reduce((s, k) => s + L[i]![k]! * L[j]![k]!, 0);
  const dependent: { term: number; partners: number[] }[] = [];
  for (let j = 0; j < columns; j++) {
    const d = A[j]![j]! - dot(j, j);
    const variation = j < touchpoints ? A[j]![j]! : own(j);
    if (!(variation > 0) || d <= COLLINEAR_TOLERANCE * variation) {
      if (j >= column(0)) {
        // Its coefficients on the kept columns: L_K' c = L[j, K], from the last kept column back.
        const c = new Map<number, number>();
        for (const k of [...kept].reverse()) {
          const later = kept.filter((m) => m > k).reduce((s, m) => s + L[m]![k]! * c.get(m)!, 0);
          c.set(k, (L[j]![k]! - later) / L[k]![k]!);
        }
        const partners = kept.filter((k) => k >= column(0) && Math.abs(c.get(k)!) > 1e-6).map((k) => k - column(0));
        dependent.push({ term: j - column(0), partners });
      }
      continue;
    }
    L[j]![j] = Math.sqrt(d);
    for (let i = j + 1; i < columns; i++) L[i]![j] = (A[i]![j]! - dot(i, j)) / L[j]![j]!;
    kept.push(j);
  }
  /** Solves L L' v = rhs on the kept columns. */
  const solve = (rhs: (k: number) => number) => {
    const w = new Map<number, number>();
    for (const k of kept) {
      w.set(k, (rhs(k) - kept.filter((m) => m < k).reduce((s, m) => s + L[k]![m]! * w.get(m)!, 0)) / L[k]![k]!);
    }
    const v = new Map<number, number>();
    for (const k of [...kept].reverse()) {
      v.set(k, (w.get(k)! - kept.filter((m) => m > k).reduce((s, m) => s + L[m]![k]! * v.get(m)!, 0)) / L[k]![k]!);
    }
    return v;
  };
  const beta = solve((k) => b[k]!);
  const fitted = (r: number) => kept.reduce((s, k) => s + X[r]![k]! * beta.get(k)!, 0);
  const rss = cells.reduce((s, c, r) => s + c.weight * (c.y - fitted(r)) ** 2, 0);
  const df = cells.length - kept.length;
  // (X'WX)^-1 between two terms: the column of the inverse for the first, read at the second.
  const inverses = new Map<number, Map<number, number>>();
  const inverse = (a: number, other: number) => {
    if (!inverses.has(a))
      inverses.set(
        a,
        solve((k) => (k === column(a) ? 1 : 0)),
      );
    return inverses.get(a)!.get(column(other))!;
  };
  return {
    estimate: beta.get(column(0)) ?? Number.NaN,
    inverse,
    phi: df > 0 ? Math.max(1, rss / df) : 1,
    df: df > 0 ? df : null,
    dependent,
  };
}

/**
 * What a card gives its estimates on one metric, found the plain way: the cells by week counted from the change's
 * week (its history to the end of its after window), the other changes modelled on the metric (those that declare
 * it or nothing), the journey stages and the treated touchpoints.
 */
export function referenceInputs(input: CardInput, metric: Metric) {
  const calendar = cardCalendar(input.change.date, input.windows, input.firstDay);
  const weekOf = (date: string) => weeksBetween(calendar.changeWeek, weekOfDate(date, input.firstDay));
  const last = weekOf(calendar.end);
  const measure = measureOf(metric, input.cesHeadline);
  const byDate = (input.cells.get(measure) ?? new Map()) as ReadonlyMap<string, ReadonlyMap<string, Sums>>;
  const cells: WeeklyCells = new Map(
    [...byDate]
      .map(([id, weeks]): [string, Map<number, Sums>] => [
        id,
        new Map(
          [...weeks]
            .map(([date, sums]): [number, Sums] => [weekOf(date), sums])
            .filter(([week]) => week >= -HISTORY_WEEKS && week <= last),
        ),
      ])
      .filter(([, weeks]) => weeks.size > 0),
  );
  const key = (c: ChangeRecord) => `${c.kind}:${c.id}`;
  const others: ModelledChange[] = input.changes
    .filter((c) => key(c) !== key(input.change) && (c.metric === null || c.metric === metric))
    .map((c) => ({ key: key(c), week: weekOf(c.date), touchpoints: c.touchpoints.map((t) => t.id) }));
  const stageOf = new Map([...input.touchpoints].map(([id, t]) => [id, t.stageId]));
  return { measure, cells, others, stageOf, treated: input.change.touchpoints.map((t) => t.id) };
}
