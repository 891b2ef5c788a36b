/**
 * The register as the browser downloads it (issue 13): GET /api/levers/export answers CSV with the page's filters
 * (kind, state, touchpoint, department from the address), each lever's state and dates, and why a lever is not
 * ranked; another organization's levers never appear; without a session, 401. And a lever in effect has a card page
 * (GET /api/changes/lever/<id>), a planned one does not. The session and Next's translations are stand-ins.
 */
import Papa from 'papaparse';
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { findOrganization } from '@/db/queries/organizations';
import type { ChangeImpactJson } from '@/lib/http/json';
import messages from '@/messages/en';
import { useTestDatabase } from '@/tests/fixtures/database';
import { insertFixtureLever } from '@/tests/fixtures/levers';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => state.db,
}));
vi.mock('@/lib/auth/session', () => ({ currentMember: async () => state.member }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'cx.test' }) }));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: 'en', messages, namespace: namespace as never }),
}));

const { GET: exportLevers } = await import('@/app/api/levers/export/route');
const cardRoute = await import('@/app/api/changes/[kind]/[id]/route');

const db = useTestDatabase();
let own: OrganizationFixture;
let other: OrganizationFixture;
const ids = { planned: '', open: '', inPlace: '', elsewhere: '', other: '' };

async function download(search = '') {
  const response = await exportLevers(new Request(`https://cx.test/api/levers/export${search}`));
  const text = await response.text();
  const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return { response, rows };
}

beforeAll(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
  state.db = db;
  state.member = { actor: own.staff.actor, organization: await findOrganization(db, own.organizationId) };
  ids.planned = await insertFixtureLever(db, own, { kind: 'accelerator', name: 'Callback within the hour' });
  ids.open = await insertFixtureLever(db, own, {
    kind: 'blocker',
    name: '=Hidden phone number',
    knownSince: '2026-01-07',
  });
  ids.inPlace = await insertFixtureLever(db, own, {
    kind: 'accelerator',
    name: 'Order updates by email',
    state: 'in-place',
    effectiveDate: '2026-02-04',
  });
  ids.elsewhere = await insertFixtureLever(db, own, {
    kind: 'blocker',
    name: 'No touchpoint of its own',
    departmentId: own.departmentB,
    touchpointIds: [],
  });
  ids.other = await insertFixtureLever(db, other, { kind: 'accelerator', name: 'Not ours to see' });
});

describe('the register as CSV', () => {
  it("gives everyone who reads it their organization's levers, each with why it is not ranked yet", async () => {
    const { response, rows } = await download();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="touchpoint-levers-.+\.csv"$/);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual([ids.planned, ids.open, ids.inPlace, ids.elsewhere].sort());
    expect(byId.get(ids.planned)).toMatchObject({
      kind: 'accelerator',
      state: 'planned',
      not_ranked_because: 'planned',
    });
    expect(byId.get(ids.open)).toMatchObject({ state: 'open', known_since: '2026-01-07', not_ranked_because: 'open' });
    // In place, its card not computed yet: it waits for the worker.
    expect(byId.get(ids.inPlace)).toMatchObject({
      state: 'in-place',
      effective_date: '2026-02-04',
      not_ranked_because: 'waiting',
      rank: '',
      link: `http://cx.test/levers/${ids.inPlace}`,
    });
    // A name a spreadsheet would run as a formula stays text.
    expect(byId.get(ids.open)!.name).toBe("'=Hidden phone number");
  });

  it("applies the page's filters from the address, and ignores the ones it does not know", async () => {
    expect((await download('?kind=blocker')).rows.map((r) => r.id).sort()).toEqual([ids.open, ids.elsewhere].sort());
    expect((await download('?kind=accelerator&state=in-place')).rows.map((r) => r.id)).toEqual([ids.inPlace]);
    expect((await download(`?department=${own.departmentB}`)).rows.map((r) => r.id)).toEqual([ids.elsewhere]);
    expect((await download(`?touchpoint=${own.touchpointId}&state=planned`)).rows.map((r) => r.id)).toEqual([
      ids.planned,
    ]);
    expect((await download('?kind=gadget&touchpoint=not-an-id')).rows).toHaveLength(4);
    // Another organization's touchpoint finds nothing here.
    expect((await download(`?touchpoint=${other.touchpointId}`)).rows).toHaveLength(0);
  });

  it('refuses without a session', async () => {
    const member = state.member;
    state.member = null;
    try {
      expect((await download()).response.status).toBe(401);
    } finally {
      state.member = member;
    }
  });
});

describe("a lever's card page", () => {
  const getCard = (id: string) =>
    cardRoute.GET(new Request(`https://cx.test/api/changes/lever/${id}`), {
      params: Promise.resolve({ kind: 'lever', id }),
    });

  it('exists once the lever is in effect, and not while it is planned, nor for another organization', async () => {
    const response = await getCard(ids.inPlace);
    expect(response.status).toBe(200);
    const body = (await response.json()) as ChangeImpactJson;
    expect(body.change).toMatchObject({ kind: 'lever', id: ids.inPlace, title: 'Order updates by email' });
    expect(body.change.date).toBe('2026-02-04');
    expect((await getCard(ids.planned)).status).toBe(404);
    expect((await getCard(ids.other)).status).toBe(404);
  });
});
