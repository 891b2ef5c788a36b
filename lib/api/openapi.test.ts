import { describe, expect, it } from 'vitest';
import { touchpointOpenApi } from './openapi';

describe('the OpenAPI document of the Touchpoint API', () => {
  const doc = touchpointOpenApi();
  const post = doc.paths['/api/v1/responses'].post;
  const list = doc.paths['/api/v1/changes'].get;
  const impact = doc.paths['/api/v1/changes/{kind}/{id}/impact'].get;
  const touchpoints = doc.paths['/api/v1/touchpoints'].get;
  const touchpointMetrics = doc.paths['/api/v1/touchpoints/{id}/metrics'].get;
  const levers = doc.paths['/api/v1/levers'].get;
  const schemaOf = (reply: unknown) =>
    (reply as { content: { 'application/json': { schema: Record<string, unknown> } } }).content['application/json']
      .schema;

  it('is OpenAPI 3.1 with bearer-key security, whose description explains the two scopes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Touchpoint API');
    const scheme = doc.components.securitySchemes.apiKey;
    expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(scheme.description).toMatch(/`ingest` sends answers/);
    expect(scheme.description).toMatch(
      /`read` reads changes and their impact, touchpoints and their metrics, and levers/,
    );
    expect(doc.security).toEqual([{ apiKey: [] }]);
  });

  it('names the scope each operation needs', () => {
    expect(post.security).toEqual([{ apiKey: ['ingest'] }]);
    expect(list.security).toEqual([{ apiKey: ['read'] }]);
    expect(impact.security).toEqual([{ apiKey: ['read'] }]);
    for (const operation of [touchpoints, touchpointMetrics, levers]) {
      expect(operation.security).toEqual([{ apiKey: ['read'] }]);
    }
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
    for (const operation of [post, list, impact, touchpoints, touchpointMetrics, levers]) {
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

  it('issue 13: the kind of a change may be a lever, in the path and in every item', () => {
    const kind = impact.parameters.find((p) => p.name === 'kind')!;
    expect(kind.schema).toMatchObject({ enum: ['improvement', 'plan-item', 'lever'] });
    expect(kind.description).toMatch(/lever/);
    const page = schemaOf(list.responses['200']) as {
      properties: { data: { items: { properties: { kind: { enum: string[] } } } } };
    };
    expect(page.properties.data.items.properties.kind.enum).toEqual(['improvement', 'plan-item', 'lever']);
  });

  it("issue 13: lists touchpoints with the issue's fields; it takes no parameters and never answers 400", () => {
    expect(touchpoints).not.toHaveProperty('parameters');
    expect(Object.keys(touchpoints.responses)).toEqual(['200', '401', '403', '429', '500']);
    const body = schemaOf(touchpoints.responses['200']) as {
      properties: { data: { items: { required: string[] } } };
    };
    expect(body.properties.data.items.required).toEqual([
      'id',
      'name',
      'key',
      'stage',
      'phase',
      'department',
      'channel',
      'archived',
    ]);
  });

  it("issue 13: a touchpoint's metrics take the chart's parameters and give n, value, interval, margin per bucket", () => {
    expect(touchpointMetrics.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['id', 'path', true],
      ['metric', 'query', false],
      ['from', 'query', false],
      ['to', 'query', false],
      ['bucket', 'query', false],
    ]);
    const param = (name: string) => touchpointMetrics.parameters.find((p) => p.name === name)!;
    expect(param('metric').schema).toMatchObject({ enum: ['nps', 'csat', 'ces', 'nev', 'ttr'] });
    expect(param('bucket').schema).toMatchObject({ enum: ['week', 'month'] });
    expect(param('from').schema).toMatchObject({ type: 'string', format: 'date' });
    expect(param('to').description).toMatch(/at most 1098 days/);
    expect(Object.keys(touchpointMetrics.responses)).toEqual(['200', '400', '401', '403', '404', '429', '500']);
    const body = schemaOf(touchpointMetrics.responses['200']) as {
      properties: { data: { items: { required: string[] } } };
    };
    expect(body.properties.data.items.required).toEqual([
      'start',
      'n',
      'value',
      'low',
      'high',
      'margin',
      'smallSample',
    ]);
    expect(schemaOf(touchpointMetrics.responses['404'])).toMatchObject({
      properties: { error: { const: 'not_found' } },
    });
  });

  it('issue 13: lists levers with their filters, their ranking and the same impact as a change', () => {
    expect(levers.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['kind', 'query', false],
      ['state', 'query', false],
      ['touchpoint', 'query', false],
      ['department', 'query', false],
    ]);
    expect(levers.parameters[0]!.schema).toMatchObject({ enum: ['accelerator', 'blocker'] });
    expect(levers.parameters[1]!.schema).toMatchObject({ enum: ['planned', 'in-place', 'open', 'removed'] });
    expect(Object.keys(levers.responses)).toEqual(['200', '400', '401', '403', '429', '500']);
    type Nullable = { anyOf: { properties?: Record<string, unknown> }[]; description?: string };
    const body = schemaOf(levers.responses['200']) as {
      required: string[];
      properties: { data: { items: { properties: { ranking: Nullable; impact: Nullable } } } };
    };
    expect(body.required).toEqual(['rankedBy', 'data']);
    const item = body.properties.data.items.properties;
    const ranking = item.ranking.anyOf.find((s) => s.properties)!;
    expect(Object.keys(ranking.properties!)).toEqual(['rank', 'scaled', 'scaledLow', 'scaledHigh', 'shrunk', 'clear']);
    const page = schemaOf(list.responses['200']) as {
      properties: { data: { items: { properties: { impact: Nullable } } } };
    };
    // The same card schema; only its description says where it comes from.
    const { description: _lever, ...leverImpact } = item.impact;
    const { description: _change, ...changeImpact } = page.properties.data.items.properties.impact;
    expect(leverImpact).toEqual(changeImpact);
  });
});
