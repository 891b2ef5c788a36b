/**
 * Issue 13, the rest of the read API: GET /api/v1/touchpoints, GET /api/v1/touchpoints/{id}/metrics and
 * GET /api/v1/levers, through their handlers and their routes. Who may read (a live key with the `read` scope),
 * another organization's ids (404 or 400, never a leak), the 400s with their per-field errors, that the metrics are
 * the touchpoint chart's own numbers (compared with the page's internal route, signed in, on the same answers), and
 * that the levers come ranked as the register page ranks them, each with the card GET /api/v1/changes serves.
 */
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { insertTouchpoint, updateTouchpoint } from '@/db/queries/journey';
import { findOrganization, updateOrganization } from '@/db/queries/organizations';
import { type NewResponse, recordResponses } from '@/db/queries/responses';
import { impactResults } from '@/db/schema';
import { changeImpactRequest, listChangesRequest } from '@/lib/api/changes';
import { changesReplies, impactReplies } from '@/lib/api/changes-schema';
import { listLeversRequest } from '@/lib/api/levers';
import { leversReplies } from '@/lib/api/levers-schema';
import { listTouchpointsRequest, touchpointMetricsRequest } from '@/lib/api/touchpoints';
import { touchpointMetricsReplies, touchpointsReplies } from '@/lib/api/touchpoints-schema';
import { createApiKey } from '@/lib/commands/api-keys';
import { addDays } from '@/lib/domain/weeks';
import { type ImpactCard, impactCardSchema } from '@/lib/impact/card-schema';
import { rankedRegister } from '@/lib/levers/ranked-register';
import type { TouchpointChartJson } from '@/lib/http/json';
import messages from '@/messages/en';
import { useTestDatabase } from '@/tests/fixtures/database';
import { insertFixtureLever } from '@/tests/fixtures/levers';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { dataOf } from './helpers';

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => state.db,
}));
vi.mock('@/lib/auth/session', () => ({ currentMember: async () => state.member }));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: 'en', messages, namespace: namespace as never }),
}));

const chartRoute = await import('@/app/api/touchpoints/[id]/metrics/route');
const touchpointsRoute = await import('@/app/api/v1/touchpoints/route');
const metricsRoute = await import('@/app/api/v1/touchpoints/[id]/metrics/route');
const leversRoute = await import('@/app/api/v1/levers/route');

const db = useTestDatabase();
let own: OrganizationFixture;
let other: OrganizationFixture;
const keys = { ingest: '', read: '', both: '', routes: '', otherRead: '' };
/** `own`'s touchpoints besides the fixture's Website: one in the next stage, one archived in the first. */
const tp = { checkout: '', basket: '' };

/** 02:00 UTC on a Monday is still Sunday 14 June 2026 in New York, the organizations' time zone. */
const NOW = new Date('2026-06-15T02:00:00Z');
const TODAY = '2026-06-14';
const RATE = { perSecond: 10_000, burst: 10_000 };
const NEW_YORK = { timeZone: 'America/New_York', weekStartsOn: 7 } as const;

async function keyFor(f: OrganizationFixture, scopes: string[] | undefined, name: string) {
  return dataOf(await createApiKey.execute(db, f.executive.actor, { name, ...(scopes && { scopes }) })).key;
}

/** `count` answers of `score` at noon in New York on `day`. */
function answers(touchpointId: string, metric: NewResponse['metric'], day: string, score: number, count: number) {
  return Array.from({ length: count }, () => ({
    touchpointId,
    metric,
    score,
    respondedAt: new Date(`${day}T16:00:00Z`),
    source: 'seed' as const,
  }));
}

/** Twelve weeks of answers at Website from Sunday 1 March 2026: NPS and CSAT that move week by week, some CES. */
function seededAnswers(touchpointId: string): NewResponse[] {
  const out: NewResponse[] = [];
  for (let week = 0; week < 12; week++) {
    const day = addDays('2026-03-01', 7 * week + 2);
    out.push(...answers(touchpointId, 'nps', day, 10, 10 + week));
    out.push(...answers(touchpointId, 'nps', day, 7, 5));
    out.push(...answers(touchpointId, 'nps', day, 2, 12 - week));
    out.push(...answers(touchpointId, 'csat', day, 5, 3 + (week % 4)));
    out.push(...answers(touchpointId, 'csat', day, 2, 2));
    if (week % 3 === 0)
      out.push(...answers(touchpointId, 'ces', day, 6, 8), ...answers(touchpointId, 'ces', day, 3, 4));
  }
  return out;
}

beforeAll(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
  state.db = db;
  for (const f of [own, other]) await updateOrganization(db, f.organizationId, { ...NEW_YORK, cesHeadline: 'share' });
  keys.ingest = await keyFor(own, undefined, 'Helpdesk');
  keys.read = await keyFor(own, ['read'], 'BI export');
  keys.both = await keyFor(own, ['ingest', 'read'], 'Both');
  keys.routes = await keyFor(own, ['read'], 'Through the routes');
  keys.otherRead = await keyFor(other, ['read'], 'Their BI');
  await updateTouchpoint(db, own.organizationId, own.touchpointId, { key: 'website' });
  const add = async (name: string, stageId: string, departmentId: string, channel: 'online' | 'offline') =>
    (await insertTouchpoint(db, own.organizationId, { name, stageId, departmentId, channel })).id;
  // Inserted before Basket, but its stage comes second on the journey.
  tp.checkout = await add('Checkout', own.emptyStageId, own.departmentB, 'offline');
  tp.basket = await add('Basket', own.stageId, own.departmentA, 'online');
  await updateTouchpoint(db, own.organizationId, tp.basket, { archived: true });
  await db.transaction((tx) =>
    recordResponses(tx, { id: own.organizationId, timeZone: NEW_YORK.timeZone }, seededAnswers(own.touchpointId)),
  );
});

function get(path: string, key: string | null) {
  return new Request(`http://test${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
}

/** The reply's status and body, with the body checked against the shape documented for that status. */
async function replyOf(
  response: Response,
  replies: Record<number, { schema: { safeParse: (v: unknown) => { success: boolean } } }>,
) {
  const body = await response.json();
  const documented = replies[response.status];
  expect(documented, `status ${response.status} is documented`).toBeDefined();
  expect(documented!.schema.safeParse(body).success, JSON.stringify(body)).toBe(true);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, body };
}

const touchpointList = async (key: string | null = keys.read) =>
  replyOf(await listTouchpointsRequest(db, get('/api/v1/touchpoints', key), NOW, RATE), touchpointsReplies);

const metrics = async (id: string, query = '', key: string | null = keys.read) =>
  replyOf(
    await touchpointMetricsRequest(db, get(`/api/v1/touchpoints/${id}/metrics${query}`, key), { id }, NOW, RATE),
    touchpointMetricsReplies,
  );

const leverList = async (query = '', key: string | null = keys.read) =>
  replyOf(await listLeversRequest(db, get(`/api/v1/levers${query}`, key), NOW, RATE), leversReplies);

describe('scopes', () => {
  it('answers 401 without a key or with an unknown one, on every read endpoint', async () => {
    const unknown = `tp_${'x'.repeat(43)}`;
    for (const key of [null, unknown]) {
      expect(await touchpointList(key)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
      expect(await metrics(own.touchpointId, '', key)).toMatchObject({ status: 401 });
      expect(await leverList('', key)).toMatchObject({ status: 401 });
    }
  });

  it('refuses a key with only the ingest scope with 403 naming the read scope', async () => {
    for (const reply of [
      await touchpointList(keys.ingest),
      await metrics(own.touchpointId, '', keys.ingest),
      await leverList('', keys.ingest),
    ]) {
      expect(reply).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      expect(reply.body.message).toContain('"read"');
    }
  });

  it('lets a read key and a key with both scopes read', async () => {
    for (const key of [keys.read, keys.both]) {
      expect((await touchpointList(key)).status).toBe(200);
      expect((await metrics(own.touchpointId, '', key)).status).toBe(200);
      expect((await leverList('', key)).status).toBe(200);
    }
  });

  it('answers through the routes as through the handlers, with the documented shapes', async () => {
    const call = async (response: Promise<Response>, replies: Parameters<typeof replyOf>[1]) =>
      replyOf(await response, replies);
    const listed = await call(touchpointsRoute.GET(get('/api/v1/touchpoints', keys.routes)), touchpointsReplies);
    expect(listed.status).toBe(200);
    const path = `/api/v1/touchpoints/website/metrics?metric=nps&from=2026-03-01&to=2026-03-28`;
    const params = { params: Promise.resolve({ id: 'website' }) };
    const measured = await call(metricsRoute.GET(get(path, keys.routes), params), touchpointMetricsReplies);
    expect(measured).toMatchObject({ status: 200, body: { touchpoint: { id: own.touchpointId }, metric: 'nps' } });
    expect((await call(leversRoute.GET(get('/api/v1/levers', keys.routes)), leversReplies)).status).toBe(200);
    expect((await call(leversRoute.GET(get('/api/v1/levers', keys.ingest)), leversReplies)).status).toBe(403);
  });
});

describe('GET /api/v1/touchpoints', () => {
  it('lists every touchpoint of the organization, archived ones too, stage by stage in journey order', async () => {
    const { status, body } = await touchpointList();
    expect(status).toBe(200);
    expect(body.data).toEqual([
      {
        id: own.touchpointId,
        name: 'Website',
        key: 'website',
        stage: { id: own.stageId, name: 'Discover' },
        phase: 'before',
        department: { id: own.departmentA, name: 'Sales' },
        channel: 'online',
        archived: false,
      },
      {
        id: tp.basket,
        name: 'Basket',
        key: null,
        stage: { id: own.stageId, name: 'Discover' },
        phase: 'before',
        department: { id: own.departmentA, name: 'Sales' },
        channel: 'online',
        archived: true,
      },
      {
        id: tp.checkout,
        name: 'Checkout',
        key: null,
        stage: { id: own.emptyStageId, name: 'Buy' },
        phase: 'during',
        department: { id: own.departmentB, name: 'Logistics' },
        channel: 'offline',
        archived: false,
      },
    ]);
  });

  it('shows each organization only its own', async () => {
    const { body } = await touchpointList(keys.otherRead);
    expect(body.data.map((t: { id: string }) => t.id)).toEqual([other.touchpointId]);
  });
});

describe('GET /api/v1/touchpoints/{id}/metrics', () => {
  /** The touchpoint page's chart data, from its internal route, signed in as the executive. */
  async function chartOf(touchpointId: string, query: string): Promise<TouchpointChartJson> {
    state.member = { actor: own.executive.actor, organization: await findOrganization(db, own.organizationId) };
    const response = await chartRoute.GET(
      new Request(`https://cx.test/api/touchpoints/${touchpointId}/metrics${query}`),
      {
        params: Promise.resolve({ id: touchpointId }),
      },
    );
    expect(response.status).toBe(200);
    return (await response.json()) as TouchpointChartJson;
  }

  it("equals the touchpoint chart's numbers for the same touchpoint, metric, range and bucket", async () => {
    const cases = [
      '?metric=nps&from=2026-03-01&to=2026-05-23&bucket=week',
      '?metric=csat&from=2026-02-15&to=2026-06-14&bucket=month',
      // The organization heads CES with the share of easy answers: the chart and the API alike.
      '?metric=ces&from=2026-03-04&to=2026-05-20&bucket=week',
      '?metric=nev&from=2026-03-01&to=2026-03-31&bucket=week',
    ];
    for (const query of cases) {
      const chart = await chartOf(own.touchpointId, query);
      const { status, body } = await metrics(own.touchpointId, query);
      expect(status, query).toBe(200);
      expect(body, query).toEqual({
        touchpoint: { id: own.touchpointId, name: 'Website' },
        metric: chart.metric,
        unit: chart.headline.unit,
        from: chart.from,
        to: chart.to,
        bucket: chart.bucket,
        data: chart.points.map(({ bucket, ...point }) => ({ start: bucket, ...point })),
      });
    }
  });

  it('gives each week the score of its answers: n, value, interval and the small-sample flag', async () => {
    const { body } = await metrics('website', '?metric=nps&from=2026-03-01&to=2026-03-21');
    expect(body.unit).toBe('points');
    expect(body.data.map((p: { start: string; n: number }) => [p.start, p.n])).toEqual([
      ['2026-03-01', 27],
      ['2026-03-08', 27],
      ['2026-03-15', 27],
    ]);
    // The first week: 10 promoters and 12 detractors of 27 -> NPS -7.41, under 30 answers.
    const [first, second] = body.data;
    expect(first.value).toBeCloseTo((100 * (10 - 12)) / 27, 8);
    expect(first.smallSample).toBe(true);
    expect(first.low).toBeLessThan(first.value);
    expect(first.high).toBeGreaterThan(first.value);
    expect(first.margin).toBeGreaterThan(0);
    // The second: 11 promoters, 11 detractors -> 0.
    expect(second.value).toBeCloseTo(0, 8);
    const ces = await metrics('website', '?metric=ces&from=2026-03-01&to=2026-03-14');
    expect(ces.body).toMatchObject({ unit: 'percent' });
    // 8 of 12 answered 5 or more.
    expect(ces.body.data[0]).toMatchObject({ n: 12, value: expect.closeTo((100 * 8) / 12, 8) });
  });

  it('keeps a bucket without answers in its place, with n 0 and no value', async () => {
    const { body } = await metrics(own.touchpointId, '?metric=nps&from=2026-05-17&to=2026-06-06');
    expect(body.data).toEqual([
      {
        start: '2026-05-17',
        n: 27,
        value: expect.any(Number),
        low: expect.any(Number),
        high: expect.any(Number),
        margin: expect.any(Number),
        smallSample: true,
      },
      { start: '2026-05-24', n: 0, value: null, low: null, high: null, margin: null, smallSample: false },
      { start: '2026-05-31', n: 0, value: null, low: null, high: null, margin: null, smallSample: false },
    ]);
  });

  it("without parameters: the six months up to today in the organization's time zone, by week, the busiest metric", async () => {
    const { status, body } = await metrics(own.touchpointId);
    expect(status).toBe(200);
    // Sunday weeks: six months before Sunday 14 June is 14 December, and its week starts that Sunday.
    expect(body).toMatchObject({ from: '2025-12-14', to: TODAY, bucket: 'week', metric: 'nps' });
    expect(body.data[0].start).toBe('2025-12-14');
    expect(body.data.at(-1).start).toBe(TODAY);
    const monthly = await metrics(own.touchpointId, '?to=2026-04-30&bucket=month&metric=csat');
    expect(monthly.body).toMatchObject({ from: '2025-11-01', to: '2026-04-30', bucket: 'month', metric: 'csat' });
    expect(monthly.body.data.map((p: { start: string }) => p.start)).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
    ]);
  });

  it('names the touchpoint by id or by key, in any case, and reads an archived one', async () => {
    for (const id of [own.touchpointId, own.touchpointId.toUpperCase(), 'website', 'WebSite']) {
      const { status, body } = await metrics(id, '?metric=nps&from=2026-03-01&to=2026-03-07');
      expect(status, id).toBe(200);
      expect(body.touchpoint).toEqual({ id: own.touchpointId, name: 'Website' });
      expect(body.data[0].n).toBe(27);
    }
    expect(await metrics(tp.basket, '?metric=nps')).toMatchObject({
      status: 200,
      body: { touchpoint: { name: 'Basket' } },
    });
  });

  it("answers 404 for another organization's touchpoint, an unknown id or key, and a malformed id", async () => {
    const cases = [
      other.touchpointId,
      '5f1d7a52-8c0e-4a7e-9d55-3b8c1f0a9e21',
      'no-such-key',
      'not-a-uuid',
      "1' OR '1'='1",
    ];
    for (const id of cases) {
      const { status, body } = await metrics(id, '?metric=nps&from=2026-03-01&to=2026-03-07');
      expect(status, id).toBe(404);
      expect(body.error).toBe('not_found');
      expect(body.message).toContain(id);
    }
    // Before the query is read: a bad id with bad parameters is still 404.
    expect((await metrics(other.touchpointId, '?metric=happiness')).status).toBe(404);
    // Their own key reads it.
    expect((await metrics(other.touchpointId, '', keys.otherRead)).status).toBe(200);
  });

  it('answers 400 per field for an unknown metric or bucket and malformed dates', async () => {
    const cases: [string, string[]][] = [
      ['?metric=happiness', ['metric']],
      ['?bucket=day', ['bucket']],
      ['?metric=NPS&bucket=year', ['metric', 'bucket']],
      ['?from=2026-13-01', ['from']],
      ['?from=yesterday&to=2026-02-30', ['from', 'to']],
    ];
    for (const [query, fields] of cases) {
      const { status, body } = await metrics(own.touchpointId, query);
      expect(status, query).toBe(400);
      expect(body.error).toBe('bad_request');
      expect(
        body.errors.map((e: { field: string }) => e.field),
        query,
      ).toEqual(fields);
      for (const e of body.errors) expect(e.message).not.toMatch(/^[\w-]+(\.[\w-]+)+$/);
    }
    const { body } = await metrics(own.touchpointId, '?metric=happiness&bucket=day');
    expect(body.errors).toEqual([
      { field: 'metric', message: 'Use one of: nps, csat, ces, nev, ttr.' },
      { field: 'bucket', message: 'Use one of: week, month.' },
    ]);
  });

  it('answers 400 on `from` for a range longer than the chart allows or reversed', async () => {
    // 1098 days is the chart's limit: 13 June 2023 to 14 June 2026, both included.
    expect((await metrics(own.touchpointId, '?from=2023-06-13&to=2026-06-14&bucket=month')).status).toBe(200);
    const long = await metrics(own.touchpointId, '?from=2023-06-12&to=2026-06-14&bucket=month');
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual([{ field: 'from', message: expect.stringContaining('1098 days') }]);
    // Without `to`, today is the end: a `from` long ago is as much too long.
    expect((await metrics(own.touchpointId, '?from=2020-01-01')).body.errors).toEqual([
      { field: 'from', message: expect.stringContaining('1098 days') },
    ]);
    const reversed = await metrics(own.touchpointId, '?from=2026-05-01&to=2026-04-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([{ field: 'from', message: expect.stringContaining('2026-05-01') }]);
    // A `from` after today, with no `to`.
    expect((await metrics(own.touchpointId, '?from=2026-07-01')).body.errors).toEqual([
      { field: 'from', message: expect.stringContaining(TODAY) },
    ]);
  });
});

describe('GET /api/v1/levers', () => {
  /** `own`'s levers by role in the tests. */
  const lever = { strong: '', noisy: '', waiting: '', planned: '', open: '', elsewhere: '' };
  let theirs: string;

  /** A stored card whose target metric (NPS) was measured with this effect, interval, SE and p. */
  function cardWith(
    touchpointId: string,
    effect: { estimate: number; low: number; high: number; se: number; p: number },
  ): ImpactCard {
    const side = (value: number, n: number) => ({ value, n });
    return impactCardSchema.parse({
      windows: {
        baselineWeeks: 4,
        washoutWeeks: 1,
        afterWeeks: 4,
        baseline: { from: '2026-03-01', to: '2026-03-28' },
        washout: { from: '2026-03-29', to: '2026-04-04' },
        after: { from: '2026-04-05', to: '2026-05-02' },
        defaults: true,
      },
      status: 'measured',
      metrics: [
        {
          metric: 'nps',
          measure: 'nps',
          target: true,
          direction: 'up',
          estimator: 'model',
          ...effect,
          pAdjusted: effect.p,
          phi: 1,
          df: null,
          unit: 'points',
          minChange: 5,
          precision: 10,
          before: side(10, 108),
          after: side(10 + effect.estimate, 112),
          touchpoints: [{ id: touchpointId, name: 'Website', before: side(10, 108), after: side(25, 112) }],
          comparison: [],
          verdict: effect.p < 0.05 ? 'better' : 'inconclusive',
          collectingWeek: null,
          heldApart: [],
          joint: [],
          indistinct: [],
          warnings: [],
          placebo: null,
          settle: { status: 'settled' },
          weeks: [],
        },
      ],
      changesInWindow: [],
    });
  }

  async function storeCard(leverId: string, card: ImpactCard) {
    await db.insert(impactResults).values({
      organizationId: own.organizationId,
      changeKind: 'lever',
      changeId: leverId,
      windowStart: card.windows.baseline.from,
      windowEnd: card.windows.after.to,
      stale: false,
      card,
      computedAt: NOW,
    });
  }

  beforeAll(async () => {
    const inPlace = { state: 'in-place' as const, effectiveDate: '2026-03-31' };
    lever.strong = await insertFixtureLever(db, own, {
      kind: 'accelerator',
      name: 'Case studies on the website',
      ...inPlace,
    });
    // A larger raw effect with a wide interval: its estimate would put it first, the worse end of its interval does not.
    lever.noisy = await insertFixtureLever(db, own, {
      kind: 'accelerator',
      name: 'Flexible delivery options',
      ...inPlace,
    });
    lever.waiting = await insertFixtureLever(db, own, {
      kind: 'blocker',
      name: 'Contact details hidden on the website',
      state: 'removed',
      effectiveDate: '2026-06-01',
      knownSince: '2025-11-01',
    });
    lever.planned = await insertFixtureLever(db, own, { kind: 'accelerator', name: 'Better communication' });
    lever.open = await insertFixtureLever(db, own, {
      kind: 'blocker',
      name: "No knowledge of the customer's history",
      knownSince: '2026-01-10',
      departmentId: own.departmentB,
      touchpointIds: [tp.checkout],
    });
    theirs = await insertFixtureLever(db, other, { kind: 'accelerator', name: 'Their lever', ...inPlace });
    await storeCard(lever.strong, cardWith(own.touchpointId, { estimate: 15, low: 5, high: 25, se: 5.1, p: 0.003 }));
    await storeCard(lever.noisy, cardWith(own.touchpointId, { estimate: 20, low: -10, high: 50, se: 15.3, p: 0.19 }));
  });

  it('ranks the measured levers as the register page does, then lists the others with why they are not ranked', async () => {
    const { status, body } = await leverList();
    expect(status).toBe(200);
    const register = await rankedRegister(db, own.organizationId);
    expect(body.rankedBy).toBe(register.by);
    // Two measured levers: ordered by the worse end of the interval, so the sure one comes first.
    expect(body.rankedBy).toBe('lower-bound');
    expect(body.data.map((l: { id: string }) => l.id)).toEqual([
      lever.strong,
      lever.noisy,
      ...register.unranked.map((l) => l.id),
    ]);
    expect(register.unranked.map((l) => l.name)).toEqual([
      'Better communication',
      'Contact details hidden on the website',
      "No knowledge of the customer's history",
    ]);
    for (const ranked of register.ranked) {
      const item = body.data.find((l: { id: string }) => l.id === ranked.id);
      const { rank, scaled, scaledLow, scaledHigh, shrunk, clear } = ranked.ranking;
      expect(item).toMatchObject({ ranking: { rank, scaled, scaledLow, scaledHigh, shrunk, clear }, notRanked: null });
    }
    const [strong, noisy, planned, waiting, open] = body.data;
    // NPS in units of its minimum meaningful change (5 points): 15 -> 3, from 1 to 5.
    expect(strong.ranking).toMatchObject({ rank: 1, scaled: 3, scaledLow: 1, scaledHigh: 5, clear: true });
    expect(noisy.ranking).toMatchObject({ rank: 2, scaled: 4, scaledLow: -2, clear: false });
    expect([planned.notRanked, waiting.notRanked, open.notRanked]).toEqual(['planned', 'waiting', 'open']);
    for (const unranked of [planned, waiting, open]) expect(unranked.ranking).toBeNull();
    expect(JSON.stringify(body)).not.toContain(theirs);
  });

  it('gives each lever its fields, its department and touchpoints', async () => {
    const { body } = await leverList();
    expect(body.data.find((l: { id: string }) => l.id === lever.open)).toEqual({
      id: lever.open,
      kind: 'blocker',
      name: "No knowledge of the customer's history",
      description: '',
      state: 'open',
      knownSince: '2026-01-10',
      effectiveDate: null,
      department: { id: own.departmentB, name: 'Logistics' },
      touchpoints: [{ id: tp.checkout, name: 'Checkout' }],
      metric: 'nps',
      direction: 'up',
      ranking: null,
      notRanked: 'open',
      impact: null,
    });
  });

  it("serves each lever's impact exactly as GET /api/v1/changes serves the lever as a change", async () => {
    const { body } = await leverList();
    const changes = await replyOf(
      await listChangesRequest(db, get('/api/v1/changes?from=2026-01-01&to=2026-06-14', keys.read), NOW, RATE),
      changesReplies,
    );
    const asChanges = changes.body.data.filter((c: { kind: string }) => c.kind === 'lever');
    // Levers in effect are changes, dated when they took effect; planned and open ones are not.
    expect(asChanges.map((c: { id: string; date: string }) => [c.id, c.date]).sort()).toEqual(
      [
        [lever.strong, '2026-03-31'],
        [lever.noisy, '2026-03-31'],
        [lever.waiting, '2026-06-01'],
      ].sort(),
    );
    for (const change of asChanges) {
      const item = body.data.find((l: { id: string }) => l.id === change.id);
      expect(item.impact).toEqual(change.impact);
      const card = await replyOf(
        await changeImpactRequest(db, get('/x', keys.read), { kind: 'lever', id: change.id }, NOW, RATE),
        impactReplies,
      );
      expect(card.body.impact).toEqual(item.impact);
    }
    const strong = body.data.find((l: { id: string }) => l.id === lever.strong);
    expect(strong.impact.metrics[0]).toMatchObject({ metric: 'nps', target: true, estimate: 15, verdict: 'better' });
    expect(strong.impact.metrics[0].sentence).toMatch(/^NPS at Website rose about 15 points/);
  });

  it('filters by kind, state, touchpoint (id or key) and department', async () => {
    const ids = async (query: string) => {
      const { status, body } = await leverList(query);
      expect(status, query).toBe(200);
      return body.data.map((l: { id: string }) => l.id).sort();
    };
    const sorted = (...xs: string[]) => [...xs].sort();
    expect(await ids('?kind=blocker')).toEqual(sorted(lever.waiting, lever.open));
    expect(await ids('?state=in-place')).toEqual(sorted(lever.strong, lever.noisy));
    expect(await ids('?kind=accelerator&state=planned')).toEqual([lever.planned]);
    expect(await ids(`?touchpoint=${tp.checkout}`)).toEqual([lever.open]);
    expect(await ids('?touchpoint=WEBSITE')).toEqual(sorted(lever.strong, lever.noisy, lever.waiting, lever.planned));
    expect(await ids(`?department=${own.departmentB}`)).toEqual([lever.open]);
    expect(await ids('?kind=blocker&state=in-place')).toEqual([]);
  });

  it("answers 400 per field for an unknown kind or state, and another organization's or unknown touchpoint or department", async () => {
    const cases: [string, string[]][] = [
      ['?kind=booster', ['kind']],
      ['?state=done&kind=blocker', ['state']],
      [`?touchpoint=${other.touchpointId}`, ['touchpoint']],
      ['?touchpoint=no-such-key', ['touchpoint']],
      [`?department=${other.departmentA}`, ['department']],
      ['?department=Sales', ['department']],
      [`?touchpoint=nowhere&department=${other.departmentB}`, ['touchpoint', 'department']],
    ];
    for (const [query, fields] of cases) {
      const { status, body } = await leverList(query);
      expect(status, query).toBe(400);
      expect(
        body.errors.map((e: { field: string }) => e.field),
        query,
      ).toEqual(fields);
    }
    expect((await leverList('?kind=booster')).body.errors).toEqual([
      { field: 'kind', message: 'Use one of: accelerator, blocker.' },
    ]);
    expect((await leverList('?department=Sales')).body.errors[0].message).toContain('"Sales"');
  });
});
