/**
 * The CX metrics of DOMAIN.md (NPS, CSAT, CES, NEV, TTR) computed from histograms, so the database can
 * aggregate answers with GROUP BY score and this file never sees raw rows. Every score carries its number of
 * answers and a 95% interval. A skipped question is not an answer: it never appears in a histogram.
 */
import { medianRanks95, netScoreMargin, tCritical95, wilsonInterval } from './statistics';

export const surveyMetrics = ['nps', 'csat', 'ces', 'nev'] as const;
export type SurveyMetric = (typeof surveyMetrics)[number];
export const metrics = ['nps', 'csat', 'ces', 'nev', 'ttr'] as const;
export type Metric = (typeof metrics)[number];

/** Inclusive score range of each survey metric: nps 0-10, csat 1-5, ces 1-7, nev 1-10. */
export const scales: Record<SurveyMetric, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
  nev: { min: 1, max: 10 },
};

/** Longest time to resolution accepted, in minutes: five years. */
const TTR_MAX_MINUTES = 525_600 * 5;

/** Integers in the metric's scale; for ttr, whole minutes from 0 to five years. */
export function isValidScore(metric: Metric, score: number): boolean {
  const { min, max } = metric === 'ttr' ? { min: 0, max: TTR_MAX_MINUTES } : scales[metric];
  return Number.isInteger(score) && score >= min && score <= max;
}

/** A count per score value (for ttr: per whole minute). Skipped questions never appear here. */
export type Histogram = ReadonlyMap<number, number>;

export function histogramOf(scores: Iterable<number>): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const score of scores) histogram.set(score, (histogram.get(score) ?? 0) + 1);
  return histogram;
}

/** Sums the counts per score value; values whose total is 0 are left out. */
export function mergeHistograms(...hs: Histogram[]): Map<number, number> {
  const merged = new Map<number, number>();
  for (const h of hs) for (const [score, count] of h) merged.set(score, (merged.get(score) ?? 0) + count);
  for (const [score, count] of merged) if (count === 0) merged.delete(score);
  return merged;
}

/** Below this many answers a score is marked as a small sample. */
export const SMALL_SAMPLE = 30;

export type CesHeadline = 'mean' | 'share';

export interface Score {
  metric: Metric;
  /** The headline number: NPS/NEV points (-100..100), CSAT/CES share in percent (0..100), CES mean (1..7), TTR median hours. null when n = 0. */
  value: number | null;
  unit: 'points' | 'percent' | 'mean' | 'hours';
  n: number;
  /** Half-width of the 95% interval, in the unit of value; null when n = 0 (or not defined). */
  margin: number | null;
  /** The 95% interval (asymmetric for Wilson and TTR), clamped to the scale. */
  low: number | null;
  high: number | null;
  /** n < SMALL_SAMPLE (and n > 0). */
  smallSample: boolean;
  /** ttr only: 90th percentile in hours */
  p90?: number | null;
}

/** Answers of a histogram sorted by score, count-0 keys dropped; throws on a score outside the metric's range. */
function answersOf(metric: Metric, h: Histogram): { entries: [number, number][]; n: number } {
  const entries: [number, number][] = [];
  let n = 0;
  for (const [score, count] of h) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`${metric}: invalid count ${count} for ${score}`);
    if (count === 0) continue;
    if (!isValidScore(metric, score)) throw new RangeError(`${metric}: invalid score ${score}`);
    entries.push([score, count]);
    n += count;
  }
  return { entries: entries.sort((a, b) => a[0] - b[0]), n };
}

function countWhere(entries: [number, number][], keep: (score: number) => boolean): number {
  return entries.reduce((sum, [score, count]) => (keep(score) ? sum + count : sum), 0);
}

function empty(metric: Metric, unit: Score['unit']): Score {
  return { metric, value: null, unit, n: 0, margin: null, low: null, high: null, smallSample: false };
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/** value ± margin clamped to the scale. */
function symmetric(value: number, margin: number | null, min: number, max: number) {
  if (margin === null) return { margin, low: null, high: null };
  return { margin, low: clamp(value - margin, min, max), high: clamp(value + margin, min, max) };
}

/** Net score (NPS, NEV): % positive minus % negative, adjusted-Wald margin for n < 30. */
function netScore(
  metric: 'nps' | 'nev',
  h: Histogram,
  isPositive: (s: number) => boolean,
  isNegative: (s: number) => boolean,
): Score {
  const { entries, n } = answersOf(metric, h);
  if (n === 0) return empty(metric, 'points');
  const positive = countWhere(entries, isPositive);
  const negative = countWhere(entries, isNegative);
  const value = 100 * (positive / n) - 100 * (negative / n);
  return {
    metric,
    value,
    unit: 'points',
    n,
    ...symmetric(value, netScoreMargin(positive, negative, n), -100, 100),
    smallSample: n < SMALL_SAMPLE,
  };
}

/**
 * Share in percent with the Wilson interval. margin is the larger distance from value to low or high, so
 * value ± margin always covers the Wilson interval (compareScores then stays conservative).
 */
function shareScore(metric: 'csat' | 'ces', h: Histogram, isSuccess: (s: number) => boolean): Score {
  const { entries, n } = answersOf(metric, h);
  if (n === 0) return empty(metric, 'percent');
  const successes = countWhere(entries, isSuccess);
  const value = 100 * (successes / n);
  const wilson = wilsonInterval(successes, n);
  const low = 100 * wilson.low;
  const high = 100 * wilson.high;
  return {
    metric,
    value,
    unit: 'percent',
    n,
    margin: Math.max(value - low, high - value),
    low,
    high,
    smallSample: n < SMALL_SAMPLE,
  };
}

/** Promoters 9-10 minus detractors 0-6, in points. */
export function npsOf(h: Histogram): Score {
  return netScore(
    'nps',
    h,
    (s) => s >= 9,
    (s) => s <= 6,
  );
}

/** % of answers 4 or 5. */
export function csatOf(h: Histogram): Score {
  return shareScore('csat', h, (s) => s >= 4);
}

/** Positive 8-10 minus negative 1-4, in points (our convention, see DOMAIN.md). */
export function nevOf(h: Histogram): Score {
  return netScore(
    'nev',
    h,
    (s) => s >= 8,
    (s) => s <= 4,
  );
}

/** CES headline: the mean with a t interval (no margin at n = 1), or the % of answers 5-7 with Wilson. */
export function cesOf(h: Histogram, headline: CesHeadline): Score {
  if (headline === 'share') return shareScore('ces', h, (s) => s >= 5);
  const { entries, n } = answersOf('ces', h);
  if (n === 0) return empty('ces', 'mean');
  const mean = entries.reduce((sum, [score, count]) => sum + score * count, 0) / n;
  let margin: number | null = null;
  if (n > 1) {
    const variance = entries.reduce((sum, [score, count]) => sum + count * (score - mean) ** 2, 0) / (n - 1);
    margin = tCritical95(n - 1) * Math.sqrt(variance / n);
  }
  const { min, max } = scales.ces;
  return {
    metric: 'ces',
    value: mean,
    unit: 'mean',
    n,
    ...symmetric(mean, margin, min, max),
    smallSample: n < SMALL_SAMPLE,
  };
}

/** The value at 0-based position `i` of the answers, entries sorted by score. */
function nthAnswer(entries: readonly [number, number][], i: number): number {
  let seen = 0;
  for (const [score, count] of entries) {
    seen += count;
    if (i < seen) return score;
  }
  throw new RangeError(`position ${i} beyond ${seen} answers`);
}

/** Percentile with PostgreSQL percentile_cont semantics: linear interpolation at position fraction * (n - 1). */
function percentileCont(entries: [number, number][], n: number, fraction: number): number {
  const position = fraction * (n - 1);
  const below = Math.floor(position);
  const lower = nthAnswer(entries, below);
  return position === below ? lower : lower + (position - below) * (nthAnswer(entries, below + 1) - lower);
}

/**
 * Time to resolution from a histogram of whole minutes: median and 90th percentile in hours, both as
 * percentile_cont(0.5 / 0.9). The interval is the distribution-free one for the median, [x(j), x(n+1-j)]
 * by binomial order statistics (null for n < 6); margin is the larger distance from the median to low or high.
 */
export function ttrOf(h: Histogram): Score {
  const { entries, n } = answersOf('ttr', h);
  if (n === 0) return { ...empty('ttr', 'hours'), p90: null };
  const hours = (minutes: number) => minutes / 60;
  const value = hours(percentileCont(entries, n, 0.5));
  const p90 = hours(percentileCont(entries, n, 0.9));
  const ranks = medianRanks95(n);
  const low = ranks && hours(nthAnswer(entries, ranks.lower - 1));
  const high = ranks && hours(nthAnswer(entries, ranks.upper - 1));
  const margin = low !== null && high !== null ? Math.max(value - low, high - value) : null;
  return { metric: 'ttr', value, unit: 'hours', n, margin, low, high, smallSample: n < SMALL_SAMPLE, p90 };
}

/** Lower is better only for time to resolution; for every other metric a rise is an improvement. */
export function lowerIsBetter(metric: Metric): boolean {
  return metric === 'ttr';
}

/** Any metric by name; CES defaults to the mean as headline. */
export function scoreOf(metric: Metric, histogram: Histogram, options?: { cesHeadline?: CesHeadline }): Score {
  switch (metric) {
    case 'nps':
      return npsOf(histogram);
    case 'csat':
      return csatOf(histogram);
    case 'ces':
      return cesOf(histogram, options?.cesHeadline ?? 'mean');
    case 'nev':
      return nevOf(histogram);
    case 'ttr':
      return ttrOf(histogram);
  }
}

type Group = 'positive' | 'neutral' | 'negative';

/** The group of a score in the distribution chart; CSAT has no neutral group (not satisfied is 'negative'). */
const groupOf: Record<SurveyMetric, (score: number) => Group> = {
  nps: (s) => (s >= 9 ? 'positive' : s >= 7 ? 'neutral' : 'negative'),
  csat: (s) => (s >= 4 ? 'positive' : 'negative'),
  ces: (s) => (s >= 5 ? 'positive' : s === 4 ? 'neutral' : 'negative'),
  nev: (s) => (s >= 8 ? 'positive' : s >= 5 ? 'neutral' : 'negative'),
};

/**
 * The share of answers per score value for the distribution chart, every value of the scale present (count 0
 * too), lowest score first. share is in percent (0..100), 0 for every value when there are no answers.
 */
export function distributionOf(
  metric: SurveyMetric,
  h: Histogram,
): { score: number; count: number; share: number; group: Group }[] {
  const { entries, n } = answersOf(metric, h);
  const counts = new Map(entries);
  const { min, max } = scales[metric];
  return Array.from({ length: max - min + 1 }, (_, i) => {
    const score = min + i;
    const count = counts.get(score) ?? 0;
    return { score, count, share: n === 0 ? 0 : 100 * (count / n), group: groupOf[metric](score) };
  });
}

/**
 * Change from a previous period: delta = current - previous, margin = sqrt(m1^2 + m2^2), significant when
 * |delta| > margin. null parts when either value (or, for margin, either margin) is null. Throws when the two
 * scores are not the same metric in the same unit (a CES mean against a CES share means nothing).
 */
export function compareScores(
  current: Score,
  previous: Score,
): { delta: number | null; margin: number | null; significant: boolean } {
  if (current.metric !== previous.metric || current.unit !== previous.unit) {
    throw new RangeError(
      `cannot compare ${current.metric} (${current.unit}) with ${previous.metric} (${previous.unit})`,
    );
  }
  if (current.value === null || previous.value === null) return { delta: null, margin: null, significant: false };
  const delta = current.value - previous.value;
  if (current.margin === null || previous.margin === null) return { delta, margin: null, significant: false };
  const margin = Math.hypot(current.margin, previous.margin);
  return { delta, margin, significant: Math.abs(delta) > margin };
}
