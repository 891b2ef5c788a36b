import { z } from 'zod';
import { responseBatchSchema } from '@/lib/validation/responses';
import { ingestReplies, MAX_BODY_BYTES } from '@/lib/validation/responses-api';

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

/** The OpenAPI 3.1 document of the ingestion API, generated from the schemas the handler itself uses. */
export function ingestionOpenApi() {
  const responses = Object.fromEntries(
    Object.entries(ingestReplies).map(([status, { schema, description }]) => [
      status,
      {
        description,
        content: { 'application/json': { schema: jsonSchema(schema, 'output') } },
        ...(status === '429' && { headers: { 'Retry-After': retryAfter } }),
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Touchpoint ingestion API',
      version: '1.0.0',
      description:
        'Send customer answers (NPS, CSAT, CES, NEV, or time to resolution) from other systems. A batch is validated as a whole: ' +
        'either every answer is stored, in one transaction, or none is. Executives create API keys in Settings → API keys.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An organization API key, "tp_…", sent as `Authorization: Bearer <key>`.',
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
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(responseBatchSchema, 'input') } },
          },
          responses,
        },
      },
    },
  };
}
