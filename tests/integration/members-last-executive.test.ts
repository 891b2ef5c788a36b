/**
 * Item 18 of issue 10: the last executive survives two executives acting at the same moment, and a removed member's
 * pending invitations stop working. On PostgreSQL (TEST_DATABASE_URL) the commands below really run in parallel,
 * each in its own connection; on PGlite they queue, and the outcome must be the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { countExecutives, findInvitation, findMember, insertInvitation } from '@/db/queries/members';
import { useTestDatabase } from '@/tests/fixtures/database';
import {
  addMember,
  type FixtureUser,
  makeOrganization,
  type OrganizationFixture,
  uniqueSuffix,
} from '@/tests/fixtures/organizations';
import type { ActionResult } from '@/lib/auth/errors';
import { describeInvitation } from '@/lib/commands/accounts';
import { inviteMember, removeMember, updateMember } from '@/lib/commands/members';
import { newToken } from '@/lib/secrets/tokens';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();
const run = auditedRun(() => db);

/** Rounds per race: one round could pass by luck of scheduling, several in a row cannot. */
const ROUNDS = 5;

async function twoExecutives(): Promise<{ f: OrganizationFixture; a: FixtureUser; b: FixtureUser }> {
  const f = await makeOrganization(db, 'Race Co');
  const b = await addMember(db, f.organizationId, 'executive', null, `second-${uniqueSuffix()}`);
  return { f, a: f.executive, b };
}

/** Exactly one of the two parallel commands went through; the other was refused as the last executive. */
function expectOneWinner(results: ActionResult<unknown>[]) {
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok)).toEqual([
    expect.objectContaining({ code: 'conflict', message: { key: 'settings.members.lastExecutive' } }),
  ]);
}

describe('item 18: the last executive, with two executives acting at the same moment', () => {
  it('item 18: A demotes B while B demotes A: exactly one succeeds and one executive remains', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { f, a, b } = await twoExecutives();
      const results = await Promise.all([
        updateMember.execute(db, a.actor, { userId: b.userId, role: 'staff', departmentId: f.departmentA }),
        updateMember.execute(db, b.actor, { userId: a.userId, role: 'staff', departmentId: f.departmentA }),
      ]);
      expectOneWinner(results);
      expect(await countExecutives(db, f.organizationId)).toBe(1);
    }
  });

  it('item 18: A removes B while B removes A: exactly one succeeds and one executive remains', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { f, a, b } = await twoExecutives();
      const results = await Promise.all([
        removeMember.execute(db, a.actor, { userId: b.userId }),
        removeMember.execute(db, b.actor, { userId: a.userId }),
      ]);
      expectOneWinner(results);
      expect(await countExecutives(db, f.organizationId)).toBe(1);
      const remaining = await Promise.all([a, b].map((x) => findMember(db, f.organizationId, x.userId)));
      expect(remaining.filter((m) => m !== null)).toEqual([expect.objectContaining({ role: 'executive' })]);
    }
  });

  it('item 18: A demotes B while B removes A: exactly one succeeds and one executive remains', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { f, a, b } = await twoExecutives();
      const results = await Promise.all([
        updateMember.execute(db, a.actor, { userId: b.userId, role: 'lead', departmentId: f.departmentB }),
        removeMember.execute(db, b.actor, { userId: a.userId }),
      ]);
      expectOneWinner(results);
      expect(await countExecutives(db, f.organizationId)).toBe(1);
    }
  });
});

describe('item 18: removing a member revokes the invitations they sent that are still pending', () => {
  let f: OrganizationFixture;
  let b: FixtureUser;
  beforeAll(async () => {
    ({ f, b } = await twoExecutives());
  });

  it('item 18: the removed executive’s pending invitation no longer opens; the other executive’s still does', async () => {
    const sent = dataOf(
      await run(inviteMember, b.actor, { email: `from-b-${uniqueSuffix()}@example.test`, role: 'executive' }),
    );
    // One of B's invitations already expired: it stays as it was (expired, not revoked).
    const expired = await insertInvitation(db, f.organizationId, {
      email: `expired-${uniqueSuffix()}@example.test`,
      role: 'staff',
      departmentId: f.departmentA,
      tokenHash: newToken().hash,
      invitedBy: b.userId,
      expiresAt: new Date(Date.now() - 60_000),
    });
    expect(await describeInvitation(db, sent.token)).not.toBeNull();

    await run(removeMember, f.executive.actor, { userId: b.userId }, 'member.remove');

    expect(await describeInvitation(db, sent.token)).toBeNull();
    expect((await findInvitation(db, f.organizationId, sent.invitationId))?.revokedAt).toBeInstanceOf(Date);
    expect((await findInvitation(db, f.organizationId, expired.id))?.revokedAt).toBeNull();
    // The fixture's invitation was sent by the executive who stays.
    expect(await describeInvitation(db, f.invitationToken)).not.toBeNull();
  });
});
