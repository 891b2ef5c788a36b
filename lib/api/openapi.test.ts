import { describe, expect, it } from 'vitest';
import { ingestionOpenApi } from './openapi';

describe('the OpenAPI document of the ingestion API', () => {
  const doc = ingestionOpenApi();
  const post = doc.paths['/api/v1/responses'].post;

  it('is OpenAPI 3.1 with bearer-key security', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ apiKey: [] }]);
  });

  it('describes the request body from the batch schema: 1 to 1000 answers with their fields', () => {
    const body = post.requestBody.content['application/json'].schema as unknown as {
      properties: { responses: Record<string, unknown> };
    };
    expect(body.properties.responses).toMatchObject({ type: 'array', minItems: 1, maxItems: 1000 });
    const item = body.properties.responses.items as { required: string[]; properties: Record<string, unknown> };
    expect(item.required).toEqual(['touchpoint', 'metric', 'score']);
    expect(Object.keys(item.properties)).toEqual(expect.arrayContaining(['comment', 'respondedAt', 'externalId']));
  });

  it('documents every status the handler answers with, each with its JSON shape', () => {
    expect(Object.keys(post.responses)).toEqual(['201', '400', '401', '404', '413', '422', '429', '500']);
    const invalid = post.responses['422']!.content['application/json'].schema as unknown as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(invalid.required).toEqual(expect.arrayContaining(['error', 'message', 'errors']));
    expect(post.responses['201']!.content['application/json'].schema).toMatchObject({
      properties: { stored: { type: 'integer' }, duplicates: { type: 'integer' } },
    });
  });

  it('item 12: documents the rate limit: 429 with its Retry-After header', () => {
    const limited = post.responses['429'] as unknown as { headers: Record<string, unknown>; content: object };
    expect(limited.headers['Retry-After']).toMatchObject({ schema: { type: 'integer', minimum: 1 } });
    expect(limited.content).toMatchObject({
      'application/json': { schema: { properties: { error: { const: 'rate_limited' } } } },
    });
  });
});
