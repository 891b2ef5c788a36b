/**
 * What the read API takes and answers: GET /api/v1/changes and GET /api/v1/changes/{kind}/{id}/impact. The handlers
 * parse with these schemas and can only reply with these shapes, and the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { changeKinds, metricImpactSchema, windowsOutput } from '@/lib/impact/card-schema';
import { windowsSchema } from '@/lib/impact/settings';
import { isoDate } from '@/lib/validation/common';
import {
  badRequestSchema,
  forbiddenSchema,
  internalErrorSchema,
  rateLimitedSchema,
  unauthorizedSchema,
} from '@/lib/validation/responses-api';

/** At most this many changes per page. */
export const MAX_PAGE = 500;
/** The longest range one request may ask for: three years. */
export const MAX_RANGE_DAYS = 3 * 365 + 1;
/** Without `from`: this many days before `to`. */
export const DEFAULT_RANGE_DAYS = 365;

/** A query parameter sent empty (`?touchpoint=`) counts as not sent. */
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const changesQuerySchema = z.object({
  from: optional(isoDate).meta({
    description: `The first day (YYYY-MM-DD). Default: ${DEFAULT_RANGE_DAYS} days before \`to\`.`,
  }),
  to: optional(isoDate).meta({
    description: `The last day (YYYY-MM-DD). Default: today in the organization's time zone. At most ${MAX_RANGE_DAYS} days after \`from\`.`,
  }),
  touchpoint: optional(z.string().trim().min(1).max(100)).meta({
    description: 'Only changes made at this touchpoint: its id, or the key set for it in Settings → Journey.',
  }),
  cursor: optional(z.string().max(200)).meta({
    description: 'Where the previous page ended: its `nextCursor`. Leave out for the first page.',
  }),
  limit: optional(z.coerce.number().int().min(1).max(MAX_PAGE)).meta({
    description: `Changes per page, 1 to ${MAX_PAGE}; default ${MAX_PAGE}.`,
  }),
});

const weeksParameter = (key: keyof typeof windowsSchema.shape, description: string) =>
  optional(z.coerce.number().pipe(windowsSchema.shape[key])).meta({ description });

/** Other windows to compute a card for; each one left out is the organization's default. */
export const impactQuerySchema = z.object({
  baselineWeeks: weeksParameter('baselineWeeks', "Weeks of baseline before the change's week."),
  washoutWeeks: weeksParameter('washoutWeeks', "Weeks left out from the change's week on, while it settles in."),
  afterWeeks: weeksParameter('afterWeeks', 'Weeks after the washout.'),
});

export const impactPathSchema = z.object({
  kind: z.enum(changeKinds).meta({
    description:
      'What the change is: a weekly improvement, a completed plan item, or a lever (an accelerator put in place or a ' +
      'blocker removed).',
  }),
  id: z.uuid().meta({ description: "The change's id." }),
});

const reference = z.object({ id: z.uuid(), name: z.string() });

/** One metric of a card, as the API serves it: the card's numbers and the sentence a department lead reads. */
export const apiMetricImpactSchema = metricImpactSchema
  .pick({
    metric: true,
    target: true,
    estimator: true,
    estimate: true,
    low: true,
    high: true,
    se: true,
    p: true,
    pAdjusted: true,
    phi: true,
    unit: true,
    before: true,
    after: true,
    comparison: true,
    verdict: true,
    warnings: true,
    settle: true,
  })
  .extend({
    sentence: z.string().meta({ description: "The card's finding in one plain English sentence." }),
  });
export type ApiMetricImpact = z.output<typeof apiMetricImpactSchema>;

export const apiImpactSchema = z.object({
  windows: windowsOutput,
  stale: z.boolean().meta({
    description:
      'New answers or changes inside the window arrived since the card was computed; it is being recomputed.',
  }),
  metrics: z
    .array(apiMetricImpactSchema)
    .meta({ description: 'Per metric measured at the touchpoints, target first.' }),
});
export type ApiImpact = z.output<typeof apiImpactSchema>;

export const changeItemSchema = z.object({
  kind: z.enum(changeKinds).meta({
    description: 'improvement (weekly), plan-item (done), or lever (an accelerator in place or a blocker removed).',
  }),
  id: z.uuid(),
  title: z.string(),
  date: z.iso.date().meta({ description: 'The day it took effect.' }),
  department: reference,
  touchpoints: z.array(reference),
  impact: apiImpactSchema.nullable().meta({ description: 'null until the card is first computed.' }),
});
export type ChangeItem = z.output<typeof changeItemSchema>;

export const changesPageSchema = z.object({
  data: z.array(changeItemSchema),
  nextCursor: z.string().nullable().meta({ description: 'Send as `cursor` for the next page; null on the last page.' }),
});

export const parameterErrorSchema = z.object({
  field: z.string().meta({ description: 'The query parameter, such as `from`.' }),
  message: z.string().meta({ description: 'What is wrong, in English.' }),
});
export type ParameterError = z.output<typeof parameterErrorSchema>;

export const badParametersSchema = badRequestSchema.extend({ errors: z.array(parameterErrorSchema) });
export const notFoundSchema = z.object({
  error: z.literal('not_found'),
  message: z.string().meta({ description: 'What went wrong, in English.' }),
});
/** The errors every read endpoint may answer with. */
export const readErrors = {
  400: { schema: badParametersSchema, description: 'A query parameter is invalid; `errors` names each one.' },
  401: { schema: unauthorizedSchema, description: 'The API key is missing, unknown or revoked.' },
  403: { schema: forbiddenSchema, description: 'The API key does not have the `read` scope.' },
  429: {
    schema: rateLimitedSchema,
    description:
      'The key sent more requests than its rate allows (shared with every endpoint). `Retry-After` says how many ' +
      'seconds to wait.',
  },
  500: { schema: internalErrorSchema, description: 'An unexpected error. Quote the request id when reporting it.' },
} as const;

export const changesReplies = {
  200: { schema: changesPageSchema, description: 'One page of changes, newest first.' },
  ...readErrors,
} as const;

export const impactReplies = {
  200: { schema: changeItemSchema, description: 'The change and its impact card.' },
  ...readErrors,
  404: {
    schema: notFoundSchema,
    description: "No such change in the key's organization (another organization's ids included), or an unknown kind.",
  },
  429: {
    schema: rateLimitedSchema,
    description:
      'The key sent more requests than its rate allows (shared with every endpoint), or, for windows other than the ' +
      'defaults, the organization asked for more cards computed on request than the server computes at once (ten, ' +
      'then one every two seconds). `Retry-After` says how many seconds to wait.',
  },
} as const;

export type ChangesStatus = keyof typeof changesReplies;
export type ChangesReply<S extends ChangesStatus> = z.input<(typeof changesReplies)[S]['schema']>;
export type ImpactStatus = keyof typeof impactReplies;
export type ImpactReply<S extends ImpactStatus> = z.input<(typeof impactReplies)[S]['schema']>;
