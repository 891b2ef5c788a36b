/**
 * Finding the idea a duplicate is merged into (issue 12): the merge form offers the ideas like it and the most voted,
 * and words typed look through every open idea the person may merge into: an executive's search spans the
 * organization, a lead's their own department; staff, another organization's idea and a bad id are refused. The route
 * is called as the browser calls it, with a stand-in session.
 */
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MergeCandidatesBody } from '@/components/ideas/merge-form';
import { findOrganization } from '@/db/queries/organizations';
import { changeIdeaStatus, submitIdea, withdrawIdea } from '@/lib/commands/ideas';
import messages from '@/messages/en';
import { useTestDatabase } from '@/tests/fixtures/database';
import { type FixtureUser, makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { auditedRun, dataOf } from './helpers';

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

const route = await import('@/app/api/ideas/[id]/merge-candidates/route');

const db = useTestDatabase();
const run = auditedRun(() => db);
let own: OrganizationFixture;
let other: OrganizationFixture;
/** The duplicate being merged (department A), and open ideas in A and B with a rare word. */
let duplicate: string;
let inA: string;
let inB: string;
let withdrawnInA: string;
let otherOrganizations: string;

async function signInAs(f: OrganizationFixture, user: FixtureUser) {
  state.member = { actor: user.actor, organization: await findOrganization(db, f.organizationId) };
}

async function submit(f: OrganizationFixture, title: string, departmentId: string) {
  return dataOf(
    await run(submitIdea, f.staff.actor, {
      title,
      today: 'Customers wait at the counter',
      change: 'Change the way we work there',
      departmentId,
    }),
  ).id;
}

const search = async (ideaId: string, title: string) =>
  route.GET(new Request(`https://cx.test/api/ideas/${ideaId}/merge-candidates?title=${encodeURIComponent(title)}`), {
    params: Promise.resolve({ id: ideaId }),
  });
const titlesFound = async (ideaId: string, title: string) => {
  const response = await search(ideaId, title);
  expect(response.status).toBe(200);
  return ((await response.json()) as MergeCandidatesBody).candidates.map((c) => c.title);
};

beforeAll(async () => {
  state.db = db;
  ({ own, other } = await makeTwoOrganizations(db));
  duplicate = await submit(own, 'Queue numbers at the counter', own.departmentA);
  // More than a page of the most voted, so the ideas looked for are not among those offered before typing.
  for (let i = 0; i < 55; i++) await submit(own, `Unrelated suggestion number ${i}`, own.departmentA);
  inA = await submit(own, 'Zebrawood shelves for returns', own.departmentA);
  inB = await submit(own, 'Zebrawood crates for couriers', own.departmentB);
  withdrawnInA = await submit(own, 'Zebrawood stools for the queue', own.departmentA);
  dataOf(await run(withdrawIdea, own.staff.actor, { ideaId: withdrawnInA }));
  otherOrganizations = await submit(other, 'Zebrawood signs elsewhere', other.departmentA);
  // A declined idea is closed: it takes no merge either.
  const declined = await submit(own, 'Zebrawood tables declined', own.departmentA);
  dataOf(
    await run(changeIdeaStatus, own.executive.actor, { ideaId: declined, status: 'declined', reply: 'Too costly.' }),
  );
});

describe('the merge search', () => {
  it("finds every open idea of the organization for an executive, not the idea itself, closed ideas or another organization's", async () => {
    await signInAs(own, own.executive);
    const found = await titlesFound(duplicate, 'zebrawood');
    expect(found.sort()).toEqual(['Zebrawood crates for couriers', 'Zebrawood shelves for returns']);
    expect(await titlesFound(duplicate, 'queue numbers')).toEqual([]);
  });

  it("keeps a lead's search to their own department, where they may merge", async () => {
    await signInAs(own, own.lead);
    expect(await titlesFound(duplicate, 'zebraw')).toEqual(['Zebrawood shelves for returns']);
    const response = await search(duplicate, 'zebrawood shelves');
    expect(((await response.json()) as MergeCandidatesBody).candidates).toEqual([
      { id: inA, title: 'Zebrawood shelves for returns', votes: 0, departmentName: 'Sales' },
    ]);
  });

  it('refuses staff, who may not merge, and a lead for an idea of another department', async () => {
    await signInAs(own, own.staff);
    expect((await search(duplicate, 'zebrawood')).status).toBe(403);
    await signInAs(own, own.lead);
    expect((await search(inB, 'zebrawood')).status).toBe(403);
  });

  it("answers 404 for another organization's idea and a bad id, and 401 without a session", async () => {
    await signInAs(own, own.executive);
    expect((await search(otherOrganizations, 'zebrawood')).status).toBe(404);
    expect((await search('not-an-id', 'zebrawood')).status).toBe(404);
    state.member = null;
    expect((await search(duplicate, 'zebrawood')).status).toBe(401);
  });

  it('answers 400 with the field for a title longer than a title may be', async () => {
    await signInAs(own, own.executive);
    const response = await search(duplicate, 'x'.repeat(121));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('title');
  });
});
