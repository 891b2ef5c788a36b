/**
 * The public micro-survey's logic (what app/s/[token]/route.ts sends): a valid answer is stored with its rollup
 * and leads to the thank-you, bad answers show the form again with nothing stored, closed links look the same
 * as unknown ones, the per-address limit answers 429, and persona, channel and external id are kept.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSurveyLink } from '@/db/queries/survey-links';
import { metricRollups, surveyResponses } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture, uniqueSuffix } from '@/tests/fixtures/organizations';
import { createSurveyLink, rotateSurveyLink, setSurveyLinkEnabled } from '@/lib/commands/survey-links';
import { answerSurvey, showSurvey, SURVEY_THROTTLE } from '@/lib/survey/public-survey';
import { dataOf } from './helpers';

const db = useTestDatabase();
let own: OrganizationFixture;
let npsToken: string;
let npsLinkId: string;

beforeAll(async () => {
  ({ own } = await makeTwoOrganizations(db));
  npsLinkId = dataOf(
    await createSurveyLink.execute(db, own.lead.actor, { touchpointId: own.touchpointId, metric: 'nps' }),
  ).id;
  npsToken = (await findSurveyLink(db, own.organizationId, npsLinkId))!.token;
});

/** Each test answers from its own address, so the rate limit only matters where a test wants it to. */
const address = () => `203.0.113.${uniqueSuffix()}`;
const post = (token: string, fields: Record<string, string>, clientKey = address(), now?: Date) =>
  answerSurvey(db, { token, form: new URLSearchParams(fields), clientKey, now });

async function answersAt(touchpointId = own.touchpointId) {
  return db
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.organizationId, own.organizationId), eq(surveyResponses.touchpointId, touchpointId)));
}
async function rollupCount(score: number) {
  const rows = await db
    .select({ counts: metricRollups.counts })
    .from(metricRollups)
    .where(
      and(
        eq(metricRollups.organizationId, own.organizationId),
        eq(metricRollups.touchpointId, own.touchpointId),
        eq(metricRollups.metric, 'nps'),
      ),
    );
  return rows.reduce((sum, r) => sum + (r.counts[score] ?? 0), 0);
}

describe('showing the survey', () => {
  it("asks the NPS question with the organization's name, eleven choices and labelled ends, with no script", async () => {
    const reply = await showSurvey(db, npsToken, new URLSearchParams());
    expect(reply.status).toBe(200);
    expect(reply.html).toContain('How likely are you to recommend Own Org to a friend or colleague?');
    expect(reply.html!.match(/type="radio" name="score"/g)).toHaveLength(11);
    expect(reply.html).toContain('value="0"');
    expect(reply.html).toContain('value="10"');
    expect(reply.html).toContain('Not at all likely');
    expect(reply.html).toContain('Extremely likely');
    expect(reply.html).toContain('<html lang="en">');
    expect(reply.html).not.toContain('<script');
  });

  it('carries persona, channel and external id as hidden fields, escaped, and leaves out what is too long', async () => {
    const query = new URLSearchParams({ persona: ' Busy "parent" ', channel: 'email', ext: 'x'.repeat(201) });
    const reply = await showSurvey(db, npsToken, query);
    expect(reply.html).toContain('<input type="hidden" name="persona" value="Busy &quot;parent&quot;">');
    expect(reply.html).toContain('<input type="hidden" name="channel" value="email">');
    expect(reply.html).not.toContain('name="ext"');
  });

  it('shows the same "no longer open" page for an unknown token and a malformed one', async () => {
    for (const token of ['A'.repeat(22), '../../etc', '']) {
      const reply = await showSurvey(db, token, new URLSearchParams());
      expect(reply.status).toBe(404);
      expect(reply.html).toContain('This survey is no longer open');
      expect(reply.html).not.toContain('Own Org');
    }
  });
});

describe('answering', () => {
  it("stores a valid answer with its comment, adds it to the day's rollup and sends the browser to the thank-you", async () => {
    const before = await rollupCount(9);
    const reply = await post(npsToken, { score: '9', comment: 'Quick\r\nand kind' });
    expect(reply).toEqual({ status: 303, location: `/s/${npsToken}?thanks=1` });
    const stored = (await answersAt()).filter((a) => a.comment === 'Quick\nand kind');
    expect(stored).toMatchObject([
      { metric: 'nps', score: 9, source: 'survey', persona: null, channel: null, externalId: null },
    ]);
    expect(await rollupCount(9)).toBe(before + 1);
    const thanks = await showSurvey(db, npsToken, new URLSearchParams('thanks=1'));
    expect(thanks.status).toBe(200);
    expect(thanks.html).toContain('Thank you!');
  });

  it('refuses a score outside the scale, a missing score and a too long comment: the form again, nothing stored', async () => {
    const before = (await answersAt()).length;
    const rollupBefore = await rollupCount(10);
    for (const [fields, message] of [
      [{ score: '11' }, 'Please choose a number from 0 to 10.'],
      [{ score: '-1' }, 'Please choose a number from 0 to 10.'],
      [{ score: '7.5' }, 'Please choose a number from 0 to 10.'],
      [{ comment: 'no score' }, 'Please choose a number from 0 to 10.'],
      [{ score: '10', comment: 'x'.repeat(2001) }, 'Please keep your comment under 2000 characters (it has 2001).'],
    ] as const) {
      const reply = await post(npsToken, { ...fields, persona: 'Student' });
      expect(reply.status).toBe(422);
      expect(reply.html).toContain(message);
      // What the customer typed and where they came from are kept.
      expect(reply.html).toContain('name="persona" value="Student"');
      if ('comment' in fields) expect(reply.html).toContain(fields.comment.slice(0, 50));
    }
    expect((await answersAt()).length).toBe(before);
    expect(await rollupCount(10)).toBe(rollupBefore);
  });

  it('keeps the chosen score checked when only the comment is wrong', async () => {
    const reply = await post(npsToken, { score: '8', comment: 'y'.repeat(2001) });
    expect(reply.html).toContain('value="8" checked');
  });

  it('stores persona, channel and external id, and a re-sent external id once', async () => {
    const ext = `order-${uniqueSuffix()}`;
    const fields = { score: '3', persona: '  Busy parent ', channel: 'sms', ext };
    expect((await post(npsToken, fields)).status).toBe(303);
    expect((await post(npsToken, { ...fields, score: '10' })).status).toBe(303);
    const stored = (await answersAt()).filter((a) => a.externalId === ext);
    expect(stored).toMatchObject([{ score: 3, persona: 'Busy parent', channel: 'sms', source: 'survey' }]);
  });

  it("uses the scale of the link's metric: CSAT accepts 1 to 5 and refuses 0 and 6", async () => {
    const { id } = dataOf(
      await createSurveyLink.execute(db, own.lead.actor, { touchpointId: own.touchpointId, metric: 'csat' }),
    );
    const token = (await findSurveyLink(db, own.organizationId, id))!.token;
    expect((await showSurvey(db, token, new URLSearchParams())).html).toContain('How satisfied were you with Website?');
    expect((await post(token, { score: '0' })).status).toBe(422);
    expect((await post(token, { score: '6' })).status).toBe(422);
    expect((await post(token, { score: '5' })).status).toBe(303);
    expect((await answersAt()).filter((a) => a.metric === 'csat').map((a) => a.score)).toEqual([5]);
  });
});

describe('closed links', () => {
  it('a switched-off link answers 404 and stores nothing; switched on again, it works', async () => {
    const { id } = dataOf(
      await createSurveyLink.execute(db, own.executive.actor, { touchpointId: own.touchpointId, metric: 'nev' }),
    );
    const token = (await findSurveyLink(db, own.organizationId, id))!.token;
    dataOf(await setSurveyLinkEnabled.execute(db, own.executive.actor, { linkId: id, enabled: false }));
    expect((await showSurvey(db, token, new URLSearchParams())).status).toBe(404);
    const reply = await post(token, { score: '8' });
    expect(reply.status).toBe(404);
    expect(reply.html).toContain('This survey is no longer open');
    expect((await answersAt()).filter((a) => a.metric === 'nev')).toEqual([]);
    dataOf(await setSurveyLinkEnabled.execute(db, own.executive.actor, { linkId: id, enabled: true }));
    expect((await post(token, { score: '8' })).status).toBe(303);
  });

  it('a rotated-away token answers 404, the new one takes answers', async () => {
    const { id } = dataOf(
      await createSurveyLink.execute(db, own.executive.actor, { touchpointId: own.touchpointId, metric: 'ces' }),
    );
    const old = (await findSurveyLink(db, own.organizationId, id))!.token;
    dataOf(await rotateSurveyLink.execute(db, own.executive.actor, { linkId: id }));
    const fresh = (await findSurveyLink(db, own.organizationId, id))!.token;
    expect((await post(old, { score: '6' })).status).toBe(404);
    expect((await post(fresh, { score: '6' })).status).toBe(303);
  });
});

describe('the rate limit per address', () => {
  it(`accepts ${SURVEY_THROTTLE.maxAttempts} answers from one address in the window, then answers 429 and stores nothing`, async () => {
    const from = address();
    const now = new Date('2030-01-01T12:00:00Z');
    const ext = `limit-${uniqueSuffix()}`;
    for (let i = 0; i < SURVEY_THROTTLE.maxAttempts; i++) {
      expect((await post(npsToken, { score: '7', ext: `${ext}-${i}` }, from, now)).status).toBe(303);
    }
    const refused = await post(npsToken, { score: '7', ext: `${ext}-over` }, from, new Date(now.getTime() + 60_000));
    expect(refused.status).toBe(429);
    expect(refused.html).toContain('Too many answers from this connection');
    expect(refused.retryAfter).toBe(SURVEY_THROTTLE.windowMs / 1000 - 60);
    expect((await answersAt()).filter((a) => a.externalId === `${ext}-over`)).toEqual([]);
    // Another address is not affected, and the same one is welcome again after the window.
    expect((await post(npsToken, { score: '7' }, address(), now)).status).toBe(303);
    const later = new Date(now.getTime() + SURVEY_THROTTLE.windowMs);
    expect((await post(npsToken, { score: '7', ext: `${ext}-later` }, from, later)).status).toBe(303);
  });
});
