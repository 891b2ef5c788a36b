/** The verdicts of IMPACT.md, and the two multiplicity rules: Holm within a card, Benjamini-Hochberg across a list. */
import type { ImpactVerdict } from './card-schema';
import type { Threshold } from './settings';

/** Holm's step-down adjusted p values, in the order given. */
export function holm(ps: readonly number[]): number[] {
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(ps.length);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (ps.length - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/** Which of a list's p values are discoveries by Benjamini-Hochberg at level q (IMPACT.md: q = 0.10). */
export function benjaminiHochberg(ps: readonly number[], q = 0.1): boolean[] {
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  let cut = -1;
  order.forEach(({ p }, rank) => {
    if (p <= ((rank + 1) / ps.length) * q) cut = rank;
  });
  const clear = new Array<boolean>(ps.length).fill(false);
  for (let rank = 0; rank <= cut; rank++) clear[order[rank]!.i] = true;
  return clear;
}

export const SIGNIFICANCE = 0.05;
/** Fewer answers than this at the treated touchpoints before or after: not enough data. */
export const MIN_ANSWERS = 30;

export interface VerdictInput {
  /** The after window is not complete yet. */
  collecting: boolean;
  beforeN: number;
  afterN: number;
  /** In the effect's display unit (TTR: percent change). */
  estimate: number | null;
  low: number | null;
  high: number | null;
  pAdjusted: number | null;
  lowerIsBetter: boolean;
  threshold: Threshold;
}

/** The verdict table of IMPACT.md, in its order. */
export function verdictOf(input: VerdictInput): ImpactVerdict {
  if (input.collecting) return 'collecting';
  if (input.beforeN < MIN_ANSWERS || input.afterN < MIN_ANSWERS) return 'not-enough-data';
  if (input.estimate === null || input.pAdjusted === null || input.low === null || input.high === null)
    return 'not-enough-data';
  if (input.pAdjusted < SIGNIFICANCE) {
    if (Math.abs(input.estimate) < input.threshold.minChange) return 'too-small';
    return input.estimate > 0 !== input.lowerIsBetter ? 'better' : 'worse';
  }
  return (input.high - input.low) / 2 <= input.threshold.precision ? 'no-change' : 'inconclusive';
}
