import { describe, expect, it } from 'vitest';
import { touchpointOpenApi } from './openapi';

describe('the OpenAPI document of the Touchpoint API', () => {
  const doc = touchpointOpenApi();
  const post = doc.paths['/api/v1/responses'].post;
  const list = doc.paths['/api/v1/changes'].get;
  const impact = doc.paths['/api/v1/changes/{kind}/{id}/impact'].get;
  const schemaOf = (reply: unknown) =>
    (reply as { content: { 'application/json': { schema: Record<string, unknown> } } }).content['application/json']
      .schema;

  it('is OpenAPI 3.1 with bearer-key security, whose description explains the two scopes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Touchpoint API');
    const scheme = doc.components.securitySchemes.apiKey;
    expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(scheme.description).toMatch(/`ingest` sends answers/);
    expect(scheme.description).toMatch(/`read` reads changes/);
    expect(doc.security).toEqual([{ apiKey: [] }]);
  });

  it('names the scope each operation needs', () => {
    expect(post.security).toEqual([{ apiKey: ['ingest'] }]);
    expect(list.security).toEqual([{ apiKey: ['read'] }]);
    expect(impact.security).toEqual([{ apiKey: ['read'] }]);
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

  it('documents every status the ingestion handler answers with, each with its JSON shape', () => {
    expect(Object.keys(post.responses)).toEqual(['201', '400', '401', '403', '404', '413', '422', '429', '500']);
    const invalid = schemaOf(post.responses['422']) as { required: string[] };
    expect(invalid.required).toEqual(expect.arrayContaining(['error', 'message', 'errors']));
    expect(schemaOf(post.responses['201'])).toMatchObject({
      properties: { stored: { type: 'integer' }, duplicates: { type: 'integer' } },
    });
    expect(schemaOf(post.responses['403'])).toMatchObject({ properties: { error: { const: 'forbidden' } } });
  });

  it('item 12: documents the rate limit on every operation: 429 with its Retry-After header', () => {
    for (const operation of [post, list, impact]) {
      const limited = operation.responses['429'] as unknown as { headers: Record<string, unknown>; content: object };
      expect(limited.headers['Retry-After']).toMatchObject({ schema: { type: 'integer', minimum: 1 } });
      expect(limited.content).toMatchObject({
        'application/json': { schema: { properties: { error: { const: 'rate_limited' } } } },
      });
    }
  });

  it('issue 11: lists changes with the documented query parameters and statuses', () => {
    expect(list.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['from', 'query', false],
      ['to', 'query', false],
      ['touchpoint', 'query', false],
      ['cursor', 'query', false],
      ['limit', 'query', false],
    ]);
    expect(list.parameters.find((p) => p.name === 'from')!.schema).toMatchObject({ type: 'string', format: 'date' });
    expect(list.parameters.find((p) => p.name === 'limit')!.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 500,
    });
    expect(Object.keys(list.responses)).toEqual(['200', '400', '401', '403', '429', '500']);
    const badRequest = schemaOf(list.responses['400']) as { required: string[] };
    expect(badRequest.required).toEqual(expect.arrayContaining(['error', 'message', 'errors']));
    expect(schemaOf(list.responses['200'])).toMatchObject({
      required: ['data', 'nextCursor'],
      properties: { data: { type: 'array' } },
    });
  });

  it("issue 11: each change's impact metric has exactly the issue's fields", () => {
    const page = schemaOf(list.responses['200']) as {
      properties: {
        data: { items: { properties: { impact: { anyOf: { properties?: Record<string, unknown> }[] } } } };
      };
    };
    const impactSchema = page.properties.data.items.properties.impact.anyOf.find((s) => s.properties)!;
    expect(Object.keys(impactSchema.properties!)).toEqual(['windows', 'stale', 'metrics']);
    const metric = (impactSchema.properties!.metrics as { items: { properties: Record<string, unknown> } }).items;
    expect(Object.keys(metric.properties).sort()).toEqual(
      [
        'metric',
        'target',
        'estimator',
        'estimate',
        'low',
        'high',
        'se',
        'p',
        'pAdjusted',
        'phi',
        'unit',
        'before',
        'after',
        'comparison',
        'verdict',
        'sentence',
        'warnings',
        'settle',
      ].sort(),
    );
  });

  it("issue 11: one change's impact takes the kind and id in the path and the windows in the query", () => {
    expect(impact.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['kind', 'path', true],
      ['id', 'path', true],
      ['baselineWeeks', 'query', false],
      ['washoutWeeks', 'query', false],
      ['afterWeeks', 'query', false],
    ]);
    expect(impact.parameters.find((p) => p.name === 'afterWeeks')!.schema).toMatchObject({
      type: 'integer',
      minimum: 2,
      maximum: 12,
    });
    expect(Object.keys(impact.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '429']));
    expect(schemaOf(impact.responses['404'])).toMatchObject({ properties: { error: { const: 'not_found' } } });
  });
});
