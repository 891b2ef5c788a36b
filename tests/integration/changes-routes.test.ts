/**
 * The card page's routes (issue 11), as the browser calls them with its session: GET /api/changes/<kind>/<id> reads
 * the stored card and never computes one; GET …/impact computes the card for other windows, saves nothing and says
 * they are not the defaults; bad windows are 400 with a message per field; another organization's change, an unknown
 * kind and a plan item not done are 404; without a session, 401. The session and Next's translations are stand-ins.
 */
import { and, eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { insertTouchpoint } from '@/db/queries/journey';
import { changeTouched } from '@/db/queries/impact-staleness';
import { findOrganization } from '@/db/queries/organizations';
import { setPlanItemTouchpoints } from '@/db/queries/plans';
import { type NewResponse, recordResponses } from '@/db/queries/responses';
import { impactResults } from '@/db/schema';
import type { ChangeImpactJson } from '@/lib/http/json';
import { mayComputeOnRequest, recomputeStaleImpact } from '@/lib/impact-service/compute';
import { addDays } from '@/lib/domain/weeks';
import messages from '@/messages/en';
import { useTestDatabase } from '@/tests/fixtures/database';
import {
  makeOrganization,
  makeTwoOrganizations,
  type OrganizationFixture,
  type FixtureUser,
} from '@/tests/fixtures/organizations';
import { insertFixturePlanItem } from '@/tests/fixtures/plans';
import { insertFixtureImprovement } from '@/tests/fixtures/weekly';

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

const stored = await import('@/app/api/changes/[kind]/[id]/route');
const computed = await import('@/app/api/changes/[kind]/[id]/impact/route');

const db = useTestDatabase();
let own: OrganizationFixture;
let other: OrganizationFixture;
let improvement: string;
let undone: string;
let otherImprovement: string;

async function signInAs(f: OrganizationFixture, user: FixtureUser) {
  state.member = { actor: user.actor, organization: await findOrganization(db, f.organizationId) };
}

const params = (kind: string, id: string) => ({ params: Promise.resolve({ kind, id }) });
const getStored = (kind: string, id: string) =>
  stored.GET(new Request(`https://cx.test/api/changes/${kind}/${id}`), params(kind, id));
const getComputed = (kind: string, id: string, search = '') =>
  computed.GET(new Request(`https://cx.test/api/changes/${kind}/${id}/impact${search}`), params(kind, id));

/** Ten weeks of NPS answers at three touchpoints, 40 a week each. */
async function seedAnswers(touchpointIds: string[]) {
  const answers: NewResponse[] = [];
  for (let week = 0; week < 10; week++)
    for (const touchpointId of touchpointIds)
      for (const [score, count] of [
        [10, 20],
        [8, 10],
        [3, 10],
      ] as const)
        for (let i = 0; i < count; i++)
          answers.push({
            touchpointId,
            metric: 'nps',
            score,
            respondedAt: new Date(`${addDays('2026-01-28', 7 * week)}T12:00:00Z`),
            source: 'seed',
          });
  await db.transaction((tx) => recordResponses(tx, { id: own.organizationId, timeZone: 'UTC' }, answers));
}

beforeAll(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
  state.db = db;
  const add = async (name: string) =>
    (
      await insertTouchpoint(db, own.organizationId, {
        name,
        stageId: own.stageId,
        departmentId: own.departmentA,
        channel: 'online',
      })
    ).id;
  const courier = await add('Courier delivery');
  const checkout = await add('Checkout');
  await seedAnswers([own.touchpointId, courier, checkout]);
  improvement = await insertFixtureImprovement(db, own.organizationId, {
    departmentId: own.departmentA,
    weekStart: '2026-03-02',
    effectiveDate: '2026-03-04',
    createdBy: own.lead.userId,
    title: 'Text the delivery slot',
    touchpointIds: [courier],
  });
  const planItem = await insertFixturePlanItem(db, own.organizationId, {
    departmentId: own.departmentA,
    title: 'Not done yet',
    createdBy: own.lead.userId,
    status: 'in_progress',
  });
  await setPlanItemTouchpoints(db, own.organizationId, planItem.id, [courier]);
  undone = planItem.id;
  otherImprovement = await insertFixtureImprovement(db, other.organizationId, {
    departmentId: other.departmentA,
    weekStart: '2026-03-02',
    createdBy: other.lead.userId,
    title: 'Theirs',
  });
  await db.transaction((tx) => changeTouched(tx, own.organizationId, 'improvement', improvement));
});

describe('GET /api/changes/<kind>/<id>: the stored card', () => {
  it('refuses without a session', async () => {
    state.member = null;
    expect((await getStored('improvement', improvement)).status).toBe(401);
  });

  it('is stale with no card until the worker computes it, then fresh, for any member', async () => {
    await signInAs(own, own.staff);
    const before = (await (await getStored('improvement', improvement)).json()) as ChangeImpactJson;
    expect(before).toMatchObject({ card: null, stale: true, change: { title: 'Text the delivery slot' } });
    // Reading did not compute it.
    expect(await recomputeStaleImpact(db, own.organizationId)).toBe(1);
    const response = await getStored('improvement', improvement);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const after = (await response.json()) as ChangeImpactJson;
    expect(after.stale).toBe(false);
    expect(after.card).toMatchObject({ status: 'measured', windows: { defaults: true, baselineWeeks: 4 } });
    expect(after.change).toMatchObject({ kind: 'improvement', touchpoints: [{ name: 'Courier delivery' }] });
  });

  it("is not found for another organization's change, an unknown kind, a bad id or a plan item not done", async () => {
    await signInAs(own, own.executive);
    expect((await getStored('improvement', otherImprovement)).status).toBe(404);
    expect((await getStored('lever', improvement)).status).toBe(404);
    expect((await getStored('plan-item', improvement)).status).toBe(404);
    expect((await getStored('improvement', 'not-an-id')).status).toBe(404);
    expect((await getStored('plan-item', undone)).status).toBe(404);
    await signInAs(other, other.executive);
    expect((await getStored('improvement', improvement)).status).toBe(404);
    expect((await getStored('improvement', otherImprovement)).status).toBe(200);
  });
});

describe('GET /api/changes/<kind>/<id>/impact: other windows, computed on request', () => {
  it('computes the card for the windows asked, says they are not the defaults, and saves nothing', async () => {
    await signInAs(own, own.lead);
    const [row] = await db
      .select({ card: impactResults.card, computedAt: impactResults.computedAt })
      .from(impactResults)
      .where(and(eq(impactResults.organizationId, own.organizationId), eq(impactResults.changeId, improvement)));
    const response = await getComputed('improvement', improvement, '?baselineWeeks=8&washoutWeeks=1&afterWeeks=2');
    expect(response.status).toBe(200);
    const body = (await response.json()) as ChangeImpactJson;
    expect(body.card?.windows).toMatchObject({ baselineWeeks: 8, washoutWeeks: 1, afterWeeks: 2, defaults: false });
    expect(body.card?.windows.baseline.from).toBe('2026-01-05');
    const [after] = await db
      .select({ card: impactResults.card, computedAt: impactResults.computedAt })
      .from(impactResults)
      .where(and(eq(impactResults.organizationId, own.organizationId), eq(impactResults.changeId, improvement)));
    expect(after).toEqual(row);
  });

  it("keeps the organization's default for a window left out, and calls the defaults the defaults", async () => {
    await signInAs(own, own.staff);
    const one = (await (await getComputed('improvement', improvement, '?afterWeeks=6')).json()) as ChangeImpactJson;
    expect(one.card?.windows).toMatchObject({ baselineWeeks: 4, washoutWeeks: 1, afterWeeks: 6, defaults: false });
    const same = (await (await getComputed('improvement', improvement, '?baselineWeeks=4')).json()) as ChangeImpactJson;
    expect(same.card?.windows.defaults).toBe(true);
  });

  it('refuses windows outside the limits with a message per field', async () => {
    await signInAs(own, own.staff);
    const response = await getComputed('improvement', improvement, '?baselineWeeks=20&washoutWeeks=1&afterWeeks=two');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe('invalid');
    expect(body.error.fields).toEqual({
      baselineWeeks: 'Enter a whole number of weeks from 2 to 12.',
      afterWeeks: 'Enter a whole number of weeks from 2 to 12.',
    });
    const washout = await getComputed('improvement', improvement, '?washoutWeeks=3');
    expect(((await washout.json()) as { error: { fields: object } }).error.fields).toEqual({
      washoutWeeks: 'Enter a whole number of weeks from 0 to 2.',
    });
  });

  it("keeps to the organization's share of cards computed on request: ten at once, then one every two seconds", async () => {
    const start = new Date('2030-01-01T10:00:00Z');
    const taken = [];
    for (let i = 0; i < 11; i++) taken.push(await mayComputeOnRequest(db, other.organizationId, start));
    expect(taken.slice(0, 10).every((t) => t.allowed)).toBe(true);
    expect(taken[10]).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect((await mayComputeOnRequest(db, other.organizationId, new Date(start.getTime() + 2_000))).allowed).toBe(true);
    // Another organization's people are not held up by this one.
    expect((await mayComputeOnRequest(db, own.organizationId, start)).allowed).toBe(true);
  });

  it('answers 429 with how long to wait once the share is used up, and computes nothing', async () => {
    const f = await makeOrganization(db, 'Busy Co');
    const busy = await insertFixtureImprovement(db, f.organizationId, {
      departmentId: f.departmentA,
      weekStart: '2026-02-02',
      effectiveDate: '2026-02-04',
      createdBy: f.executive.userId,
      touchpointIds: [f.touchpointId],
    });
    await signInAs(f, f.lead);
    for (let i = 0; i < 10; i++) await mayComputeOnRequest(db, f.organizationId);
    const response = await getComputed('improvement', busy, '?baselineWeeks=8');
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(
      /^Cards for other windows are being computed for many people right now\. Try again in \d+ seconds?\.$/,
    );
    // The stored card with the default windows is read, never computed, and is not limited.
    expect((await getStored('improvement', busy)).status).toBe(200);
  });

  it("is not found for another organization's change, and refuses without a session", async () => {
    await signInAs(other, other.executive);
    expect((await getComputed('improvement', improvement, '?baselineWeeks=8')).status).toBe(404);
    state.member = null;
    expect((await getComputed('improvement', improvement, '?baselineWeeks=8')).status).toBe(401);
  });
});
