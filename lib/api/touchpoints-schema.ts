/**
 * What the read API takes and answers for touchpoints: GET /api/v1/touchpoints and
 * GET /api/v1/touchpoints/{id}/metrics. The handlers parse with these schemas and can only reply with these shapes,
 * and the OpenAPI document is generated from them. The metrics query is the touchpoint chart's own, with defaults.
 */
import { z } from 'zod';
import { MAX_RANGE_DAYS } from '@/lib/domain/chart-buckets';
import { touchpointChartQuerySchema } from '@/lib/validation/touchpoint-chart';
import { notFoundSchema, optional, readErrors } from './changes-schema';

/** The touchpoint page's default range: this many months up to `to`. */
export const DEFAULT_MONTHS = 6;

const reference = z.object({ id: z.uuid(), name: z.string() });

export const touchpointItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  key: z
    .string()
    .nullable()
    .meta({ description: 'The key set in Settings → Journey, which senders may use instead of the id; null if none.' }),
  stage: reference.meta({ description: 'The journey stage it belongs to.' }),
  phase: z.enum(['before', 'during', 'after']).meta({ description: "The stage's phase of the customer journey." }),
  department: reference.meta({ description: 'The department that owns it.' }),
  channel: z.enum(['online', 'offline']),
  archived: z.boolean().meta({ description: 'Archived touchpoints keep their history and collect no new answers.' }),
});
export type TouchpointItem = z.output<typeof touchpointItemSchema>;

export const touchpointsSchema = z.object({
  data: z.array(touchpointItemSchema).meta({ description: 'Every touchpoint, archived ones too, in journey order.' }),
});

export const touchpointPathSchema = z.object({
  id: z.string().trim().min(1).max(100).meta({ description: "The touchpoint's id, or its key." }),
});

const chart = touchpointChartQuerySchema.shape;

/** The chart's parameters, each optional here; the handler fills in the defaults and checks them with the chart's rules. */
export const touchpointMetricsQuerySchema = z.object({
  metric: optional(chart.metric.unwrap()).meta({
    description: 'nps, csat, ces, nev or ttr. Default: the one with the most answers at the touchpoint in the range.',
  }),
  from: optional(chart.from).meta({
    description:
      `The first day (YYYY-MM-DD). Default: the start of the bucket ${DEFAULT_MONTHS} months before \`to\`, as on ` +
      'the touchpoint page.',
  }),
  to: optional(chart.to).meta({
    description:
      "The last day (YYYY-MM-DD). Default: today in the organization's time zone. The range may span at most " +
      `${MAX_RANGE_DAYS} days, as on the touchpoint chart.`,
  }),
  bucket: optional(chart.bucket.unwrap()).meta({
    description: "week (starting on the organization's first day of the week) or month. Default: week.",
  }),
});

export const metricPointSchema = z.object({
  start: z.iso.date().meta({ description: "The bucket's first day (the first may start before `from`)." }),
  n: z.number().int().min(0).meta({ description: 'Answers in the bucket.' }),
  value: z.number().nullable().meta({ description: 'The metric over the bucket, in `unit`; null without answers.' }),
  low: z.number().nullable().meta({ description: 'The 95% interval, clamped to the scale; null without answers.' }),
  high: z.number().nullable(),
  margin: z.number().nullable().meta({ description: "Half the interval's width, in `unit`." }),
  smallSample: z.boolean().meta({ description: 'Fewer than 30 answers: read the value with care.' }),
});
export type MetricPoint = z.output<typeof metricPointSchema>;

export const touchpointMetricsSchema = z.object({
  touchpoint: reference,
  metric: z.enum(chart.metric.unwrap().options),
  unit: z.enum(['points', 'percent', 'mean', 'hours']).meta({
    description:
      'points: NPS and NEV (-100 to 100); percent: the CSAT share, or the CES share when the organization heads CES ' +
      'with it (0 to 100); mean: the CES mean (1 to 7); hours: the median time to resolution.',
  }),
  from: z.iso.date(),
  to: z.iso.date(),
  bucket: z.enum(chart.bucket.unwrap().options),
  data: z.array(metricPointSchema).meta({
    description: 'Every bucket that overlaps the range, oldest first; one without answers has n 0.',
  }),
});

export const touchpointsReplies = {
  200: { schema: touchpointsSchema, description: "The organization's touchpoints." },
  // It takes no parameters, so it never answers 400.
  401: readErrors[401],
  403: readErrors[403],
  429: readErrors[429],
  500: readErrors[500],
} as const;

export const touchpointMetricsReplies = {
  200: {
    schema: touchpointMetricsSchema,
    description: "The metric per bucket, the same numbers as the touchpoint page's chart.",
  },
  ...readErrors,
  404: {
    schema: notFoundSchema,
    description: "No such touchpoint in the key's organization (another organization's ids included).",
  },
} as const;

export type TouchpointsStatus = keyof typeof touchpointsReplies;
export type TouchpointsReply<S extends TouchpointsStatus> = z.input<(typeof touchpointsReplies)[S]['schema']>;
export type TouchpointMetricsStatus = keyof typeof touchpointMetricsReplies;
export type TouchpointMetricsReply<S extends TouchpointMetricsStatus> = z.input<
  (typeof touchpointMetricsReplies)[S]['schema']
>;
