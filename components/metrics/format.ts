'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { Score } from '@/lib/domain/metrics';

type Unit = Score['unit'];

/** Digits after the point: whole points and percents, one decimal for a mean (1-7) and for hours. */
const valueDigits = (unit: Unit) => (unit === 'mean' || unit === 'hours' ? 1 : 0);

/** Scores, margins, changes and dates in the reader's locale. */
export function useScoreFormat() {
  const format = useFormatter();
  const t = useTranslations('metrics');
  const number = (
    value: number,
    unit: Unit,
    extra: { maximumFractionDigits?: number; minimumFractionDigits?: number; signDisplay?: 'exceptZero' } = {},
  ) =>
    format.number(value, {
      maximumFractionDigits: valueDigits(unit),
      minimumFractionDigits: unit === 'mean' ? 1 : 0,
      ...extra,
    });
  return {
    /** The bare number on the metric's scale ("32", "4.5"). */
    number: (value: number, unit: Unit) => number(value, unit),
    /** With its unit ("84%", "4.5 of 7", "12.5 h"), or a dash when there were no answers. */
    value: (value: number | null, unit: Unit) =>
      value === null ? t('table.none') : t(`units.${unit}`, { value: number(value, unit) }),
    margin: (margin: number, unit: Unit) =>
      number(margin, unit, { maximumFractionDigits: 1, minimumFractionDigits: 0 }),
    delta: (delta: number, unit: Unit) =>
      number(delta, unit, { maximumFractionDigits: 1, minimumFractionDigits: 0, signDisplay: 'exceptZero' }),
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
