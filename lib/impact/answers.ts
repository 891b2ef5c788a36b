/**
 * How one answer counts in a card's weekly score (IMPACT.md, "Cells"): NPS/NEV +100/0/-100, CSAT/CES shares 100/0,
 * the CES mean its score, TTR ln(hours) so effects are relative. A cell keeps n, the sum and the sum of squares of
 * these values, so cells add up and every statistic follows from them exactly.
 */
import type { Metric } from '@/lib/domain/metrics';
import type { Measure } from './settings';

export interface Sums {
  n: number;
  sum: number;
  sumSq: number;
}

export const emptySums = (): Sums => ({ n: 0, sum: 0, sumSq: 0 });

export function addSums(a: Sums, b: Sums): Sums {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumSq: a.sumSq + b.sumSq };
}

/** The measure of a metric on a card: CES follows the organization's headline. */
export function measureOf(metric: Metric, cesHeadline: 'mean' | 'share'): Measure {
  if (metric === 'ces') return cesHeadline === 'share' ? 'cesShare' : 'cesMean';
  return metric;
}

export function metricOf(measure: Measure): Metric {
  return measure === 'cesShare' || measure === 'cesMean' ? 'ces' : measure;
}

/** The value of one answer (its score on the metric's scale; TTR in minutes). */
export function answerValue(measure: Measure, score: number): number {
  switch (measure) {
    case 'nps':
      return score >= 9 ? 100 : score <= 6 ? -100 : 0;
    case 'nev':
      return score >= 8 ? 100 : score <= 4 ? -100 : 0;
    case 'csat':
      return score >= 4 ? 100 : 0;
    case 'cesShare':
      return score >= 5 ? 100 : 0;
    case 'cesMean':
      return score;
    case 'ttr':
      // A complaint resolved within the minute counts as one minute: ln(0) has no value.
      return Math.log(Math.max(score, 1) / 60);
  }
}

/** The sums of a histogram (score -> count) in a measure. */
export function sumsOf(measure: Measure, histogram: Iterable<[number, number]>): Sums {
  const sums = emptySums();
  for (const [score, count] of histogram) {
    if (count <= 0) continue;
    const value = answerValue(measure, score);
    sums.n += count;
    sums.sum += count * value;
    sums.sumSq += count * value * value;
  }
  return sums;
}

/** The mean of the answers' values, or null without answers. */
export const meanOf = (s: Sums): number | null => (s.n > 0 ? s.sum / s.n : null);

/**
 * The per-answer variance v of IMPACT.md's weights: for the net scores and shares the population form
 * (p + d - (p - d)^2 and p(1 - p), in points squared), for means the sample variance. A touchpoint whose answers
 * were all the same (every customer a promoter) would get an infinite weight: its variance is floored at what one
 * differing answer among n + 1 would give, range^2 * n / (n + 1)^2.
 */
export function varianceOf(measure: Measure, s: Sums): number {
  if (s.n === 0) return Number.NaN;
  const mean = s.sum / s.n;
  const sample = measure === 'cesMean' || measure === 'ttr';
  const raw = sample && s.n > 1 ? (s.sumSq - s.n * mean * mean) / (s.n - 1) : sample ? 0 : s.sumSq / s.n - mean * mean;
  const range = { nps: 200, nev: 200, csat: 100, cesShare: 100, cesMean: 6, ttr: 1 }[measure];
  return Math.max(raw, (range * range * s.n) / (s.n + 1) ** 2);
}
