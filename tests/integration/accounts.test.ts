/** Sign-up, invitations (new and existing accounts), profile and password. */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertInvitation, listMembers, listPendingInvitations } from '@/db/queries/members';
import { findOrganization } from '@/db/queries/organizations';
import { findUserByEmail, findUserById, membershipsOfUser, passwordHashOf } from '@/db/queries/users';
import { useTestDatabase } from '@/tests/fixtures/database';
import { FIXTURE_PASSWORD, makeOrganization, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { auditEventsOf, countRows } from '@/tests/fixtures/snapshots';
import { hashPassword, verifyPassword } from '@/lib/secrets/password';
import { invitationLinkToken, newToken } from '@/lib/secrets/tokens';
import type { Person } from '@/lib/auth/command';
import {
  acceptInvitation as acceptInvitationCommand,
  changePassword as changePasswordCommand,
  joinOrganization,
  signUp as signUpCommand,
  updateProfile as updateProfileCommand,
} from '@/lib/commands/accounts';
import { personOf, visitor } from '@/tests/fixtures/visitors';
import { inviteMember, revokeInvitation } from '@/lib/commands/members';

const db = useTestDatabase();

const signUp = (_db: typeof db, input: unknown) => signUpCommand.execute(_db, visitor(), input);
const acceptInvitation = (_db: typeof db, input: unknown) => acceptInvitationCommand.execute(_db, visitor(), input);
const joinWithInvitation = (_db: typeof db, userId: string, token: string) =>
  joinOrganization.execute(_db, { userId, deviceId: '00000000-0000-4000-8000-000000000000' }, visitor(), { token });
/** A signed-in session of the person, as the sign-in command would start it. */
async function sessionOf(userId: string): Promise<Person> {
  const { signInDevice } = await import('@/db/queries/accounts');
  return { userId, deviceId: await signInDevice(db, userId, null, { address: '198.51.100.1', userAgent: 'test' }) };
}
const updateProfile = async (_db: typeof db, userId: string, input: unknown) =>
  updateProfileCommand.execute(_db, await sessionOf(userId), visitor(), input);
const changePassword = async (_db: typeof db, userId: string, input: unknown) =>
  changePasswordCommand.execute(_db, await sessionOf(userId), visitor(), input);

beforeEach(() => {
  vi.stubEnv('SIGN_UP', 'open');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const PASSWORD = 'a long enough password';

async function invite(f: OrganizationFixture, email: string, role = 'staff') {
  const result = await inviteMember.execute(db, f.executive.actor, { email, role, departmentId: f.departmentA });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

describe('signUp', () => {
  it('creates a person, an organization and their executive membership', async () => {
    const result = await signUp(db, {
      name: 'Ann Lee',
      email: ' Ann.Lee@Example.test ',
      password: PASSWORD,
      organizationName: 'Ann & Co',
    });
    if (!result.ok || result.data.outcome !== 'signed_in') throw new Error(JSON.stringify(result));
    const { organizationId } = result.data;
    const userId = personOf(result.data).userId;
    expect(await findUserById(db, userId)).toMatchObject({
      email: 'ann.lee@example.test',
      name: 'Ann Lee',
      disabled: false,
    });
    expect(await findOrganization(db, organizationId)).toMatchObject({ name: 'Ann & Co', slug: 'ann-co' });
    expect(await membershipsOfUser(db, userId)).toEqual([
      { organizationId, organizationName: 'Ann & Co', role: 'executive', departmentId: null },
    ]);
    expect(await verifyPassword(await passwordHashOf(db, userId), PASSWORD)).toBe(true);
    const events = await auditEventsOf(db, organizationId);
    expect(events.map((e) => [e.action, e.actorUserId])).toEqual([['organization.create', userId]]);
  });

  it('refuses an email already registered, whatever its case, and writes nothing', async () => {
    const counts = [await countRows(db, 'users'), await countRows(db, 'organizations')];
    const result = await signUp(db, {
      name: 'Ann Again',
      email: 'ANN.LEE@example.TEST',
      password: PASSWORD,
      organizationName: 'Second',
    });
    // The sign-up action shows it next to the email field (e2e auth.spec); the command answers, so its attempt counts.
    expect(result).toEqual({ ok: true, data: { outcome: 'email_taken' } });
    expect([await countRows(db, 'users'), await countRows(db, 'organizations')]).toEqual(counts);
  });

  it('validates its input', async () => {
    const result = await signUp(db, { name: '', email: 'nope', password: 'short', organizationName: 'X' });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors).sort()).toEqual(['email', 'name', 'password']);
  });
});

describe('acceptInvitation', () => {
  let f: OrganizationFixture;
  beforeAll(async () => {
    f = await makeOrganization(db, 'Accept Co');
  });

  it("creates the account and a membership with the invitation's role and department", async () => {
    const { token } = await invite(f, 'Newcomer@Example.test', 'lead');
    const result = await acceptInvitation(db, { token, name: 'New Comer', password: PASSWORD });
    expect(result).toMatchObject({
      ok: true,
      data: { email: 'newcomer@example.test', organizationId: f.organizationId },
    });
    const user = await findUserByEmail(db, 'newcomer@example.test');
    expect(user?.name).toBe('New Comer');
    expect(await membershipsOfUser(db, user!.id)).toEqual([
      { organizationId: f.organizationId, organizationName: 'Accept Co', role: 'lead', departmentId: f.departmentA },
    ]);
    expect(await verifyPassword(user!.passwordHash, PASSWORD)).toBe(true);
    const accepted = (await auditEventsOf(db, f.organizationId)).filter((e) => e.action === 'invitation.accept');
    expect(accepted.map((e) => e.actorUserId)).toEqual([user!.id]);

    const again = await acceptInvitation(db, { token, name: 'Someone Else', password: PASSWORD });
    expect(again).toMatchObject({ ok: false, code: 'not_found', message: { key: 'invite.invalid' } });
  });

  it("refuses the fixture's invitation once revoked", async () => {
    await revokeInvitation.execute(db, f.executive.actor, { invitationId: f.invitationId });
    const users = await countRows(db, 'users');
    expect(await acceptInvitation(db, { token: f.invitationToken, name: 'Late', password: PASSWORD })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await countRows(db, 'users')).toBe(users);
  });

  it('refuses an expired invitation', async () => {
    const { token, hash } = newToken();
    await insertInvitation(db, f.organizationId, {
      email: 'expired@example.test',
      role: 'staff',
      departmentId: f.departmentA,
      tokenHash: hash,
      invitedBy: f.executive.userId,
      expiresAt: new Date(Date.now() - 1000),
    });
    const link = invitationLinkToken(f.organizationId, token);
    expect(await acceptInvitation(db, { token: link, name: 'Too Late', password: PASSWORD })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await findUserByEmail(db, 'expired@example.test')).toBeNull();
  });

  it('refuses an unknown token', async () => {
    expect(
      await acceptInvitation(db, {
        token: invitationLinkToken(f.organizationId, newToken().token),
        name: 'Nobody',
        password: PASSWORD,
      }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await acceptInvitation(db, { token: newToken().token, name: 'Nobody', password: PASSWORD })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('asks an existing account to sign in first, and creates nothing', async () => {
    const other = await makeOrganization(db, 'Accept Other');
    const { token } = await invite(f, other.staff.email);
    expect(await acceptInvitation(db, { token, name: 'Dup', password: PASSWORD })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: { key: 'invite.signInFirst' },
    });
    expect(await membershipsOfUser(db, other.staff.userId)).toHaveLength(1);
  });
});

describe('joinOrganization', () => {
  let f: OrganizationFixture;
  let other: OrganizationFixture;
  beforeAll(async () => {
    f = await makeOrganization(db, 'Join Co');
    other = await makeOrganization(db, 'Join Other');
  });

  it("refuses a signed-in person whose email is not the invitation's", async () => {
    const { token, invitationId } = await invite(f, other.lead.email);
    const result = await joinWithInvitation(db, other.staff.userId, token);
    expect(result).toEqual({
      ok: false,
      code: 'forbidden',
      message: { key: 'invite.otherAccount', values: { email: other.lead.email } },
      fieldErrors: undefined,
    });
    expect(await membershipsOfUser(db, other.staff.userId)).toHaveLength(1);
    expect((await listPendingInvitations(db, f.organizationId)).map((i) => i.id)).toContain(invitationId);
  });

  it('lets the invited person join a second organization, once', async () => {
    const { token } = await invite(f, other.lead.email.toUpperCase(), 'staff');
    expect(await joinWithInvitation(db, other.lead.userId, token)).toEqual({
      ok: true,
      data: { organizationId: f.organizationId },
    });
    expect((await membershipsOfUser(db, other.lead.userId)).map((m) => [m.organizationId, m.role]).sort()).toEqual(
      [
        [f.organizationId, 'staff'],
        [other.organizationId, 'lead'],
      ].sort(),
    );
    expect((await listMembers(db, f.organizationId)).find((m) => m.userId === other.lead.userId)).toMatchObject({
      role: 'staff',
      departmentId: f.departmentA,
    });
    expect(await joinWithInvitation(db, other.lead.userId, token)).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('profile and password', () => {
  let f: OrganizationFixture;
  beforeAll(async () => {
    f = await makeOrganization(db, 'Profile Co');
  });

  it('verifies a password against its hash, and nothing else', async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, `${PASSWORD} `)).toBe(false);
    expect(await verifyPassword(null, PASSWORD)).toBe(false);
    expect(await verifyPassword('not a hash', PASSWORD)).toBe(false);
  });

  it('updates the name and clears the locale', async () => {
    expect(await updateProfile(db, f.staff.userId, { name: '  Sam Staff ', locale: 'en' })).toEqual({
      ok: true,
      data: null,
    });
    expect(await findUserById(db, f.staff.userId)).toMatchObject({ name: 'Sam Staff', locale: 'en' });
    await updateProfile(db, f.staff.userId, { name: 'Sam Staff', locale: '' });
    expect((await findUserById(db, f.staff.userId))?.locale).toBeNull();
  });

  it('refuses a wrong current password and keeps the old one', async () => {
    const result = await changePassword(db, f.staff.userId, {
      currentPassword: 'wrong password',
      newPassword: PASSWORD,
      confirmPassword: PASSWORD,
    });
    expect(result).toEqual({ ok: true, data: { changed: false } });
    expect(await verifyPassword(await passwordHashOf(db, f.staff.userId), FIXTURE_PASSWORD)).toBe(true);
  });

  it('refuses a confirmation that differs', async () => {
    const result = await changePassword(db, f.staff.userId, {
      currentPassword: FIXTURE_PASSWORD,
      newPassword: PASSWORD,
      confirmPassword: `${PASSWORD}!`,
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: { key: 'validation.passwordsDiffer' } },
    });
  });

  it('changes the password', async () => {
    expect(
      await changePassword(db, f.staff.userId, {
        currentPassword: FIXTURE_PASSWORD,
        newPassword: PASSWORD,
        confirmPassword: PASSWORD,
      }),
    ).toEqual({ ok: true, data: { changed: true } });
    const hash = await passwordHashOf(db, f.staff.userId);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, FIXTURE_PASSWORD)).toBe(false);
  });
});
