import { useFormatter, useTranslations } from 'next-intl';
import type { Score } from '@/lib/domain/metrics';
import type { Translator } from '@/messages/types';

type Unit = Score['unit'];
/** next-intl's formatter: useFormatter() in a client component, await getFormatter() on the server. */
type Formatter = ReturnType<typeof useFormatter>;

/** Digits after the point: whole points and percents, one for a mean (1-7), at most one for hours. */
const digits: Record<Unit, { min: number; max: number }> = {
  points: { min: 0, max: 0 },
  percent: { min: 0, max: 0 },
  mean: { min: 1, max: 1 },
  hours: { min: 0, max: 1 },
};

/**
 * Scores, margins, changes and dates in the reader's locale: the one formatter of the app, on the server
 * (`scoreFormat(await getFormatter(), await getTranslations('metrics'))`) and in the browser (`useScoreFormat()`).
 */
export function scoreFormat(format: Formatter, t: Translator<'metrics'>) {
  type Sign = 'auto' | 'exceptZero';
  const number = (value: number, unit: Unit, signDisplay: Sign = 'auto') =>
    format.number(value, {
      minimumFractionDigits: digits[unit].min,
      maximumFractionDigits: digits[unit].max,
      signDisplay,
    });
  /** A margin or a change: as precise as the score, but with a digit when under 1, or it would read "± 0". */
  const spread = (value: number, unit: Unit, signDisplay: Sign = 'auto') => {
    const max = Math.abs(value) < 1 ? Math.max(1, digits[unit].max) : digits[unit].max;
    return format.number(value, { minimumFractionDigits: digits[unit].min, maximumFractionDigits: max, signDisplay });
  };
  // NPS and NEV run from -100 to +100, so a positive one carries its sign.
  const value = (score: number | null, unit: Unit) =>
    score === null
      ? t('table.none')
      : t(`units.${unit}`, { value: number(score, unit, unit === 'points' ? 'exceptZero' : 'auto') });
  return {
    /** The bare number on the metric's scale ("32", "4.5"), for axes and intervals. */
    number: (value: number, unit: Unit) => number(value, unit),
    /** With its unit ("+32", "84%", "4.5 of 7", "12.5 h"), or a dash when there were no answers. */
    value,
    /** The margin of error as a bare number ("6", "0.4"). */
    margin: (margin: number, unit: Unit) => spread(margin, unit),
    /** A change between two scores in the unit of the score: "+8", "+8 pts" for shares, "-2.5 h". */
    delta: (delta: number, unit: Unit) => t(`score.change.${unit}`, { value: spread(delta, unit, 'exceptZero') }),
    /** A score as a card shows it: its value, its margin ("± 6") and its n ("n = 212"); no answers, no value. */
    score: (score: Score) => ({
      value: score.value === null ? null : value(score.value, score.unit),
      margin: score.margin === null ? null : t('score.margin', { margin: spread(score.margin, score.unit) }),
      n: t('score.n', { n: score.n }),
    }),
    /** A calendar date (YYYY-MM-DD) as written in the reader's locale. */
    date: (date: string, style: 'medium' | 'short' = 'medium') =>
      format.dateTime(
        new Date(`${date}T12:00:00Z`),
        style === 'medium'
          ? { dateStyle: 'medium', timeZone: 'UTC' }
          : { day: 'numeric', month: 'short', timeZone: 'UTC' },
      ),
    month: (date: string) =>
      format.dateTime(new Date(`${date}T12:00:00Z`), { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    dateTime: (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' }),
    /** A TTR answer is stored in minutes and shown in hours. */
    answer: (score: number, metric: Score['metric']) =>
      metric === 'ttr' ? t('units.hours', { value: number(score / 60, 'hours') }) : format.number(score),
  };
}

export type ScoreFormat = ReturnType<typeof scoreFormat>;

/** The formatter in a client component. */
export function useScoreFormat(): ScoreFormat {
  return scoreFormat(useFormatter(), useTranslations('metrics'));
}
