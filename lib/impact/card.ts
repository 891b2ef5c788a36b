/**
 * The impact card of one change (IMPACT.md): per metric measured at its touchpoints, target first, the effect from
 * the model, its verdict, the warnings, the placebo line and what would settle it. Pure: the loader gives weekly
 * sums and the changes around the window, this returns the numbers the card, the lists and the API show.
 */
import { type FirstDay, weekOfDate, weeksBetween } from '@/lib/domain/weeks';
import { lowerIsBetter, type Metric, metrics as allMetrics } from '@/lib/domain/metrics';
import { emptySums, measureOf, type Sums, varianceOf } from './answers';
import type { EffectUnit, ImpactCard, MetricImpact, WarningCode } from './card-schema';
import type { ChangeRecord } from './change';
import {
  type Effect,
  estimateEffect,
  type ModelledChange,
  prepareChanges,
  type PreparedChanges,
  windowWeeks,
} from './estimate';
import { type CellGrid, cellGrid, type DatedGrid, earliestWeek, gridView, sumInto } from './grid';
import { type ImpactSettings, type Measure, sameWindows, type Windows } from './settings';
import { settleScale } from './settle';
import { cardCalendar, HISTORY_WEEKS, PLACEBO_HISTORY } from './window';
import { holm, verdictOf } from './verdict';
import { AUDIENCE_P, chiSquareShift, type Counts, regressionToMean } from './warnings';

export interface Audience {
  channel: Counts;
  persona: Counts;
}

export interface CardInput {
  change: ChangeRecord;
  /** The other logged changes from 27 weeks before the change's week to the end of its after window. */
  changes: readonly ChangeRecord[];
  touchpoints: ReadonlyMap<string, { name: string; stageId: string | null }>;
  /**
   * Weekly sums per measure, from 27 weeks before the change's week to the end of its after window (more are left
   * out): as the loader reads them (a grid by week start), or as maps: touchpoint -> week start -> sums.
   */
  cells: ReadonlyMap<Measure, DatedGrid | ReadonlyMap<string, ReadonlyMap<string, Sums>>>;
  /** Who answered, per touchpoint, metric and week start (channel and persona counts). */
  audience?: ReadonlyMap<string, ReadonlyMap<Metric, ReadonlyMap<string, Audience>>>;
  settings: ImpactSettings;
  windows: Windows;
  cesHeadline: 'mean' | 'share';
  firstDay: FirstDay;
  today: string;
}

const MAX_BASELINE = 12;

const units: Record<Measure, EffectUnit> = {
  nps: 'points',
  nev: 'points',
  csat: 'percentage-points',
  cesShare: 'percentage-points',
  cesMean: 'scale-points',
  ttr: 'percent',
};

const keyOf = (c: Pick<ChangeRecord, 'kind' | 'id'>) => `${c.kind}:${c.id}`;
const refOf = (c: ChangeRecord) => ({ kind: c.kind, id: c.id, title: c.title, date: c.date });

/** TTR is modelled on ln(hours): its effects are shown as percent changes. */
const toPercent = (ln: number) => 100 * (Math.exp(ln) - 1);
/** A value of the model's scale in the metric's display unit (TTR: the geometric mean in hours). */
const display = (measure: Measure, y: number) => (measure === 'ttr' ? Math.exp(y) : y);

export function impactCard(input: CardInput): ImpactCard {
  const { change, windows, firstDay } = input;
  const calendar = cardCalendar(change.date, windows, firstDay);
  // Weeks counted from the change's week, for every date the card meets (memoized: thousands of cells share a few).
  const weekIndexes = new Map<string, number>();
  const weekIndex = (date: string) => {
    let index = weekIndexes.get(date);
    if (index === undefined)
      weekIndexes.set(date, (index = weeksBetween(calendar.changeWeek, weekOfDate(date, firstDay))));
    return index;
  };
  // One grid of cells per measure, read by all of the card's estimates on it.
  const grids = new Map<Measure, CellGrid>();
  const cellsOf = (measure: Measure) => {
    let grid = grids.get(measure);
    if (!grid) grids.set(measure, (grid = gridOf(input.cells.get(measure) ?? new Map(), weekIndex, calendar)));
    return grid;
  };
  const treated = change.touchpoints.map((t) => t.id);
  const inWindow = input.changes.filter((c) => c.date >= calendar.start && c.date <= calendar.end);
  const base: Omit<ImpactCard, 'status' | 'metrics'> = {
    windows: {
      ...windows,
      baseline: { from: calendar.baseline[0]!, to: addDay(calendar.washout[0] ?? calendar.after[0]!, -1) },
      washout: calendar.washout.length ? { from: calendar.washout[0]!, to: addDay(calendar.after[0]!, -1) } : null,
      after: { from: calendar.after[0]!, to: calendar.end },
      defaults: sameWindows(windows, input.settings.windows),
    },
    changesInWindow: changesShown(change, inWindow, treated),
  };
  if (treated.length === 0) return { ...base, status: 'no-touchpoints', metrics: [] };

  const weeks = windowWeeks(0, windows);
  const collecting = input.today < calendar.end;
  const afterStarted = calendar.after.filter((w) => w <= input.today).length;

  const keys = input.changes.map(keyOf);
  const changeByKey = new Map(input.changes.map((c, i) => [keys[i]!, c]));
  const others = modelledOthers(input, keys, weekIndex);
  // Other changes in the window at the treated touchpoints that declare a metric: not modelled on the others.
  const declaringHere = input.changes.filter(
    (c, i) =>
      keys[i] !== keyOf(change) &&
      c.metric !== null &&
      c.date >= calendar.start &&
      c.date <= calendar.end &&
      c.touchpoints.some((t) => treated.includes(t.id)),
  );
  const stageOf = new Map([...input.touchpoints].map(([id, t]) => [id, t.stageId]));
  const measured: MetricImpact[] = [];
  const order = [...allMetrics].sort((a, b) => Number(b === change.metric) - Number(a === change.metric));
  const effects: { impact: MetricImpact; effect: Effect | null; others: PreparedChanges }[] = [];
  for (const metric of order) {
    const measure = measureOf(metric, input.cesHeadline);
    const byDate = input.cells.get(measure);
    if (!byDate) continue;
    const cells = cellsOf(measure);
    const treatedSums = (ws: readonly number[]) =>
      treated.reduce((s, id) => sumInto(cells, cells.rowOf.get(id), ws, s), emptySums());
    const before = treatedSums(weeks.baseline);
    const after = treatedSums(weeks.after);
    if (before.n === 0 && after.n === 0) continue;

    // The other changes that take part on this metric: those that declare it, or declare nothing.
    const modelled = others.filter((o) => o.declared === null || o.declared === metric).map((o) => o.modelled);
    const onMetric = prepareChanges(modelled, cells);
    const effectInput = {
      measure,
      cells,
      change: { week: 0, touchpoints: treated },
      others: onMetric,
      windows,
      stageOf,
    };
    const effect = estimateEffect(effectInput);
    const threshold = input.settings.thresholds[measure];
    const ttr = measure === 'ttr';
    const shown = (x: number | undefined) => (x === undefined ? null : ttr ? toPercent(x) : x);
    const warnings: MetricImpact['warnings'] = [];
    const warn = (code: WarningCode, values: Record<string, number | string> = {}) => warnings.push({ code, values });
    if (effect?.estimator === 'before-after') warn('uncontrolled');
    const ignored = declaringHere.filter((c) => c.metric !== metric).length;
    if (ignored > 0) warn('other-metrics', { count: ignored });
    audienceWarning(audienceOf(input, metric, treated, calendar), warn);
    const rtm = regressionToMean(
      weeks.baseline.map((w) => treatedSums([w])),
      lowerIsBetter(metric),
      varianceOf(measure, before),
    );
    if (rtm) warn('regression-to-mean', { lastWeek: display(measure, rtm.lastWeek), mean: display(measure, rtm.mean) });
    const trend = effect ? parallelTrends(effectInput) : null;
    if (trend !== null && Math.abs(trend) > 2) warn('parallel-trends', { t: trend });

    const impact: MetricImpact = {
      metric,
      measure,
      target: metric === change.metric,
      direction: lowerIsBetter(metric) ? 'down' : 'up',
      estimator: effect?.estimator ?? 'model',
      estimate: shown(effect?.estimate),
      low: shown(effect?.low),
      high: shown(effect?.high),
      se: effect ? (ttr ? 100 * Math.exp(effect.estimate) * effect.se : effect.se) : null,
      p: effect?.p ?? null,
      pAdjusted: null,
      phi: effect?.phi ?? null,
      df: effect?.df ?? null,
      unit: units[measure],
      minChange: threshold.minChange,
      precision: threshold.precision,
      before: side(measure, before),
      after: side(measure, after),
      touchpoints: change.touchpoints.map((t) => {
        const over = (ws: readonly number[]) => sumInto(cells, cells.rowOf.get(t.id), ws, emptySums());
        return {
          id: t.id,
          name: t.name,
          before: side(measure, over(weeks.baseline)),
          after: side(measure, over(weeks.after)),
        };
      }),
      comparison: (effect?.comparison ?? []).map((id) => ({ id, name: input.touchpoints.get(id)?.name ?? '' })),
      verdict: 'not-enough-data',
      collectingWeek: collecting ? afterStarted : null,
      heldApart: refs(changeByKey, effect?.heldApart),
      joint: refs(changeByKey, effect?.joint),
      indistinct: refs(changeByKey, effect?.indistinct),
      warnings,
      // The placebo line calibrates the method at these touchpoints: drawn once per card, on its first metric (the
      // declared target when there is one), since each line costs 18 fits.
      placebo: effect && measured.length === 0 ? placebo(effectInput, cells, treated) : null,
      settle: null,
      weeks: chartWeeks(measure, cells, treated, effect?.comparison ?? [], weeks, calendar),
    };
    effects.push({ impact, effect, others: onMetric });
    measured.push(impact);
  }
  if (measured.length === 0) return { ...base, status: 'no-answers', metrics: [] };

  // Holm across the card's metrics that have a complete after window and enough answers.
  const tested = effects.filter(
    ({ impact, effect }) => effect && !collecting && impact.before.n >= 30 && impact.after.n >= 30,
  );
  const adjusted = holm(tested.map(({ effect }) => effect!.p));
  tested.forEach(({ impact }, i) => (impact.pAdjusted = adjusted[i]!));
  for (const { impact, effect, others: onMetric } of effects) {
    impact.verdict = verdictOf({
      collecting,
      beforeN: impact.before.n,
      afterN: impact.after.n,
      estimate: impact.estimate,
      low: impact.low,
      high: impact.high,
      pAdjusted: impact.pAdjusted,
      lowerIsBetter: impact.direction === 'down',
      threshold: { minChange: impact.minChange, precision: impact.precision },
    });
    if (effect && (impact.verdict === 'inconclusive' || impact.verdict === 'collecting')) {
      impact.settle = settle(
        input,
        impact,
        effect,
        cellsOf(impact.measure),
        onMetric,
        treated,
        calendar.after.length,
        afterStarted,
      );
    }
  }
  return { ...base, status: 'measured', metrics: measured };
}

/**
 * The changes the card's chart marks: those at its own touchpoints, whose line it draws, and those made without a
 * touchpoint (they may have moved every one). Changes at the comparison touchpoints are listed per metric among
 * the changes taken into account; at a busy organization they are a hundred and more.
 */
function changesShown(change: ChangeRecord, inWindow: readonly ChangeRecord[], touchpoints: readonly string[]) {
  const here = new Set(touchpoints);
  return [change, ...inWindow.filter((c) => keyOf(c) !== keyOf(change))]
    .filter((c) => c === change || c.touchpoints.length === 0 || c.touchpoints.some((t) => here.has(t.id)))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((c) => ({ ...refOf(c), touchpointIds: c.touchpoints.map((t) => t.id) }));
}

function addDay(date: string, days: number) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The grid of the weeks a card reads (its history to the end of its after window), counted from its change's week. */
function gridOf(
  cells: DatedGrid | ReadonlyMap<string, ReadonlyMap<string, Sums>>,
  weekIndex: (date: string) => number,
  calendar: ReturnType<typeof cardCalendar>,
): CellGrid {
  const last = weekIndex(calendar.end);
  if ('firstWeek' in cells) return gridView(cells.grid, weekIndex(cells.firstWeek), -HISTORY_WEEKS, last);
  const first = addDay(calendar.changeWeek, -7 * HISTORY_WEEKS);
  const rows = [...cells].map(([id, weeks]) => {
    const byWeek: [number, Sums][] = [];
    for (const [date, sums] of weeks) if (date >= first && date <= calendar.end) byWeek.push([weekIndex(date), sums]);
    return [id, byWeek] as const;
  });
  return cellGrid(rows, -HISTORY_WEEKS, last);
}

/** The other changes, each with the metric it declares and as the model takes it, found once per card. */
function modelledOthers(input: CardInput, keys: readonly string[], weekIndex: (date: string) => number) {
  const own = keyOf(input.change);
  const others: { declared: ChangeRecord['metric']; modelled: ModelledChange }[] = [];
  input.changes.forEach((c, i) => {
    if (keys[i] === own) return;
    const modelled = { key: keys[i]!, week: weekIndex(c.date), touchpoints: c.touchpoints.map((t) => t.id) };
    others.push({ declared: c.metric, modelled });
  });
  return others;
}

function refs(byKey: ReadonlyMap<string, ChangeRecord>, keys: readonly string[] | undefined) {
  return (keys ?? []).flatMap((key) => {
    const c = byKey.get(key);
    return c ? [refOf(c)] : [];
  });
}

function side(measure: Measure, sums: Sums) {
  return { value: sums.n > 0 ? display(measure, sums.sum / sums.n) : null, n: sums.n };
}

/** Who answered at the treated touchpoints in the baseline and in the after window. */
function audienceOf(
  input: CardInput,
  metric: Metric,
  treated: readonly string[],
  calendar: ReturnType<typeof cardCalendar>,
): { before: Audience; after: Audience } | undefined {
  if (!input.audience) return undefined;
  const total = (weeks: readonly string[]) => {
    const sum = { channel: {} as Record<string, number>, persona: {} as Record<string, number> };
    for (const id of treated)
      for (const week of weeks) {
        const counts = input.audience?.get(id)?.get(metric)?.get(week);
        if (!counts) continue;
        for (const what of ['channel', 'persona'] as const)
          for (const [k, n] of Object.entries(counts[what])) sum[what][k] = (sum[what][k] ?? 0) + n;
      }
    return sum;
  };
  return { before: total(calendar.baseline), after: total(calendar.after) };
}

function audienceWarning(
  audience: { before: Audience; after: Audience } | undefined,
  warn: (code: WarningCode, values: Record<string, number | string>) => void,
) {
  if (!audience) return;
  for (const what of ['channel', 'persona'] as const) {
    const test = chiSquareShift(audience.before[what], audience.after[what]);
    if (test && test.p < AUDIENCE_P) warn('who-answered', { what, p: test.p });
  }
}

type EffectInput = Parameters<typeof estimateEffect>[0];

/** The same model on the B weeks before the baseline against the baseline, a pretend change at the baseline's start. */
function parallelTrends(input: EffectInput): number | null {
  const b = input.windows.baselineWeeks;
  const pretend = estimateEffect({
    ...input,
    change: { ...input.change, week: -b },
    windows: { baselineWeeks: b, washoutWeeks: 0, afterWeeks: b },
    quick: true,
  });
  return pretend && pretend.estimator === 'model' && pretend.se > 0 ? pretend.estimate / pretend.se : null;
}

/** Pretend changes at past weeks of a touchpoint with 26 weeks of history: how often the method flags one. */
function placebo(input: EffectInput, cells: CellGrid, treated: readonly string[]) {
  const earliest = earliestWeek(cells, treated);
  if (!(earliest <= -PLACEBO_HISTORY)) return null;
  const { baselineWeeks: b, washoutWeeks: w, afterWeeks: a } = input.windows;
  let flagged = 0;
  let total = 0;
  for (let week = -PLACEBO_HISTORY + b; week <= -(w + a); week++) {
    const pretend = estimateEffect({ ...input, change: { ...input.change, week }, quick: true });
    if (!pretend || pretend.estimator !== 'model') continue;
    total += 1;
    if (pretend.p < 0.05) flagged += 1;
  }
  return total > 0 ? { flagged, total } : null;
}

function chartWeeks(
  measure: Measure,
  cells: CellGrid,
  treated: readonly string[],
  comparison: readonly string[],
  weeks: ReturnType<typeof windowWeeks>,
  calendar: ReturnType<typeof cardCalendar>,
): MetricImpact['weeks'] {
  const dates = [...calendar.baseline, ...calendar.washout, ...calendar.after];
  const parts = [
    ...weeks.baseline.map(() => 'before' as const),
    ...weeks.washout.map(() => 'washout' as const),
    ...weeks.after.map(() => 'after' as const),
  ];
  return [...weeks.baseline, ...weeks.washout, ...weeks.after].map((week, i) => {
    const pooled = (ids: readonly string[]) =>
      ids.reduce((s, id) => sumInto(cells, cells.rowOf.get(id), [week], s), emptySums());
    const t = pooled(treated);
    const c = pooled(comparison);
    return {
      week: dates[i]!,
      part: parts[i]!,
      treated: t.n > 0 ? display(measure, t.sum / t.n) : null,
      treatedN: t.n,
      comparison: c.n > 0 ? display(measure, c.sum / c.n) : null,
      comparisonN: c.n,
    };
  });
}

/** What would settle it: extra answers in the after window, and weeks at the current rate; or a longer baseline. */
function settle(
  input: CardInput,
  impact: MetricImpact,
  effect: Effect,
  cells: CellGrid,
  others: PreparedChanges,
  treated: readonly string[],
  afterWeeks: number,
  afterStarted: number,
): MetricImpact['settle'] {
  const measure = impact.measure;
  const m = measure === 'ttr' ? Math.log(1 + impact.minChange / 100) : impact.minChange;
  const outcome = settleScale(effect.varianceAt, m);
  if (outcome.kind === 'settled') return { status: 'settled' };
  if (outcome.kind === 'more') {
    const afterN = Math.max(effect.after.n, 1);
    const extraAnswers = Math.max(1, Math.ceil((outcome.scale - 1) * afterN));
    const observedWeeks = Math.max(1, Math.min(afterStarted, afterWeeks));
    const rate = effect.after.n / observedWeeks;
    return {
      status: 'more-answers',
      extraAnswers,
      weeks: rate > 0 ? Math.max(1, Math.ceil(extraAnswers / rate)) : null,
      detectable: impact.minChange,
    };
  }
  // No after window is long enough: what would a longer baseline, as far as the history goes, give?
  const history = -earliestWeek(cells, treated);
  const longer = Math.min(MAX_BASELINE, Number.isFinite(history) ? history : 0);
  let longerBaseline: { weeks: number; extraAnswers: number | null } | null = null;
  if (longer > input.windows.baselineWeeks) {
    const windows = { ...input.windows, baselineWeeks: longer };
    const stageOf = new Map([...input.touchpoints].map(([id, t]) => [id, t.stageId]));
    const longerEffect = estimateEffect({
      measure,
      cells,
      change: { week: 0, touchpoints: treated },
      others,
      windows,
      stageOf,
      quick: true,
    });
    const there: ReturnType<typeof settleScale> = longerEffect
      ? settleScale(longerEffect.varianceAt, m)
      : { kind: 'never' };
    longerBaseline = {
      weeks: longer,
      extraAnswers:
        there.kind === 'settled'
          ? 0
          : there.kind === 'more'
            ? Math.ceil((there.scale - 1) * Math.max(effect.after.n, 1))
            : null,
    };
  }
  return { status: 'never', detectable: impact.minChange, longerBaseline };
}
