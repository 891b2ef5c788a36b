import type { GoalTarget } from '@/db/queries/goal';
import type { Translator } from '@/messages/types';

interface Format {
  number(value: number, options?: Intl.NumberFormatOptions): string;
  dateTime(value: Date, options?: Intl.DateTimeFormatOptions): string;
}

/** A calendar date (YYYY-MM-DD) as words, the same day wherever the reader is. */
export function calendarDate(format: Format, date: string) {
  return format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
}

/** The parts of a target as a reader sees them: "NPS", "45", "Whole company", "30 Jun 2026". `t` is the goal translator. */
export function targetText(target: Omit<GoalTarget, 'id'>, t: Translator<'goal'>, format: Format) {
  const metric =
    target.metric === 'business' && target.businessMetric ? target.businessMetric : t(`metric.${target.metric}`);
  const value = t(`value.${target.metric}`, { value: format.number(target.targetValue, { maximumFractionDigits: 2 }) });
  const scope = target.touchpointId ? (target.touchpointName ?? '') : t('target.wholeCompany');
  const due = calendarDate(format, target.dueDate);
  return { metric, value, scope, due, line: t('target.line', { metric, value, scope, date: due }) };
}
