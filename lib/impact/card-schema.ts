/**
 * The impact card of one change, as stored (impact_results.card), read by pages and served by the read API. Numbers
 * only: the sentence is written from these fields when shown (lib/impact/sentence.ts), in the reader's language.
 */
import { z } from 'zod';

export const changeKinds = ['improvement', 'plan-item', 'lever'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export const verdicts = [
  'collecting',
  'not-enough-data',
  'better',
  'worse',
  'too-small',
  'no-change',
  'inconclusive',
] as const;
export type ImpactVerdict = (typeof verdicts)[number];

/** The unit of an effect: NPS/NEV in points, shares in percentage points, CES mean in scale points, TTR in percent. */
export const effectUnits = ['points', 'percentage-points', 'scale-points', 'percent'] as const;
export type EffectUnit = (typeof effectUnits)[number];

const date = z.iso.date();
const range = z.object({ from: date, to: date });
const side = z.object({
  value: z.number().nullable().describe('The metric over the window (NPS points, share %, CES mean, TTR median hours)'),
  n: z.number().int().min(0),
});
const changeRef = z.object({ kind: z.enum(changeKinds), id: z.uuid(), title: z.string(), date });

export const windowsOutput = z.object({
  baselineWeeks: z.number().int(),
  washoutWeeks: z.number().int(),
  afterWeeks: z.number().int(),
  baseline: range,
  washout: range.nullable().describe('Left out: the change settles in. null with a washout of 0 weeks'),
  after: range,
  defaults: z.boolean().describe("Whether these are the organization's default windows"),
});

export const warningCodes = [
  'who-answered',
  'regression-to-mean',
  'parallel-trends',
  'uncontrolled',
  'other-metrics',
] as const;
export type WarningCode = (typeof warningCodes)[number];

export const warningSchema = z.object({
  code: z.enum(warningCodes),
  /** Numbers the message uses: a p value, a t value, the baseline's last week. */
  values: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
});

export const settleSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('settled').describe('The verdict needs no more answers') }),
  z.object({
    status: z.literal('more-answers'),
    extraAnswers: z.number().int().min(1),
    weeks: z.number().int().min(1).nullable().describe('At the current weekly rate; null when no answers arrive'),
    detectable: z.number().describe('The effect that could then be told apart: the minimum meaningful change'),
  }),
  z.object({
    status: z.literal('never'),
    detectable: z.number(),
    /** What a longer baseline would give, when the history allows one. */
    longerBaseline: z.object({ weeks: z.number().int(), extraAnswers: z.number().int().min(0).nullable() }).nullable(),
  }),
]);

export const metricImpactSchema = z.object({
  metric: z.enum(['nps', 'csat', 'ces', 'nev', 'ttr']),
  measure: z.enum(['nps', 'nev', 'csat', 'cesShare', 'cesMean', 'ttr']),
  target: z.boolean().describe("The change's declared target metric"),
  direction: z.enum(['up', 'down']).describe('Which way is better for this metric (down for TTR)'),
  estimator: z.enum(['model', 'before-after']),
  estimate: z.number().nullable(),
  low: z.number().nullable().describe('Unadjusted 95% interval'),
  high: z.number().nullable(),
  se: z.number().nullable(),
  p: z.number().nullable(),
  pAdjusted: z.number().nullable().describe("Holm-adjusted across the card's metrics"),
  phi: z.number().nullable().describe('Residual dispersion, at least 1'),
  df: z.number().nullable().describe('Residual degrees of freedom; null when the normal distribution is used'),
  unit: z.enum(effectUnits),
  minChange: z.number(),
  precision: z.number(),
  before: side,
  after: side,
  /** Each treated touchpoint's own before and after. */
  touchpoints: z.array(z.object({ id: z.uuid(), name: z.string(), before: side, after: side })),
  comparison: z.array(z.object({ id: z.uuid(), name: z.string() })),
  verdict: z.enum(verdicts),
  collectingWeek: z.number().int().nullable().describe('With verdict collecting: the current week of the after window'),
  /** Other changes modelled as their own terms. */
  heldApart: z.array(changeRef),
  /** Changes merged with this one into one joint term: the estimate is theirs together. */
  joint: z.array(changeRef),
  /** Changes that more than double this one's uncertainty: it cannot be told apart from them. */
  indistinct: z.array(changeRef),
  warnings: z.array(warningSchema),
  placebo: z.object({ flagged: z.number().int(), total: z.number().int() }).nullable(),
  settle: settleSchema.nullable(),
  /** The chart: the treated touchpoints against the comparison average, week by week. */
  weeks: z.array(
    z.object({
      week: date,
      part: z.enum(['before', 'washout', 'after']),
      treated: z.number().nullable(),
      treatedN: z.number().int(),
      comparison: z.number().nullable(),
      comparisonN: z.number().int(),
    }),
  ),
});
export type MetricImpact = z.infer<typeof metricImpactSchema>;

export const impactCardSchema = z.object({
  windows: windowsOutput,
  /** measured: at least one metric has answers at its touchpoints; otherwise why nothing can be measured. */
  status: z.enum(['measured', 'no-touchpoints', 'no-answers']),
  metrics: z.array(metricImpactSchema),
  /** Changes logged inside the window, for the chart's markers. */
  changesInWindow: z.array(changeRef.extend({ touchpointIds: z.array(z.uuid()) })),
});
export type ImpactCard = z.infer<typeof impactCardSchema>;

/** A stored card as the current schema reads it; a card stored in an older shape (or not at all) reads as null. */
export function storedCardOf(stored: unknown): ImpactCard | null {
  if (stored === null || stored === undefined) return null;
  let value: unknown = stored;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  const parsed = impactCardSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
