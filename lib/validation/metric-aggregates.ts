import { z } from 'zod';
import { type CesHeadline, type Metric, metrics } from '@/lib/domain/metrics';
import { id, isoDate } from '@/lib/validation/common';
import type { Message } from '@/lib/validation/messages';
import { MAX_TTR_HOURS } from '@/lib/validation/responses';

/** The largest sample size accepted for a measured value. */
export const MAX_AGGREGATE_N = 100_000_000;

/** A decimal typed in a form: "42", "-12.5" or "4,25"; empty means missing. */
const decimal = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const text = v.trim().replace(',', '.');
  return text === '' ? undefined : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}, z.number().finite());

/** A measured value as the form sends it; the range of the value depends on the metric (see aggregateProblems). */
export const aggregateInputSchema = z.object({
  touchpointId: id,
  metric: z.enum(metrics),
  value: decimal,
  n: z.coerce.number().int().min(1).max(MAX_AGGREGATE_N),
  periodStart: isoDate,
  periodEnd: isoDate,
  source: z.string().trim().max(200).default(''),
});
export type AggregateInput = z.output<typeof aggregateInputSchema>;

export const deleteAggregateSchema = z.object({ aggregateId: id });

/**
 * The range of a measured value in the unit the product shows: NPS and NEV points, CSAT percent, CES in the
 * organization's headline unit (mean 1-7 or percent of easy answers), TTR hours.
 */
export function aggregateValueRange(metric: Metric, cesHeadline: CesHeadline): { min: number; max: number } {
  switch (metric) {
    case 'nps':
    case 'nev':
      return { min: -100, max: 100 };
    case 'csat':
      return { min: 0, max: 100 };
    case 'ces':
      return cesHeadline === 'share' ? { min: 0, max: 100 } : { min: 1, max: 7 };
    case 'ttr':
      return { min: 0, max: MAX_TTR_HOURS };
  }
}

/** What is wrong with a measured value beyond its types: the value's range, two decimals, the period. */
export function aggregateProblems(
  input: AggregateInput,
  context: { cesHeadline: CesHeadline; today: string },
): Record<string, Message> {
  const problems: Record<string, Message> = {};
  const range = aggregateValueRange(input.metric, context.cesHeadline);
  if (input.value < range.min || input.value > range.max) {
    problems.value = { key: 'measured.errors.valueRange', values: range };
  } else if (Math.abs(Math.round(input.value * 100) - input.value * 100) > 1e-6) {
    problems.value = { key: 'measured.errors.twoDecimals' };
  }
  if (input.periodStart > input.periodEnd) problems.periodEnd = { key: 'measured.errors.endBeforeStart' };
  if (input.periodEnd > context.today) problems.periodEnd = { key: 'measured.errors.inFuture' };
  return problems;
}
