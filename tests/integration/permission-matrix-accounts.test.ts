/**
 * The account rows of the permission matrix. Commands on a person's own account (person commands) and for someone not
 * signed in (public commands) are not in the organization's permission table: a person command is allowed to every
 * signed-in person, whatever their role, on their own account only, and refused without a session; a public command
 * is open to anyone. Every such command exported from lib/commands must have a row here.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Person, PersonCommand, PublicCommand } from '@/lib/auth/command';
import { signInDevice } from '@/db/queries/accounts';
import { findUserById, passwordHashOf } from '@/db/queries/users';
import { signUp } from '@/lib/commands/accounts';
import { inviteMember } from '@/lib/commands/members';
import { issuePasswordReset } from '@/lib/commands/password-resets';
import { roles, type Role } from '@/lib/domain/permissions';
import { useTestDatabase } from '@/tests/fixtures/database';
import {
  FIXTURE_PASSWORD,
  makeOrganization,
  type OrganizationFixture,
  uniqueSuffix,
} from '@/tests/fixtures/organizations';
import { visitor } from '@/tests/fixtures/visitors';
import { importModules, sourceFiles } from '@/tests/support/source-modules';

const db = useTestDatabase();

type AccountCommand = PersonCommand<unknown> | PublicCommand<unknown>;
const isAccountCommand = (value: unknown): value is AccountCommand =>
  typeof value === 'object' && value !== null && 'audience' in value && 'execute' in value;

const exported = new Map<string, AccountCommand>();
for (const { exports } of await importModules(
  sourceFiles('lib/commands', (file) => /^lib\/commands\/[^/]+\.ts$/.test(file)),
)) {
  for (const [name, value] of Object.entries(exports)) if (isAccountCommand(value)) exported.set(name, value);
}

interface Setting {
  f: OrganizationFixture;
  role: Role;
  self: { userId: string; email: string };
  session: Person;
}

interface PersonRow {
  audience: 'person';
  input: (s: Setting) => Promise<unknown> | unknown;
  /** An input that names something of another person's: refused as not found, and that person is untouched. */
  othersInput?: (s: Setting, other: Person) => unknown;
}
interface PublicRow {
  audience: 'public';
  input: (s: Setting) => Promise<unknown> | unknown;
}

const newPassword = 'another long password';
const rows: Record<string, PersonRow | PublicRow> = {
  signIn: { audience: 'public', input: ({ self }) => ({ email: self.email, password: FIXTURE_PASSWORD }) },
  signUp: {
    audience: 'public',
    input: () => ({
      name: 'Owner',
      email: `owner-${uniqueSuffix()}@example.test`,
      password: newPassword,
      organizationName: `Co ${uniqueSuffix()}`,
    }),
  },
  confirmSignUp: {
    audience: 'public',
    input: async () => {
      vi.stubEnv('SMTP_URL', 'smtp://mail.example.test:587');
      const started = await signUp.execute(db, visitor('192.0.2.250'), {
        name: 'Owner',
        email: `confirm-${uniqueSuffix()}@example.test`,
        password: newPassword,
        organizationName: `Co ${uniqueSuffix()}`,
      });
      vi.stubEnv('SMTP_URL', '');
      if (!started.ok || started.data.outcome !== 'check_mail') throw new Error(JSON.stringify(started));
      return { token: started.data.confirmToken };
    },
  },
  resetPassword: {
    audience: 'public',
    input: async ({ f }) => {
      const issued = await issuePasswordReset.execute(db, f.executive.actor, { userId: f.staff.userId });
      if (!issued.ok) throw new Error(JSON.stringify(issued));
      return { token: issued.data.token, password: newPassword, confirmPassword: newPassword };
    },
  },
  requestPasswordReset: {
    audience: 'public',
    input: ({ self }) => {
      vi.stubEnv('SMTP_URL', 'smtp://mail.example.test:587');
      vi.stubEnv('APP_URL', 'https://cx.example.test');
      return { email: self.email };
    },
  },
  acceptInvitation: {
    audience: 'public',
    input: ({ f }) => ({ token: f.invitationToken, name: 'Invited', password: newPassword }),
  },
  joinOrganization: {
    audience: 'person',
    input: async ({ self }) => {
      const g = await makeOrganization(db, `Join ${uniqueSuffix()}`);
      const invitation = await inviteMember.execute(db, g.executive.actor, {
        email: self.email,
        role: 'staff',
        departmentId: g.departmentA,
      });
      if (!invitation.ok) throw new Error(JSON.stringify(invitation));
      return { token: invitation.data.token };
    },
  },
  switchOrganization: { audience: 'person', input: ({ f }) => ({ organizationId: f.organizationId }) },
  updateProfile: { audience: 'person', input: () => ({ name: 'Renamed Person', locale: '' }) },
  changePassword: {
    audience: 'person',
    input: () => ({ currentPassword: FIXTURE_PASSWORD, newPassword, confirmPassword: newPassword }),
  },
  signOut: { audience: 'person', input: () => ({}) },
  signOutEverywhere: { audience: 'person', input: () => ({}) },
  signOutDevice: {
    audience: 'person',
    input: async ({ self }) => ({
      deviceId: await signInDevice(db, self.userId, null, { address: '', userAgent: '' }),
    }),
    othersInput: (_, other) => ({ deviceId: other.deviceId }),
  },
};

async function setting(role: Role): Promise<Setting> {
  const f = await makeOrganization(db, `Accounts ${uniqueSuffix()}`);
  const self = f[role === 'executive' ? 'executive' : role];
  const session = { userId: self.userId, deviceId: await signInDevice(db, self.userId, null, visitor()) };
  return { f, role, self, session };
}

/** What a person command could change about a person: their name, password and sessions. */
async function personState(userId: string) {
  return JSON.stringify([await findUserById(db, userId), await passwordHashOf(db, userId)]);
}

it('has a row for every account command, and none for a command that no longer exists', () => {
  expect(exported.size).toBeGreaterThan(0);
  expect([...exported.keys()].sort()).toEqual(Object.keys(rows).sort());
  for (const [name, command] of exported) expect(command.audience, name).toBe(rows[name]!.audience);
});

for (const [name, row] of Object.entries(rows)) {
  const command = exported.get(name);
  if (!command) continue;
  describe(`${name} (${row.audience})`, () => {
    if (command.audience === 'public') {
      it('is open to someone not signed in', async () => {
        vi.stubEnv('SIGN_UP', 'open');
        const s = await setting('staff');
        expect(
          await command.execute(db, visitor(`192.0.2.${Math.floor(Math.random() * 250)}`), await row.input(s)),
        ).toMatchObject({
          ok: true,
        });
        vi.unstubAllEnvs();
      });
      return;
    }
    for (const role of roles) {
      it(`${role}: allowed on their own account`, async () => {
        const s = await setting(role);
        expect(await command.execute(db, s.session, visitor(), await row.input(s))).toMatchObject({ ok: true });
      });
    }
    it('refuses without a session, and changes nothing', async () => {
      const s = await setting('staff');
      const before = await personState(s.self.userId);
      expect(await command.execute(db, null, visitor(), await row.input(s))).toMatchObject({
        ok: false,
        code: 'unauthenticated',
      });
      expect(await personState(s.self.userId)).toBe(before);
    });
    const othersInput = row.audience === 'person' ? row.othersInput : undefined;
    if (othersInput) {
      it('refuses what belongs to another person as not found', async () => {
        const s = await setting('executive');
        const other = await setting('staff');
        const result = await command.execute(db, s.session, visitor(), othersInput(s, other.session));
        expect(result).toMatchObject({ ok: false, code: 'not_found' });
      });
    }
  });
}
