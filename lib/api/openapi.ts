import { z } from 'zod';
import { responseBatchSchema } from '@/lib/validation/responses';
import { ingestReplies, MAX_BODY_BYTES } from '@/lib/validation/responses-api';
import {
  changesQuerySchema,
  changesReplies,
  impactPathSchema,
  impactQuerySchema,
  impactReplies,
  MAX_PAGE,
} from './changes-schema';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return rest;
};

const retryAfter = {
  description: 'Seconds to wait before sending again.',
  schema: { type: 'integer', minimum: 1 },
};

/** An endpoint's replies, per status, each with its JSON shape; 429 with its Retry-After header. */
function repliesOf(replies: Record<number, { schema: z.ZodType; description: string }>) {
  return Object.fromEntries(
    Object.entries(replies).map(([status, { schema, description }]) => [
      status,
      {
        description,
        content: { 'application/json': { schema: jsonSchema(schema, 'output') } },
        ...(status === '429' && { headers: { 'Retry-After': retryAfter } }),
      },
    ]),
  );
}

/** The parameters of an endpoint from the object schema its handler parses them with (as parsed: typed). */
function parametersOf(schema: z.ZodObject, location: 'query' | 'path') {
  const { properties } = jsonSchema(schema, 'output') as { properties: Record<string, Record<string, unknown>> };
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: location,
    required: location === 'path',
    ...(typeof description === 'string' && { description }),
    schema: property,
  }));
}

/**
 * The OpenAPI 3.1 document of the Touchpoint API (/api/v1), generated from the schemas the handlers themselves use.
 * Bearer schemes may name roles in a security requirement (OpenAPI 3.1): each operation names the scope it needs.
 */
export function touchpointOpenApi() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Touchpoint API',
      version: '1.1.0',
      description:
        'Send customer answers (NPS, CSAT, CES, NEV, or time to resolution) from other systems, and read the ' +
        "organization's changes (weekly improvements and completed plan items) with what each did to the customers' " +
        'experience: its impact card. Executives create API keys in Settings → API keys.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An organization API key, "tp_…", sent as `Authorization: Bearer <key>`. A key has one or both scopes, ' +
            'chosen when it is created: `ingest` sends answers (POST /api/v1/responses; keys made before scopes ' +
            'have it) and `read` reads changes and their impact (GET /api/v1/changes…). A valid key without the ' +
            'scope an operation names is answered 403. Every operation takes from the same request rate per key.',
        },
      },
    },
    security: [{ apiKey: [] }],
    paths: {
      '/api/v1/responses': {
        post: {
          operationId: 'createResponses',
          summary: 'Store a batch of 1 to 1000 answers',
          description:
            `The body may be at most ${MAX_BODY_BYTES / 1024 / 1024} MB. A touchpoint is named by its id or its key. ` +
            'An answer whose externalId is already stored is counted as a duplicate and skipped, so re-sending a batch is safe.',
          security: [{ apiKey: ['ingest'] }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(responseBatchSchema, 'input') } },
          },
          responses: repliesOf(ingestReplies),
        },
      },
      '/api/v1/changes': {
        get: {
          operationId: 'listChanges',
          summary: 'List the changes dated in a range, newest first, with their impact',
          description:
            `At most ${MAX_PAGE} changes per page; follow \`nextCursor\` until it is null. Impact cards use the ` +
            "organization's default windows; `impact` is null until a change's card is first computed, and " +
            '`impact.stale` says a newer computation is on its way.',
          security: [{ apiKey: ['read'] }],
          parameters: parametersOf(changesQuerySchema, 'query'),
          responses: repliesOf(changesReplies),
        },
      },
      '/api/v1/changes/{kind}/{id}/impact': {
        get: {
          operationId: 'getChangeImpact',
          summary: "One change's impact card, for the default windows or others",
          description:
            "Without window parameters (or with the organization's defaults), the stored card. With others, a card " +
            'computed for them now and not stored; `impact.windows.defaults` is then false.',
          security: [{ apiKey: ['read'] }],
          parameters: [...parametersOf(impactPathSchema, 'path'), ...parametersOf(impactQuerySchema, 'query')],
          responses: repliesOf(impactReplies),
        },
      },
    },
  };
}
