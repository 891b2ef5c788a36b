/**
 * Issue 11, the read API: GET /api/v1/changes and GET /api/v1/changes/{kind}/{id}/impact through their handlers.
 * Who may read (a live key with the `read` scope), what another organization's ids look like (404, never a leak),
 * paging (every change once, newest first), the 400s with their per-field errors, and the items with and without a
 * stored impact card.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { changesBetween, findChange } from '@/db/queries/changes';
import { setPlanItemTouchpoints } from '@/db/queries/plans';
import { updateTouchpoint } from '@/db/queries/journey';
import { impactResults, planItems } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeOrganization, makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { insertFixtureImprovement } from '@/tests/fixtures/weekly';
import { changeImpactRequest, decodeCursor, encodeCursor, listChangesRequest } from '@/lib/api/changes';
import { changesReplies, impactReplies } from '@/lib/api/changes-schema';
import { ingestResponses } from '@/lib/api/ingest';
import { createApiKey } from '@/lib/commands/api-keys';
import { type ImpactCard, impactCardSchema } from '@/lib/impact/card-schema';
import { dataOf } from './helpers';

const db = useTestDatabase();
let own: OrganizationFixture;
let other: OrganizationFixture;
/** Keys of `own`, one per combination of scopes. */
const keys = { ingest: '', read: '', both: '' };
let otherReadKey: string;
/** `own`'s changes: an improvement at its touchpoint (with a stored card), a done plan item, one without touchpoints. */
const ids = { improvement: '', planItem: '', noTouchpoint: '', otherImprovement: '' };

const NOW = new Date('2026-06-15T12:00:00Z');
/** Plenty, so that only the rate test meets the limit. */
const RATE = { perSecond: 10_000, burst: 10_000 };

async function keyFor(f: OrganizationFixture, scopes: string[] | undefined, name: string) {
  return dataOf(await createApiKey.execute(db, f.executive.actor, { name, ...(scopes && { scopes }) })).key;
}

/** A comparison touchpoint named in the stored card (the card is data: its ids need not exist). */
const COMPARISON_ID = '3d9c2c1e-6a4b-4f8e-9c2d-7e1f0a5b6c4d';

/** A card as the engine stores it: NPS measured by the model, inconclusive. */
function storedCard(touchpointId: string): ImpactCard {
  const side = (value: number, n: number) => ({ value, n });
  return impactCardSchema.parse({
    windows: {
      baselineWeeks: 4,
      washoutWeeks: 1,
      afterWeeks: 4,
      baseline: { from: '2026-03-02', to: '2026-03-29' },
      washout: { from: '2026-03-30', to: '2026-04-05' },
      after: { from: '2026-04-06', to: '2026-05-03' },
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
        estimate: 15.933,
        low: -6.27,
        high: 38.14,
        se: 11.329,
        p: 0.1596,
        pAdjusted: 0.1596,
        phi: 1,
        df: null,
        unit: 'points',
        minChange: 5,
        precision: 10,
        before: side(10, 120),
        after: side(29.091, 110),
        touchpoints: [{ id: touchpointId, name: 'Website', before: side(10, 120), after: side(29.091, 110) }],
        comparison: [{ id: COMPARISON_ID, name: 'Parcel' }],
        verdict: 'inconclusive',
        collectingWeek: null,
        heldApart: [],
        joint: [],
        indistinct: [],
        warnings: [{ code: 'regression-to-mean', values: { lastWeek: -12 } }],
        placebo: null,
        settle: { status: 'never', detectable: 5, longerBaseline: null },
        weeks: [],
      },
    ],
    changesInWindow: [],
  });
}

beforeAll(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
  keys.ingest = await keyFor(own, undefined, 'Helpdesk');
  keys.read = await keyFor(own, ['read'], 'BI export');
  keys.both = await keyFor(own, ['ingest', 'read'], 'Both');
  otherReadKey = await keyFor(other, ['read'], 'Their BI');
  await updateTouchpoint(db, own.organizationId, own.touchpointId, { key: 'website' });

  ids.improvement = await insertFixtureImprovement(db, own.organizationId, {
    departmentId: own.departmentA,
    weekStart: '2026-03-30',
    effectiveDate: '2026-04-01',
    createdBy: own.executive.userId,
    title: 'Shorter checkout form',
    touchpointIds: [own.touchpointId],
  });
  ids.noTouchpoint = await insertFixtureImprovement(db, own.organizationId, {
    departmentId: own.departmentB,
    weekStart: '2026-03-30',
    effectiveDate: '2026-03-31',
    createdBy: own.executive.userId,
    title: 'New onboarding for packers',
  });
  ids.planItem = (
    await db
      .insert(planItems)
      .values({
        organizationId: own.organizationId,
        departmentId: own.departmentA,
        createdBy: own.executive.userId,
        title: 'Live chat on the website',
        status: 'done',
        completedAt: new Date('2026-05-04T09:00:00Z'),
        effectiveDate: '2026-05-04',
        investment: 1200.5,
        metric: 'csat',
        direction: 'up',
      })
      .returning({ id: planItems.id })
  )[0]!.id;
  await setPlanItemTouchpoints(db, own.organizationId, ids.planItem, [own.touchpointId]);
  // Neither an item not done nor another organization's change is ever listed.
  await db.insert(planItems).values({
    organizationId: own.organizationId,
    departmentId: own.departmentA,
    title: 'Still planned',
    status: 'planned',
    effectiveDate: '2026-05-05',
  });
  ids.otherImprovement = await insertFixtureImprovement(db, other.organizationId, {
    departmentId: other.departmentA,
    weekStart: '2026-03-30',
    effectiveDate: '2026-04-01',
    createdBy: other.executive.userId,
    title: 'Their change',
    touchpointIds: [other.touchpointId],
  });
  await db.insert(impactResults).values({
    organizationId: own.organizationId,
    changeKind: 'improvement',
    changeId: ids.improvement,
    windowStart: '2026-03-02',
    windowEnd: '2026-05-03',
    stale: false,
    card: storedCard(own.touchpointId),
    computedAt: NOW,
  });
  // A plan item queued for its first computation: a row, no card yet.
  await db.insert(impactResults).values({
    organizationId: own.organizationId,
    changeKind: 'plan-item',
    changeId: ids.planItem,
    windowStart: '2026-04-06',
    windowEnd: '2026-06-07',
  });
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

async function list(query: string, key: string | null = keys.read, now = NOW) {
  return replyOf(await listChangesRequest(db, get(`/api/v1/changes${query}`, key), now, RATE), changesReplies);
}

async function impact(kind: string, id: string, query = '', key: string | null = keys.read) {
  return replyOf(
    await changeImpactRequest(db, get(`/api/v1/changes/${kind}/${id}/impact${query}`, key), { kind, id }, NOW, RATE),
    impactReplies,
  );
}

function post(key: string) {
  return ingestResponses(
    db,
    new Request('http://test/api/v1/responses', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ responses: [{ touchpoint: own.touchpointId, metric: 'nps', score: 9 }] }),
    }),
    NOW,
    RATE,
  );
}

describe('scopes', () => {
  it('refuses a key without the read scope with 403 on both read endpoints', async () => {
    const listed = await list('', keys.ingest);
    expect(listed).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(listed.body.message).toContain('"read"');
    expect(await impact('improvement', ids.improvement, '', keys.ingest)).toMatchObject({ status: 403 });
  });

  it('refuses a read-only key with 403 on POST /api/v1/responses, before the body is read', async () => {
    const response = await post(keys.read);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'forbidden', message: expect.stringContaining('"ingest"') });
    const unread = new Request('http://test/api/v1/responses', {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.read}`, 'content-type': 'application/json' },
      body: 'not json at all',
    });
    // Without the scope the body is never parsed: 403, not 400.
    expect((await ingestResponses(db, unread, NOW, RATE)).status).toBe(403);
  });

  it('lets a key with both scopes read and send, and a read key read', async () => {
    expect((await list('', keys.both)).status).toBe(200);
    expect((await impact('improvement', ids.improvement, '', keys.both)).status).toBe(200);
    expect((await post(keys.both)).status).toBe(201);
    expect((await list('', keys.read)).status).toBe(200);
    expect((await post(keys.ingest)).status).toBe(201);
  });

  it('answers 401 without a key or with an unknown one, before the scope', async () => {
    expect(await list('', null)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect(await list('', `tp_${'x'.repeat(43)}`)).toMatchObject({ status: 401 });
    expect(await impact('improvement', ids.improvement, '', null)).toMatchObject({ status: 401 });
  });

  it("item 12: the read endpoints take from the key's one request rate, shared with POST responses", async () => {
    const limited = await keyFor(own, ['ingest', 'read'], 'Rate');
    const tight = { perSecond: 1, burst: 2 };
    const at = new Date('2031-01-01T00:00:00Z');
    const read = () => listChangesRequest(db, get('/api/v1/changes', limited), at, tight);
    expect((await read()).status).toBe(200);
    expect(
      (await changeImpactRequest(db, get('/x', limited), { kind: 'improvement', id: ids.improvement }, at, tight))
        .status,
    ).toBe(200);
    const refused = await read();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
    const sent = await ingestResponses(
      db,
      new Request('http://test/api/v1/responses', {
        method: 'POST',
        headers: { authorization: `Bearer ${limited}`, 'content-type': 'application/json' },
        body: JSON.stringify({ responses: [{ touchpoint: own.touchpointId, metric: 'nps', score: 9 }] }),
      }),
      at,
      tight,
    );
    expect(sent.status).toBe(429);
  });
});

describe('GET /api/v1/changes', () => {
  it("lists the organization's improvements and done plan items in the range, newest first, and nothing else", async () => {
    const { status, body } = await list('?from=2026-01-01&to=2026-06-30');
    expect(status).toBe(200);
    expect(body.data.map((c: { kind: string; id: string }) => [c.kind, c.id])).toEqual([
      ['plan-item', ids.planItem],
      ['improvement', ids.improvement],
      ['improvement', ids.noTouchpoint],
    ]);
    expect(body.nextCursor).toBeNull();
    expect(JSON.stringify(body)).not.toContain(ids.otherImprovement);
  });

  it('gives each change its department and touchpoints; without a stored card, impact is null', async () => {
    const { body } = await list('?from=2026-01-01&to=2026-06-30');
    const [planItem, , noTouchpoint] = body.data;
    expect(planItem).toEqual({
      kind: 'plan-item',
      id: ids.planItem,
      title: 'Live chat on the website',
      date: '2026-05-04',
      department: { id: own.departmentA, name: 'Sales' },
      touchpoints: [{ id: own.touchpointId, name: 'Website' }],
      impact: null,
    });
    expect(noTouchpoint).toMatchObject({ touchpoints: [], department: { name: 'Logistics' }, impact: null });
  });

  it("serves a stored card's windows and, per metric, exactly the documented fields", async () => {
    const { body } = await list('?from=2026-01-01&to=2026-06-30');
    const improvement = body.data[1];
    expect(improvement.impact.stale).toBe(false);
    expect(improvement.impact.windows).toMatchObject({
      baselineWeeks: 4,
      washoutWeeks: 1,
      afterWeeks: 4,
      defaults: true,
    });
    const [metric] = improvement.impact.metrics;
    expect(Object.keys(metric)).toEqual([
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
    ]);
    expect(metric).toMatchObject({
      metric: 'nps',
      target: true,
      estimator: 'model',
      estimate: 15.933,
      low: -6.27,
      high: 38.14,
      p: 0.1596,
      unit: 'points',
      before: { value: 10, n: 120 },
      after: { value: 29.091, n: 110 },
      comparison: [{ id: COMPARISON_ID, name: 'Parcel' }],
      verdict: 'inconclusive',
      warnings: [{ code: 'regression-to-mean', values: { lastWeek: -12 } }],
      settle: { status: 'never', detectable: 5, longerBaseline: null },
    });
    expect(metric.sentence).toEqual(expect.any(String));
    expect(metric.sentence.length).toBeGreaterThan(0);
  });

  it('says a card waiting for its recomputation is stale', async () => {
    await db.execute(sql`UPDATE impact_results SET stale = true WHERE change_id = ${ids.improvement}::uuid`);
    try {
      const { body } = await list('?from=2026-01-01&to=2026-06-30');
      expect(body.data[1].impact).toMatchObject({ stale: true, metrics: [expect.objectContaining({ metric: 'nps' })] });
    } finally {
      await db.execute(sql`UPDATE impact_results SET stale = false WHERE change_id = ${ids.improvement}::uuid`);
    }
  });

  it('keeps to the range, inclusive at both ends', async () => {
    const { body } = await list('?from=2026-03-31&to=2026-04-01');
    expect(body.data.map((c: { id: string }) => c.id)).toEqual([ids.improvement, ids.noTouchpoint]);
    expect((await list('?from=2026-04-02&to=2026-05-03')).body.data).toEqual([]);
  });

  it("without dates, reads the 365 days up to today in the organization's time zone", async () => {
    // Its own key: the rate is kept per key, and these requests are a year later than the others.
    const later = await keyFor(own, ['read'], 'Later');
    // 2026-05-04 is in the default range on 2027-05-03, and out of it a day later.
    const inRange = await list('', later, new Date('2027-05-03T12:00:00Z'));
    expect(inRange.body.data.map((c: { id: string }) => c.id)).toEqual([ids.planItem]);
    const outOfRange = await list('', later, new Date('2027-05-05T12:00:00Z'));
    expect(outOfRange.body.data).toEqual([]);
  });

  it('filters by touchpoint, named by id or by key in any case', async () => {
    for (const touchpoint of [own.touchpointId, 'website', 'WebSite']) {
      const { status, body } = await list(`?from=2026-01-01&to=2026-06-30&touchpoint=${touchpoint}`);
      expect(status).toBe(200);
      expect(body.data.map((c: { id: string }) => c.id)).toEqual([ids.planItem, ids.improvement]);
    }
  });

  it("answers 400 naming the touchpoint for an unknown one or another organization's", async () => {
    for (const touchpoint of [other.touchpointId, 'no-such-touchpoint']) {
      const { status, body } = await list(`?from=2026-01-01&to=2026-06-30&touchpoint=${touchpoint}`);
      expect(status).toBe(400);
      expect(body.errors).toEqual([{ field: 'touchpoint', message: expect.stringContaining(touchpoint) }]);
    }
  });

  it('answers 400 with per-field errors for bad dates, a reversed or too long range, and a bad limit', async () => {
    const cases: [string, string[]][] = [
      ['?from=2026-13-01', ['from']],
      ['?from=yesterday&to=2026-02-30', ['from', 'to']],
      ['?from=2026-06-01&to=2026-05-01', ['from']],
      ['?from=2023-01-01&to=2026-06-30', ['from']],
      ['?limit=0', ['limit']],
      ['?limit=501', ['limit']],
      ['?limit=ten', ['limit']],
    ];
    for (const [query, fields] of cases) {
      const { status, body } = await list(query);
      expect(status, query).toBe(400);
      expect(body.error).toBe('bad_request');
      expect(
        body.errors.map((e: { field: string }) => e.field),
        query,
      ).toEqual(fields);
      for (const e of body.errors) expect(e.message).not.toMatch(/^[\w-]+(\.[\w-]+)+$/);
    }
    // Three years is the limit: 2023-06-30 to 2026-06-30 is allowed.
    expect((await list('?from=2023-06-30&to=2026-06-30')).status).toBe(200);
  });

  it('answers 400 for a cursor it did not give out', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01', 'idea', ids.improvement])).toString('base64url');
    for (const cursor of ['not-a-cursor', 'e30', forged, '%%%']) {
      const { status, body } = await list(`?cursor=${encodeURIComponent(cursor)}`);
      expect(status, cursor).toBe(400);
      expect(body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
    }
  });
});

describe('paging', () => {
  let paged: OrganizationFixture;
  let pagedKey: string;
  /** Every change of the paged organization, newest first, as the API orders them. */
  let expected: string[];

  beforeAll(async () => {
    paged = await makeOrganization(db, 'Paged Org');
    pagedKey = await keyFor(paged, ['read'], 'Pager');
    // 520 improvements cheaply: two departments, one a day for 260 days, both on the same days (ties by kind, id)...
    await db.execute(sql`
      INSERT INTO weekly_improvements (organization_id, department_id, week_start, effective_date, title)
      SELECT ${paged.organizationId}::uuid, d.id, day, day, 'Improvement ' || day::text || ' ' || d.name
      FROM generate_series('2025-01-01'::date, '2025-09-17'::date, interval '1 day') AS day,
        (VALUES (${paged.departmentA}::uuid, 'A'), (${paged.departmentB}::uuid, 'B')) AS d(id, name)`);
    // ...and done plan items on some of the same days, so one date holds both kinds.
    await db.execute(sql`
      INSERT INTO plan_items (organization_id, department_id, title, status, effective_date)
      SELECT ${paged.organizationId}::uuid, ${paged.departmentA}::uuid, 'Plan item ' || n, 'done',
        '2025-01-01'::date + (n * 7)
      FROM generate_series(0, 30) AS n`);
    const all = await changesBetween(db, paged.organizationId, '2025-01-01', '2025-12-31');
    expect(all).toHaveLength(520 + 31);
    expected = all
      .map((c) => `${c.date}|${c.kind}|${c.id}`)
      .sort()
      .reverse();
  });

  const pageOf = async (query: string) => {
    const { status, body } = await list(`?from=2025-01-01&to=2025-12-31${query}`, pagedKey);
    expect(status).toBe(200);
    return body as { data: { kind: string; id: string; date: string }[]; nextCursor: string | null };
  };

  it('gives at most 500 changes per page by default, and the cursor reaches the rest', async () => {
    const first = await pageOf('');
    expect(first.data).toHaveLength(500);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await pageOf(`&cursor=${first.nextCursor}`);
    expect(second.data).toHaveLength(51);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.data, ...second.data].map((c) => `${c.date}|${c.kind}|${c.id}`);
    expect(seen).toEqual(expected);
  });

  it('walks every change once, newest first, with no duplicates or gaps, whatever the page size', async () => {
    for (const limit of [7, 50]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await pageOf(`&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.data.length).toBeLessThanOrEqual(limit);
        seen.push(...page.data.map((c) => `${c.date}|${c.kind}|${c.id}`));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(Math.ceil(expected.length / limit));
      expect(seen).toEqual(expected);
    }
  });

  it("has an opaque cursor that encodes the last item's position", () => {
    const position = { date: '2025-03-01', kind: 'plan-item' as const, id: ids.planItem };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(encodeCursor(position)).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('GET /api/v1/changes/{kind}/{id}/impact', () => {
  it('serves the stored card for the default windows, given or not', async () => {
    for (const query of ['', '?baselineWeeks=4&washoutWeeks=1&afterWeeks=4', '?afterWeeks=4']) {
      const { status, body } = await impact('improvement', ids.improvement, query);
      expect(status, query).toBe(200);
      expect(body).toMatchObject({
        kind: 'improvement',
        id: ids.improvement,
        title: 'Shorter checkout form',
        date: '2026-04-01',
        department: { id: own.departmentA, name: 'Sales' },
        touchpoints: [{ id: own.touchpointId, name: 'Website' }],
        impact: { stale: false, metrics: [expect.objectContaining({ metric: 'nps', verdict: 'inconclusive' })] },
      });
    }
  });

  it('answers impact null for a change whose card is not computed yet', async () => {
    const { status, body } = await impact('plan-item', ids.planItem);
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'plan-item', id: ids.planItem, impact: null });
  });

  it("answers 404 for another organization's change, an unknown id, a wrong kind and a plan item not done", async () => {
    const cases: [string, string][] = [
      ['improvement', ids.otherImprovement],
      ['improvement', '5f1d7a52-8c0e-4a7e-9d55-3b8c1f0a9e21'],
      ['plan-item', ids.improvement],
      ['improvement', ids.planItem],
      ['lever', ids.improvement],
      ['idea', ids.improvement],
      ['improvement', 'not-an-id'],
    ];
    for (const [kind, id] of cases) {
      const { status, body } = await impact(kind, id);
      expect(status, `${kind}/${id}`).toBe(404);
      expect(body.error).toBe('not_found');
    }
    // Their own key reads it.
    expect((await impact('improvement', ids.otherImprovement, '', otherReadKey)).status).toBe(200);
  });

  it('answers 400 with per-field errors for windows outside the limits', async () => {
    const cases: [string, string[]][] = [
      ['?baselineWeeks=1', ['baselineWeeks']],
      ['?washoutWeeks=3&afterWeeks=13', ['washoutWeeks', 'afterWeeks']],
      ['?afterWeeks=4.5', ['afterWeeks']],
      ['?baselineWeeks=many', ['baselineWeeks']],
    ];
    for (const [query, fields] of cases) {
      const { status, body } = await impact('improvement', ids.improvement, query);
      expect(status, query).toBe(400);
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    }
  });

  it('computes a card for other windows on request, says they are not the defaults, and stores nothing', async () => {
    const before = await db.execute(
      sql`SELECT card::text FROM impact_results WHERE change_id = ${ids.improvement}::uuid`,
    );
    const { status, body } = await impact('improvement', ids.improvement, '?baselineWeeks=8&afterWeeks=8');
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'improvement', id: ids.improvement, title: 'Shorter checkout form' });
    expect(body.impact.windows).toMatchObject({ baselineWeeks: 8, washoutWeeks: 1, afterWeeks: 8, defaults: false });
    expect(body.impact.stale).toBe(false);
    // No answers were sent to this touchpoint around the change: no metric can claim an effect.
    for (const metric of body.impact.metrics) expect(metric.verdict).not.toMatch(/^(better|worse)$/);
    const after = await db.execute(
      sql`SELECT card::text FROM impact_results WHERE change_id = ${ids.improvement}::uuid`,
    );
    expect(after).toEqual(before);
  });

  it("the sentence of a stored card is the card's finding in English", async () => {
    const { body } = await impact('improvement', ids.improvement);
    const [metric] = body.impact.metrics;
    expect(metric.sentence).toMatch(/^NPS at Website rose about 16 points more than at the other touchpoints/);
    expect(metric.sentence).toMatch(/too uncertain to call/);
  });
});

describe('db/queries/changes', () => {
  it('finds one change of the organization with its touchpoints, metric, direction and investment', async () => {
    expect(await findChange(db, own.organizationId, 'plan-item', ids.planItem)).toEqual({
      kind: 'plan-item',
      id: ids.planItem,
      title: 'Live chat on the website',
      date: '2026-05-04',
      departmentId: own.departmentA,
      departmentName: 'Sales',
      touchpoints: [{ id: own.touchpointId, name: 'Website' }],
      metric: 'csat',
      direction: 'up',
      investment: 1200.5,
    });
    expect(await findChange(db, other.organizationId, 'plan-item', ids.planItem)).toBeNull();
  });

  it('gives the engine every change in a range, oldest first, with or without touchpoints', async () => {
    const changes = await changesBetween(db, own.organizationId, '2026-03-31', '2026-05-04');
    expect(changes.map((c) => [c.kind, c.id, c.touchpoints.length])).toEqual([
      ['improvement', ids.noTouchpoint, 0],
      ['improvement', ids.improvement, 1],
      ['plan-item', ids.planItem, 1],
    ]);
  });
});
