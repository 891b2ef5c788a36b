/**
 * POST /api/v1/responses before it reads a body: the key is checked first (issue 10, item 8), then the key's
 * request rate (item 12: by default 20 per second with bursts of 40, answered 429 with Retry-After), then a body
 * over the limit is refused by its length (item 8). The rate is kept in the database, so every server process
 * shares it and parallel requests each take their own token.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { surveyResponses } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { apiRatePolicy, ingestResponses } from '@/lib/api/ingest';
import { createApiKey } from '@/lib/commands/api-keys';
import { ingestReplies, MAX_BODY_BYTES } from '@/lib/validation/responses-api';
import { dataOf } from './helpers';

const db = useTestDatabase();
let own: OrganizationFixture;
let key: string;
let otherKey: string;

beforeAll(async () => {
  ({ own } = await makeTwoOrganizations(db));
  key = dataOf(await createApiKey.execute(db, own.executive.actor, { name: 'Shop' })).key;
  otherKey = dataOf(await createApiKey.execute(db, own.executive.actor, { name: 'Helpdesk' })).key;
});

let serial = 0;
const batch = () =>
  JSON.stringify({
    responses: [{ touchpoint: own.touchpointId, metric: 'nps', score: 7, externalId: `rate-${(serial += 1)}` }],
  });

function post(withKey: string | null, now: Date, body: BodyInit = batch(), headers: Record<string, string> = {}) {
  return ingestResponses(
    db,
    new Request('http://test/api/v1/responses', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(withKey && { authorization: `Bearer ${withKey}` }),
        ...headers,
      },
      body,
      duplex: 'half',
    } as RequestInit),
    now,
  );
}

/** A body that counts how much of it the server reads. */
function countedBody() {
  const counter = { pulls: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulls += 1;
      if (counter.pulls > 4) return controller.close();
      controller.enqueue(new TextEncoder().encode(' '.repeat(1024 * 1024)));
    },
  });
  return { stream, counter };
}

const stored = async () =>
  (await db.select().from(surveyResponses).where(eq(surveyResponses.organizationId, own.organizationId))).length;

describe('item 12: the request rate per API key', () => {
  it('the default is 20 per second with bursts of 40', () => {
    expect(apiRatePolicy()).toEqual({ perSecond: 20, burst: 40 });
  });

  it('41 quick requests with one key: the 41st is refused with 429 and Retry-After; another key is unaffected', async () => {
    const now = new Date('2031-03-01T10:00:00Z');
    for (let i = 0; i < 40; i++) expect((await post(key, now)).status).toBe(201);
    const before = await stored();
    const refused = await post(key, now);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const body = await refused.json();
    expect(ingestReplies[429].schema.safeParse(body).success).toBe(true);
    expect(body).toEqual({
      error: 'rate_limited',
      message:
        'This key sent more requests than its rate allows; nothing was stored. Send again in 1 second, or send more answers per request.',
    });
    expect(await stored()).toBe(before);
    expect((await post(otherKey, now)).status).toBe(201);
    // Once Retry-After has passed, one more goes through; the steady rate is one request per 50 ms.
    expect((await post(key, new Date(now.getTime() + 1000))).status).toBe(201);
  });

  it('parallel requests each take their own token: of 50 at once, 40 get through', async () => {
    const now = new Date('2031-03-02T10:00:00Z');
    const statuses = await Promise.all(Array.from({ length: 50 }, () => post(key, now).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(40);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it('a refused request is not read', async () => {
    const now = new Date('2031-03-03T10:00:00Z');
    for (let i = 0; i < 40; i++) await post(otherKey, now);
    const { stream, counter } = countedBody();
    expect((await post(otherKey, now, stream)).status).toBe(429);
    expect(counter.pulls).toBeLessThanOrEqual(1);
  });
});

describe('item 8: /api/v1 reads no body before it knows the sender', () => {
  it('checks the key before reading the body: missing, malformed or unknown keys get 401 and nothing is read', async () => {
    const now = new Date('2031-03-04T10:00:00Z');
    for (const withKey of [null, 'not-a-key', `tp_${'x'.repeat(43)}`]) {
      const { stream, counter } = countedBody();
      expect((await post(withKey, now, stream)).status).toBe(401);
      expect(counter.pulls, String(withKey)).toBeLessThanOrEqual(1);
    }
  });

  it('refuses a body over 2 MB with 413 by its Content-Length, before reading it', async () => {
    const now = new Date('2031-03-05T10:00:00Z');
    const { stream, counter } = countedBody();
    const response = await post(key, now, stream, { 'content-length': String(MAX_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(counter.pulls).toBeLessThanOrEqual(1);
  });

  it('stops reading a body without a length as soon as it passes 2 MB', async () => {
    const now = new Date('2031-03-06T10:00:00Z');
    const { stream, counter } = countedBody();
    expect((await post(key, now, stream)).status).toBe(413);
    expect(counter.pulls).toBeLessThanOrEqual(MAX_BODY_BYTES / (1024 * 1024) + 2);
  });
});
