/**
 * POST /api/v1/responses through its handler: who may send (a live key of the organization), what is refused
 * (with per-item errors and nothing stored), and what a stored batch changes (answers and rollups, once).
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { markApiKeyRevoked } from '@/db/queries/api-keys';
import { updateTouchpoint } from '@/db/queries/journey';
import { rollupHistograms } from '@/db/queries/metrics';
import { apiKeys, surveyResponses } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { snapshotOrganization } from '@/tests/fixtures/snapshots';
import { ingestResponses } from '@/lib/api/ingest';
import { createApiKey } from '@/lib/commands/api-keys';
import { ingestReplies } from '@/lib/validation/responses-api';
import { dataOf } from './helpers';

const db = useTestDatabase();
let own: OrganizationFixture;
let other: OrganizationFixture;
let key: string;
let otherKey: string;

beforeAll(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
  key = dataOf(await createApiKey.execute(db, own.executive.actor, { name: 'Helpdesk' })).key;
  otherKey = dataOf(await createApiKey.execute(db, other.executive.actor, { name: 'Other helpdesk' })).key;
  // A first use notes the time on the key (then at most once a minute), so later snapshots compare only the data.
  for (const k of [key, otherKey]) await post({ responses: [] }, `Bearer ${k}`);
});

function post(body: unknown, authorization: string | null = `Bearer ${key}`, raw = false) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  return ingestResponses(
    db,
    new Request('http://test/api/v1/responses', {
      method: 'POST',
      headers,
      body: raw ? (body as string) : JSON.stringify(body),
    }),
  );
}

/** The reply's status and body, with the body checked against the shape documented for that status. */
async function replyOf(response: Response) {
  const body = await response.json();
  const documented = ingestReplies[response.status as keyof typeof ingestReplies];
  expect(documented, `status ${response.status} is documented`).toBeDefined();
  expect(documented.schema.safeParse(body).success, JSON.stringify(body)).toBe(true);
  // Messages are sentences from the catalog, never a bare catalog key.
  for (const message of [body.message, ...(body.errors ?? []).map((e: { message: string }) => e.message)]) {
    if (message !== undefined) expect(message).not.toMatch(/^[\w-]+(\.[\w-]+)+$/);
  }
  return { status: response.status, body };
}

const answer = (overrides: Record<string, unknown> = {}) => ({
  touchpoint: own.touchpointId,
  metric: 'nps',
  score: 9,
  ...overrides,
});

async function answerCount(organizationId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(eq(surveyResponses.organizationId, organizationId));
  return row!.n;
}

describe('authorization', () => {
  it('refuses a request without a key with 401 and a bearer challenge', async () => {
    const response = await post({ responses: [answer()] }, null);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await replyOf(response)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
  });

  it('refuses a wrong key, and a malformed header, with 401', async () => {
    for (const header of [`Bearer tp_${'x'.repeat(43)}`, `Bearer ${key.slice(0, -1)}y`, 'Basic dXNlcjpwYXNz', key]) {
      const response = await post({ responses: [answer()] }, header);
      expect(response.headers.get('www-authenticate')).toContain('invalid_token');
      expect((await replyOf(response)).status).toBe(401);
    }
    expect(await answerCount(own.organizationId)).toBe(0);
  });

  it('refuses a revoked key with 401, and nothing is stored', async () => {
    const revoked = dataOf(await createApiKey.execute(db, own.executive.actor, { name: 'Old export' }));
    await markApiKeyRevoked(db, own.organizationId, revoked.id);
    const before = await snapshotOrganization(db, own.organizationId);
    const { status, body } = await replyOf(await post({ responses: [answer()] }, `Bearer ${revoked.key}`));
    expect(status).toBe(401);
    expect(body.message).toMatch(/revoked/);
    expect(await snapshotOrganization(db, own.organizationId)).toBe(before);
  });

  it("answers 404 for another organization's touchpoint, lists it, and stores nothing in either organization", async () => {
    const before = [
      await snapshotOrganization(db, own.organizationId),
      await snapshotOrganization(db, other.organizationId),
    ];
    const { status, body } = await replyOf(
      await post({
        responses: [answer(), answer({ touchpoint: other.touchpointId }), answer({ touchpoint: 'no-such-key' })],
      }),
    );
    expect(status).toBe(404);
    expect(body.errors).toEqual([
      expect.objectContaining({ index: 1, field: 'touchpoint', touchpoint: other.touchpointId }),
      expect.objectContaining({ index: 2, field: 'touchpoint', touchpoint: 'no-such-key' }),
    ]);
    expect([
      await snapshotOrganization(db, own.organizationId),
      await snapshotOrganization(db, other.organizationId),
    ]).toEqual(before);
  });

  it("stores with one organization's key only in that organization", async () => {
    const { status } = await replyOf(
      await post({ responses: [{ touchpoint: other.touchpointId, metric: 'csat', score: 5 }] }, `Bearer ${otherKey}`),
    );
    expect(status).toBe(201);
    expect(await answerCount(other.organizationId)).toBe(1);
    expect(await answerCount(own.organizationId)).toBe(0);
  });
});

describe('validation: the whole batch or nothing', () => {
  it('answers 422 for an out-of-range score, naming the item and field, and stores nothing', async () => {
    const before = await snapshotOrganization(db, own.organizationId);
    const { status, body } = await replyOf(
      await post({ responses: [answer(), answer({ metric: 'csat', score: 6 }), answer({ score: 11 })] }),
    );
    expect(status).toBe(422);
    expect(body.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
      [1, 'score'],
      [2, 'score'],
    ]);
    expect(body.errors[0].message).toMatch(/1.*5/);
    expect(body.errors[1].message).toMatch(/0.*10/);
    expect(await snapshotOrganization(db, own.organizationId)).toBe(before);
  });

  it('answers 422 for an empty list and for 1001 answers, and stores nothing', async () => {
    const before = await snapshotOrganization(db, own.organizationId);
    for (const responses of [[], Array.from({ length: 1001 }, (_, i) => answer({ externalId: `big-${i}` }))]) {
      const { status, body } = await replyOf(await post({ responses }));
      expect(status).toBe(422);
      expect(body.errors).toEqual([
        expect.objectContaining({ index: null, field: 'responses', message: expect.stringContaining('1000') }),
      ]);
    }
    expect(await snapshotOrganization(db, own.organizationId)).toBe(before);
  });

  it('answers 422 when a field is missing, of the wrong type, or the date is in the future', async () => {
    const { status, body } = await replyOf(
      await post({
        responses: [
          { touchpoint: own.touchpointId, metric: 'nps' },
          answer({ score: '9' }),
          answer({ metric: 'happiness' }),
          answer({ respondedAt: new Date(Date.now() + 86_400_000).toISOString() }),
        ],
      }),
    );
    expect(status).toBe(422);
    expect(body.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
      [0, 'score'],
      [1, 'score'],
      [2, 'metric'],
      [3, 'respondedAt'],
    ]);
  });

  it('answers 422 for the whole body when it is not an object with a list', async () => {
    for (const body of [[answer()], { answers: [answer()] }, 'text']) {
      expect((await replyOf(await post(body))).status).toBe(422);
    }
  });

  it('answers 400 when the body is not JSON and 413 when it is larger than 2 MB', async () => {
    expect(await replyOf(await post('{"responses": [', undefined, true))).toMatchObject({
      status: 400,
      body: { error: 'bad_request' },
    });
    const huge = JSON.stringify({ responses: [answer({ comment: 'x'.repeat(2 * 1024 * 1024) })] });
    expect(await replyOf(await post(huge, undefined, true))).toMatchObject({
      status: 413,
      body: { error: 'too_large' },
    });
  });

  it('answers 422 for an archived touchpoint', async () => {
    const { own: org } = await makeTwoOrganizations(db);
    const orgKey = dataOf(await createApiKey.execute(db, org.executive.actor, { name: 'Archive test' })).key;
    await updateTouchpoint(db, org.organizationId, org.touchpointId, { archived: true });
    const { status, body } = await replyOf(
      await post({ responses: [{ touchpoint: org.touchpointId, metric: 'nps', score: 3 }] }, `Bearer ${orgKey}`),
    );
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      expect.objectContaining({ index: 0, field: 'touchpoint', message: expect.stringMatching(/archived/) }),
    ]);
    expect(await answerCount(org.organizationId)).toBe(0);
  });
});

describe('storing', () => {
  it('stores a valid batch, updates the rollups, and a re-sent batch stores nothing twice', async () => {
    const { own: org } = await makeTwoOrganizations(db);
    const orgKey = dataOf(await createApiKey.execute(db, org.executive.actor, { name: 'Store test' })).key;
    const batch = {
      responses: [
        {
          touchpoint: org.touchpointId,
          metric: 'nps',
          score: 10,
          respondedAt: '2026-03-02T10:00:00+02:00',
          externalId: 't-1',
          comment: 'Quick!',
        },
        {
          touchpoint: org.touchpointId,
          metric: 'nps',
          score: 3,
          respondedAt: '2026-03-02T11:00:00Z',
          externalId: 't-2',
        },
        {
          touchpoint: org.touchpointId,
          metric: 'ttr',
          score: 1.5,
          respondedAt: '2026-03-03T11:00:00Z',
          externalId: 't-3',
        },
      ],
    };
    expect(await replyOf(await post(batch, `Bearer ${orgKey}`))).toEqual({
      status: 201,
      body: { stored: 3, duplicates: 0 },
    });
    expect(await replyOf(await post(batch, `Bearer ${orgKey}`))).toEqual({
      status: 201,
      body: { stored: 0, duplicates: 3 },
    });
    const rows = await rollupHistograms(db, org.organizationId, {
      from: '2026-03-01',
      to: '2026-03-31',
      bucket: 'total',
      weekStartsOn: 1,
    });
    expect(rows.map((r) => [r.metric, [...r.histogram].sort()])).toEqual(
      expect.arrayContaining([
        [
          'nps',
          [
            [10, 1],
            [3, 1],
          ],
        ],
        ['ttr', [[90, 1]]], // 1.5 hours are stored as 90 minutes
      ]),
    );
    const stored = await db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.organizationId, org.organizationId));
    expect(stored).toHaveLength(3);
    expect(stored.every((r) => r.source === 'api')).toBe(true);
  });

  it('counts an externalId repeated inside one batch once', async () => {
    const { status, body } = await replyOf(
      await post({ responses: [answer({ externalId: 'same' }), answer({ externalId: 'same', score: 2 })] }),
    );
    expect(status).toBe(201);
    expect(body).toEqual({ stored: 1, duplicates: 1 });
  });

  it('finds a touchpoint by its key, in any case, and dates an answer without a date now', async () => {
    const { own: org } = await makeTwoOrganizations(db);
    const orgKey = dataOf(await createApiKey.execute(db, org.executive.actor, { name: 'Key test' })).key;
    await updateTouchpoint(db, org.organizationId, org.touchpointId, { key: 'checkout-page' });
    const sent = Date.now();
    const { status } = await replyOf(
      await post(
        {
          responses: [
            { touchpoint: 'checkout-page', metric: 'ces', score: 6 },
            { touchpoint: 'Checkout-Page', metric: 'ces', score: 2 },
          ],
        },
        `Bearer ${orgKey}`,
      ),
    );
    expect(status).toBe(201);
    const stored = await db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.organizationId, org.organizationId));
    expect(stored.map((r) => r.touchpointId)).toEqual([org.touchpointId, org.touchpointId]);
    expect(stored[0]!.respondedAt.getTime()).toBeGreaterThanOrEqual(sent - 1000);
  });

  it('notes when the key was last used', async () => {
    const [row] = await db
      .select({ lastUsedAt: apiKeys.lastUsedAt })
      .from(apiKeys)
      .where(eq(apiKeys.organizationId, own.organizationId))
      .orderBy(apiKeys.createdAt)
      .limit(1);
    expect(row!.lastUsedAt).toBeInstanceOf(Date);
  });
});
