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
import { leversQuerySchema, leversReplies } from './levers-schema';
import {
  touchpointMetricsQuerySchema,
  touchpointMetricsReplies,
  touchpointPathSchema,
  touchpointsReplies,
} from './touchpoints-schema';

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
      version: '1.2.0',
      description:
        'Send customer answers (NPS, CSAT, CES, NEV, or time to resolution) from other systems, and read the ' +
        "organization's touchpoints and their metrics, its changes (weekly improvements, completed plan items and " +
        "levers) with what each did to the customers' experience (its impact card), and its accelerators and " +
        'blockers ranked by what they did. Executives create API keys in Settings → API keys.',
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
            'have it) and `read` reads changes and their impact, touchpoints and their metrics, and levers (every ' +
            'GET). A valid key without the ' +
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
            'A change is a weekly improvement, a completed plan item (`plan-item`), or a lever: an accelerator put in ' +
            `place or a blocker removed. At most ${MAX_PAGE} changes per page; follow \`nextCursor\` until it is ` +
            "null. Impact cards use the organization's default windows; `impact` is null until a change's card is " +
            'first computed, and `impact.stale` says a newer computation is on its way.',
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
      '/api/v1/touchpoints': {
        get: {
          operationId: 'listTouchpoints',
          summary: "The organization's touchpoints, archived ones too, in journey order",
          description: 'Name a touchpoint by its id or its key in the other endpoints.',
          security: [{ apiKey: ['read'] }],
          responses: repliesOf(touchpointsReplies),
        },
      },
      '/api/v1/touchpoints/{id}/metrics': {
        get: {
          operationId: 'getTouchpointMetrics',
          summary: 'One metric at a touchpoint per week or month, with n and the 95% interval',
          description:
            "Computed from the daily rollups by the same code as the touchpoint page's chart, so both show the same " +
            'numbers for the same touchpoint, metric, range and bucket.',
          security: [{ apiKey: ['read'] }],
          parameters: [
            ...parametersOf(touchpointPathSchema, 'path'),
            ...parametersOf(touchpointMetricsQuerySchema, 'query'),
          ],
          responses: repliesOf(touchpointMetricsReplies),
        },
      },
      '/api/v1/levers': {
        get: {
          operationId: 'listLevers',
          summary: 'The accelerators and blockers, ranked by what they did, each with its impact card',
          description:
            "The register page's own ranking: measured levers by their effect on their target metric in units of " +
            "that metric's minimum meaningful change, shrunk by how uncertain it is (or by the interval's worse end " +
            'with fewer than six measured), then the others with the reason they are not ranked. With filters, the ' +
            'ranking is among the levers kept, as on the page.',
          security: [{ apiKey: ['read'] }],
          parameters: parametersOf(leversQuerySchema, 'query'),
          responses: repliesOf(leversReplies),
        },
      },
    },
  };
}
