/** Behaviour of the member and invitation commands. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { countExecutives, findInvitation, findMember, listPendingInvitations } from '@/db/queries/members';
import { findUserById } from '@/db/queries/users';
import { invitations } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeOrganization, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { parseInvitationLinkToken } from '@/lib/secrets/tokens';
import { describeInvitation } from '@/lib/commands/accounts';
import { archiveDepartment } from '@/lib/commands/departments';
import { INVITATION_DAYS, inviteMember, removeMember, revokeInvitation, updateMember } from '@/lib/commands/members';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();

const run = auditedRun(() => db);

describe('invitations', () => {
  let f: OrganizationFixture;
  const pendingFor = async (email: string) =>
    (await listPendingInvitations(db, f.organizationId)).filter((i) => i.email === email);
  beforeAll(async () => {
    f = await makeOrganization(db, 'Invites Co');
  });

  it('invites a person: returns a token, stores only its hash, lists the invitation as pending', async () => {
    const before = Date.now();
    const input = { email: ' New.Person@Example.test ', role: 'lead', departmentId: f.departmentB };
    const data = dataOf(await run(inviteMember, f.executive.actor, input, 'member.invite'));
    expect(data.email).toBe('new.person@example.test');
    expect(data.token.length).toBeGreaterThanOrEqual(40);
    const [stored] = await db.select().from(invitations).where(eq(invitations.id, data.invitationId));
    expect(stored?.tokenHash).toBe(parseInvitationLinkToken(data.token)?.tokenHash);
    expect(data.token.startsWith(`${f.organizationId}.`)).toBe(true);
    expect(stored?.tokenHash).not.toContain(data.token);
    expect(stored?.invitedBy).toBe(f.executive.userId);
    const days = (stored!.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(INVITATION_DAYS);
    expect(days).toBeLessThan(INVITATION_DAYS + 0.01);
    expect(await pendingFor('new.person@example.test')).toEqual([
      expect.objectContaining({
        id: data.invitationId,
        role: 'lead',
        departmentId: f.departmentB,
        departmentName: 'Logistics',
      }),
    ]);
    expect(await describeInvitation(db, data.token)).toEqual({
      email: 'new.person@example.test',
      role: 'lead',
      organizationName: 'Invites Co',
      accountExists: false,
    });
  });

  it('re-inviting the same address revokes the previous invitation', async () => {
    const [previous] = await pendingFor('new.person@example.test');
    const data = dataOf(
      await run(
        inviteMember,
        f.executive.actor,
        { email: 'NEW.PERSON@example.test', role: 'staff', departmentId: f.departmentA },
        'member.invite',
      ),
    );
    expect(data.invitationId).not.toBe(previous!.id);
    expect((await findInvitation(db, f.organizationId, previous!.id))?.revokedAt).toBeInstanceOf(Date);
    expect((await pendingFor('new.person@example.test')).map((i) => [i.id, i.role])).toEqual([
      [data.invitationId, 'staff'],
    ]);
    expect(await pendingFor(f.invitationEmail)).toHaveLength(1); // other addresses are left alone
  });

  it.each(['lead', 'staff'])('refuses a %s invitation without department', async (role) => {
    const result = await run(inviteMember, f.executive.actor, {
      email: `no-dept-${role}@example.test`,
      role,
      departmentId: '',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { departmentId: { key: 'validation.departmentRequired' } },
    });
    expect(await pendingFor(`no-dept-${role}@example.test`)).toEqual([]);
  });

  it('lets an executive be invited without department', async () => {
    const data = dataOf(
      await run(inviteMember, f.executive.actor, { email: 'boss@example.test', role: 'executive' }, 'member.invite'),
    );
    expect((await findInvitation(db, f.organizationId, data.invitationId))?.departmentId).toBeNull();
  });

  it('refuses an archived department', async () => {
    await run(archiveDepartment, f.executive.actor, { departmentId: f.departmentB, archived: true });
    const result = await run(inviteMember, f.executive.actor, {
      email: 'late@example.test',
      role: 'staff',
      departmentId: f.departmentB,
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { departmentId: { key: 'validation.notFound' } },
    });
    await run(archiveDepartment, f.executive.actor, { departmentId: f.departmentB, archived: false });
  });

  it('refuses to invite someone who is already a member (any case of their email)', async () => {
    const result = await run(inviteMember, f.executive.actor, {
      email: f.staff.email.toUpperCase(),
      role: 'staff',
      departmentId: f.departmentA,
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { email: { key: 'validation.alreadyMember' } },
    });
  });

  it('invites someone who is a member of another organization only', async () => {
    const other = await makeOrganization(db, 'Elsewhere');
    const data = dataOf(
      await run(inviteMember, f.executive.actor, {
        email: other.lead.email,
        role: 'staff',
        departmentId: f.departmentA,
      }),
    );
    expect((await describeInvitation(db, data.token))?.accountExists).toBe(true);
  });

  it('revokes a pending invitation, once', async () => {
    expect(
      await run(revokeInvitation, f.executive.actor, { invitationId: f.invitationId }, 'invitation.revoke'),
    ).toEqual({ ok: true, data: null });
    expect(await pendingFor(f.invitationEmail)).toEqual([]);
    expect(await describeInvitation(db, f.invitationToken)).toBeNull();
    expect(await run(revokeInvitation, f.executive.actor, { invitationId: f.invitationId })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: { key: 'settings.members.invitationClosed' },
    });
  });
});

describe('members and the last executive', () => {
  let f: OrganizationFixture;
  beforeAll(async () => {
    f = await makeOrganization(db, 'Members Co');
  });

  it('refuses to demote the only executive', async () => {
    for (const role of ['lead', 'staff']) {
      const result = await run(updateMember, f.executive.actor, {
        userId: f.executive.userId,
        role,
        departmentId: f.departmentA,
      });
      expect(result).toEqual({
        ok: false,
        code: 'conflict',
        message: { key: 'settings.members.lastExecutive' },
        fieldErrors: undefined,
      });
    }
    expect((await findMember(db, f.organizationId, f.executive.userId))?.role).toBe('executive');
  });

  it('refuses to remove the only executive', async () => {
    expect(await run(removeMember, f.executive.actor, { userId: f.executive.userId })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await findMember(db, f.organizationId, f.executive.userId)).not.toBeNull();
  });

  it('lets the only executive change department while staying executive', async () => {
    await run(
      updateMember,
      f.executive.actor,
      { userId: f.executive.userId, role: 'executive', departmentId: f.departmentB },
      'member.update',
    );
    expect(await findMember(db, f.organizationId, f.executive.userId)).toMatchObject({
      role: 'executive',
      departmentId: f.departmentB,
    });
  });

  it("updates a member's role and department", async () => {
    await run(
      updateMember,
      f.executive.actor,
      { userId: f.staff.userId, role: 'lead', departmentId: f.departmentB },
      'member.update',
    );
    expect(await findMember(db, f.organizationId, f.staff.userId)).toMatchObject({
      role: 'lead',
      departmentId: f.departmentB,
    });
  });

  it('refuses a lead without department', async () => {
    const result = await run(updateMember, f.executive.actor, {
      userId: f.lead.userId,
      role: 'lead',
      departmentId: '',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { departmentId: { key: 'validation.departmentRequired' } },
    });
  });

  it('demotes or removes an executive once there is another', async () => {
    await run(updateMember, f.executive.actor, { userId: f.lead.userId, role: 'executive' }, 'member.update');
    expect(await countExecutives(db, f.organizationId)).toBe(2);
    const newExecutive = { ...f.lead.actor, role: 'executive' as const, departmentId: null };
    await run(
      updateMember,
      newExecutive,
      { userId: f.executive.userId, role: 'staff', departmentId: f.departmentA },
      'member.update',
    );
    expect(await countExecutives(db, f.organizationId)).toBe(1);
    expect(await run(removeMember, newExecutive, { userId: f.lead.userId })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    await run(updateMember, newExecutive, { userId: f.executive.userId, role: 'executive' }, 'member.update');
    await run(removeMember, newExecutive, { userId: f.executive.userId }, 'member.remove');
    expect(await findMember(db, f.organizationId, f.executive.userId)).toBeNull();
    expect(await countExecutives(db, f.organizationId)).toBe(1);
  });

  it('removes a member from the organization but keeps their account', async () => {
    await run(
      removeMember,
      { ...f.lead.actor, role: 'executive', departmentId: null },
      { userId: f.staff.userId },
      'member.remove',
    );
    expect(await findMember(db, f.organizationId, f.staff.userId)).toBeNull();
    expect(await findUserById(db, f.staff.userId)).toMatchObject({ email: f.staff.email });
  });

  it('reports a member who is not in the organization as not found', async () => {
    const result = await run(
      updateMember,
      { ...f.lead.actor, role: 'executive', departmentId: null },
      { userId: f.staff.userId, role: 'executive' },
    );
    expect(result).toMatchObject({ ok: false, code: 'not_found' });
  });
});
