/**
 * The public survey's rate limit (issue 10, item 9): the token is checked before anything is written, the limit
 * counts the address our own server vouches for (lib/http/client-address.ts), never a client's X-Forwarded-For, and
 * the limiter's table is kept small a few stale rows at a time, never by reading the whole of it.
 */
import { like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { findSurveyLink } from '@/db/queries/survey-links';
import { takeAttempt } from '@/db/queries/throttle';
import { throttles } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture, uniqueSuffix } from '@/tests/fixtures/organizations';
import { createSurveyLink, setSurveyLinkEnabled } from '@/lib/commands/survey-links';
import { CLIENT_ADDRESS_HEADER, markFrontDoor } from '@/lib/http/forwarded.mjs';
import { answerSurvey, SURVEY_THROTTLE } from '@/lib/survey/public-survey';
import { dataOf } from './helpers';

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => state.db,
}));
const { POST } = await import('@/app/s/[token]/route');

const db = useTestDatabase();
let own: OrganizationFixture;
let token: string;

beforeAll(async () => {
  markFrontDoor(); // as under scripts/server.mjs, which sets the client address header
  state.db = db;
  ({ own } = await makeTwoOrganizations(db));
  const { id } = dataOf(
    await createSurveyLink.execute(db, own.lead.actor, { touchpointId: own.touchpointId, metric: 'nps' }),
  );
  token = (await findSurveyLink(db, own.organizationId, id))!.token;
});

const surveyRows = () => db.select().from(throttles).where(like(throttles.key, 'survey:%'));

/** A form post to /s/<token> as a browser on this site sends it, with the given request headers. */
function postForm(to: string, headers: Record<string, string>) {
  return POST(
    new Request(`https://cx.test/s/${to}`, {
      method: 'POST',
      body: 'score=9',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...headers },
    }),
    { params: Promise.resolve({ token: to }) },
  );
}

describe('item 9: the public survey checks its token before it writes anything', () => {
  it('an unknown, malformed or switched-off link answers 404 and leaves no row in the rate limiter', async () => {
    const before = (await surveyRows()).length;
    const { id } = dataOf(
      await createSurveyLink.execute(db, own.executive.actor, { touchpointId: own.touchpointId, metric: 'csat' }),
    );
    const closed = (await findSurveyLink(db, own.organizationId, id))!.token;
    dataOf(await setSurveyLinkEnabled.execute(db, own.executive.actor, { linkId: id, enabled: false }));
    for (const [i, unknown] of ['A'.repeat(22), '../../etc', '', closed].entries()) {
      const reply = await answerSurvey(db, {
        token: unknown,
        form: new URLSearchParams({ score: '3' }),
        clientKey: `198.51.100.${i}`,
      });
      expect(reply.status).toBe(404);
    }
    expect((await surveyRows()).length).toBe(before);
  });
});

describe('item 9: the limit counts the address our server vouches for', () => {
  it('30 answers from one address are accepted whatever X-Forwarded-For says, the 31st is refused', async () => {
    const address = `192.0.2.${Number.parseInt(uniqueSuffix(), 16) % 250}`;
    for (let i = 0; i < SURVEY_THROTTLE.maxAttempts; i++) {
      const response = await postForm(token, { [CLIENT_ADDRESS_HEADER]: address, 'x-forwarded-for': `203.0.113.${i}` });
      expect(response.status).toBe(303);
    }
    const refused = await postForm(token, { [CLIENT_ADDRESS_HEADER]: address, 'x-forwarded-for': '203.0.113.250' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same X-Forwarded-For from another address is another sender.
    const other = await postForm(token, { [CLIENT_ADDRESS_HEADER]: '192.0.2.251', 'x-forwarded-for': '203.0.113.250' });
    expect(other.status).toBe(303);
    expect((await surveyRows()).map((r) => r.key)).not.toContain('survey:203.0.113.250');
  });
});

describe('item 9: the limiter forgets stale keys a few at a time', () => {
  it('a new window forgets at most 100 keys unused for a day, oldest first, never a fresh or a locked one', async () => {
    await db.delete(throttles);
    const now = new Date('2031-01-01T12:00:00Z');
    const dayAgo = now.getTime() - 24 * 60 * 60_000;
    await db.execute(sql`
      INSERT INTO sign_in_throttles (key, failures, window_started_at)
      SELECT 'survey:stale-' || i, 1, ${new Date(dayAgo).toISOString()}::timestamptz - make_interval(secs => i)
      FROM generate_series(1, 250) AS i`);
    await db.execute(sql`
      INSERT INTO sign_in_throttles (key, failures, window_started_at)
      SELECT 'survey:fresh-' || i, 1, ${new Date(dayAgo).toISOString()}::timestamptz + make_interval(secs => i)
      FROM generate_series(1, 50) AS i`);
    await db.insert(throttles).values({
      key: 'account:locked@example.test',
      attempts: 5,
      windowStartedAt: new Date(dayAgo - 60 * 60_000),
      lockedUntil: new Date(now.getTime() + 60_000),
    });
    const keys = async (prefix: string) =>
      (
        await db
          .select()
          .from(throttles)
          .where(like(throttles.key, `${prefix}%`))
      ).map((r) => r.key);

    await takeAttempt(db, 'survey:newcomer-1', SURVEY_THROTTLE, now);
    const stale = await keys('survey:stale-');
    expect(stale).toHaveLength(150);
    // The oldest went first.
    expect(stale).not.toContain('survey:stale-250');
    expect(stale).toContain('survey:stale-1');
    expect(await keys('survey:fresh-')).toHaveLength(50);
    expect(await keys('account:locked@')).toHaveLength(1);

    // Every new window forgets some more, until none is left.
    for (let i = 2; i <= 3; i++) await takeAttempt(db, `survey:newcomer-${i}`, SURVEY_THROTTLE, now);
    expect(await keys('survey:stale-')).toEqual([]);
    expect(await keys('survey:fresh-')).toHaveLength(50);
  });
});
