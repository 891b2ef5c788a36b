import { z } from 'zod';

/**
 * What POST /api/v1/responses answers, per status. The handler can only reply with these shapes and the
 * OpenAPI document is generated from them, so the two cannot drift apart.
 */
/** The largest body accepted: 1000 answers with long comments fit. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export const itemErrorSchema = z.object({
  index: z.number().int().min(0).nullable().meta({
    description: 'The position of the answer in `responses`, from 0; null when the problem is with the whole body.',
  }),
  field: z
    .string()
    .meta({ description: 'The field of the answer, such as `score`; `responses` or `body` for the whole batch.' }),
  message: z.string().meta({ description: 'What is wrong, in English.' }),
});

const problem = <Code extends string>(code: Code) =>
  z.object({
    error: z.literal(code),
    message: z.string().meta({ description: 'What went wrong, in English.' }),
  });

export const ingestResultSchema = z.object({
  stored: z.number().int().min(0).meta({ description: 'Answers stored by this request.' }),
  duplicates: z
    .number()
    .int()
    .min(0)
    .meta({ description: 'Answers skipped because their externalId was already stored.' }),
});
export const badRequestSchema = problem('bad_request');
export const unauthorizedSchema = problem('unauthorized');
export const forbiddenSchema = problem('forbidden');
export const unknownTouchpointsSchema = problem('unknown_touchpoint').extend({
  errors: z.array(itemErrorSchema.extend({ touchpoint: z.string().meta({ description: 'The reference as sent.' }) })),
});
export const tooLargeSchema = problem('too_large');
export const rateLimitedSchema = problem('rate_limited');
export const invalidBatchSchema = problem('invalid').extend({ errors: z.array(itemErrorSchema) });
export const internalErrorSchema = problem('internal').extend({ requestId: z.string() });

export const ingestReplies = {
  201: { schema: ingestResultSchema, description: 'The batch was stored in one transaction.' },
  400: { schema: badRequestSchema, description: 'The body is not JSON.' },
  401: { schema: unauthorizedSchema, description: 'The API key is missing, unknown or revoked.' },
  403: { schema: forbiddenSchema, description: 'The API key does not have the `ingest` scope; nothing was stored.' },
  404: {
    schema: unknownTouchpointsSchema,
    description: 'Some answers name a touchpoint the organization does not have; nothing was stored.',
  },
  413: { schema: tooLargeSchema, description: 'The body is larger than 2 MB.' },
  422: {
    schema: invalidBatchSchema,
    description: 'The batch is empty, too long, or has invalid answers; nothing was stored.',
  },
  429: {
    schema: rateLimitedSchema,
    description:
      'The key sent more requests than its rate allows (API_RATE_PER_SECOND, API_RATE_BURST: by default 20 per ' +
      'second, 40 at once); nothing was stored. ' +
      '`Retry-After` says how many seconds to wait.',
  },
  500: {
    schema: internalErrorSchema,
    description: 'An unexpected error; nothing was stored. Quote the request id when reporting it.',
  },
} as const;

export type IngestStatus = keyof typeof ingestReplies;
export type IngestReply<S extends IngestStatus> = z.input<(typeof ingestReplies)[S]['schema']>;
export type ItemError = z.output<typeof itemErrorSchema>;
