import type { Score } from '@/lib/domain/metrics';

/** The translator of the 'touchpoints.score' catalog and next-intl's number formatter (server or client). */
type Translate = (key: string, values?: Record<string, string | number>) => string;
interface NumberFormat {
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

/** Decimals worth showing per unit: NPS points and shares are whole numbers, a CES mean and hours have one. */
const decimals: Record<Score['unit'], number> = { points: 0, percent: 0, mean: 1, hours: 1 };

function number(format: NumberFormat, unit: Score['unit'], value: number, signed = false, digits = decimals[unit]) {
  return format.number(value, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
}

/**
 * A score as people read it: "+32", "87%", "5.4", "18.5 h", its margin ("± 6") and its n ("n = 212").
 * value and margin are null without answers (margin also for a single CES answer).
 */
export function scoreText(score: Score, t: Translate, format: NumberFormat) {
  const { unit } = score;
  const value =
    score.value === null ? null : t(`value.${unit}`, { value: number(format, unit, score.value, unit === 'points') });
  // A margin under 1 point still deserves a digit, or it would read "± 0".
  const marginDigits = score.margin !== null && score.margin < 1 ? Math.max(1, decimals[unit]) : decimals[unit];
  const margin =
    score.margin === null ? null : t('margin', { margin: number(format, unit, score.margin, false, marginDigits) });
  return { value, margin, n: t('n', { n: score.n }) };
}

/** A change between two scores in the unit of the score: "+8", "+8 pts" for shares, "-2.5 h". */
export function deltaText(unit: Score['unit'], delta: number, t: Translate, format: NumberFormat) {
  return t(`delta.${unit}`, { value: number(format, unit, delta, true) });
}
