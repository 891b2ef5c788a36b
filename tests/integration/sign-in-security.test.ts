/**
 * Issue 10, items 2, 3 and 7: guessing is throttled for real (OWASP's device cookies), sessions end when they should,
 * and sign-up is throttled and can be closed. The commands run as the sign-in form's action runs them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findSessionUser, recentAccountEvents, signInDevice } from '@/db/queries/accounts';
import { insertMembership } from '@/db/queries/members';
import { removeMember } from '@/lib/commands/members';
import {
  changePassword,
  confirmSignUp,
  signIn,
  signOut,
  signOutDevice,
  signOutEverywhere,
  signUp,
  type SignInOutcome,
} from '@/lib/commands/accounts';
import { signUpOpen } from '@/lib/domain/sign-in';
import { deviceToken, readSignInGrant, signInGrant } from '@/lib/secrets/signed';
import { useTestDatabase } from '@/tests/fixtures/database';
import { addMember, FIXTURE_PASSWORD, makeOrganization, uniqueSuffix } from '@/tests/fixtures/organizations';
import { countRows } from '@/tests/fixtures/snapshots';
import { personOf, visitor } from '@/tests/fixtures/visitors';

const db = useTestDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
});

async function signInAs(email: string, password: string, address: string, deviceTokens: string[] = []) {
  const result = await signIn.execute(db, visitor(address, deviceTokens), { email, password });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

function signedIn(outcome: SignInOutcome) {
  if (outcome.outcome !== 'signed_in') throw new Error(`not signed in: ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('item 2: guessing is throttled for real, and an attacker cannot lock out the real user', () => {
  it('30 wrong attempts from 30 addresses at once get at most 5 passwords checked; the usual browser still signs in', async () => {
    const f = await makeOrganization(db, `Guess ${uniqueSuffix()}`);
    const usual = signedIn(await signInAs(f.staff.email, FIXTURE_PASSWORD, '198.51.100.7'));

    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signInAs(f.staff.email, `guess number ${i}`, `192.0.2.${i + 1}`)),
    );
    const checked = outcomes.filter((o) => o.outcome === 'wrong').length;
    expect(checked).toBe(5);
    expect(outcomes.filter((o) => o.outcome === 'throttled')).toHaveLength(25);

    // The right password from a browser without this account's device cookie is refused without being checked …
    expect(await signInAs(f.staff.email, FIXTURE_PASSWORD, '192.0.2.200')).toMatchObject({ outcome: 'throttled' });
    // … while the person's usual browser signs in at once.
    expect(await signInAs(f.staff.email, FIXTURE_PASSWORD, '198.51.100.7', [usual.deviceToken])).toMatchObject({
      outcome: 'signed_in',
    });

    const kinds = (await recentAccountEvents(db, f.staff.userId, 100)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'sign_in_failed')).toHaveLength(5);
    // Refusals a stranger can cause at will are kept once a minute, so they cannot fill the table.
    expect(kinds.filter((k) => k === 'sign_in_throttled')).toHaveLength(1);
  });

  it('a throttled attempt names the minutes to wait', async () => {
    const f = await makeOrganization(db, `Minutes ${uniqueSuffix()}`);
    for (let i = 0; i < 5; i++) await signInAs(f.lead.email, 'wrong password', `192.0.2.${i + 40}`);
    const outcome = await signInAs(f.lead.email, 'wrong password', '192.0.2.60');
    expect(outcome).toEqual({ outcome: 'throttled', minutes: 15 });
  });

  it("a device cookie has its own allowance: its guesses lock that browser, not the account's other browsers", async () => {
    const f = await makeOrganization(db, `Device ${uniqueSuffix()}`);
    const usual = signedIn(await signInAs(f.executive.email, FIXTURE_PASSWORD, '198.51.100.8'));
    for (let i = 0; i < 5; i++) {
      expect(await signInAs(f.executive.email, 'wrong', '198.51.100.8', [usual.deviceToken])).toMatchObject({
        outcome: 'wrong',
      });
    }
    expect(await signInAs(f.executive.email, FIXTURE_PASSWORD, '198.51.100.8', [usual.deviceToken])).toMatchObject({
      outcome: 'throttled',
    });
    // A new browser is still under the account's own allowance, untouched by that device's failures.
    expect(await signInAs(f.executive.email, FIXTURE_PASSWORD, '198.51.100.9')).toMatchObject({
      outcome: 'signed_in',
    });
  });

  it("a forged device cookie, or another account's, counts as none", async () => {
    const f = await makeOrganization(db, `Forged ${uniqueSuffix()}`);
    const other = signedIn(await signInAs(f.lead.email, FIXTURE_PASSWORD, '198.51.100.10'));
    const forged = deviceToken(f.staff.userId, '00000000-0000-4000-8000-000000000001').replace(/.$/, 'x');
    const unknownDevice = deviceToken(f.staff.userId, '00000000-0000-4000-8000-000000000002');
    for (let i = 0; i < 5; i++) {
      await signInAs(f.staff.email, 'wrong', `192.0.2.${i + 100}`, [forged, unknownDevice, other.deviceToken]);
    }
    expect(
      await signInAs(f.staff.email, FIXTURE_PASSWORD, '192.0.2.120', [forged, unknownDevice, other.deviceToken]),
    ).toMatchObject({ outcome: 'throttled' });
  });

  it('an unknown email is counted like a known one and never signs in', async () => {
    const email = `nobody-${uniqueSuffix()}@example.test`;
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push((await signInAs(email, FIXTURE_PASSWORD, `192.0.2.${i + 150}`)).outcome);
    expect(outcomes).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'throttled']);
  });

  it('one address guessing at many accounts is stopped after 20 attempts', async () => {
    const outcomes = [];
    for (let i = 0; i < 21; i++) {
      outcomes.push(
        (await signInAs(`spray-${i}-${uniqueSuffix()}@example.test`, 'Winter2026!', '203.0.113.99')).outcome,
      );
    }
    expect(outcomes.slice(0, 20).every((o) => o === 'wrong')).toBe(true);
    expect(outcomes[20]).toBe('throttled');
  });

  it('successful sign-ins from one office address do not use up its allowance', async () => {
    const f = await makeOrganization(db, `Office ${uniqueSuffix()}`);
    const people = [f.executive.email, f.lead.email, f.staff.email];
    for (let i = 0; i < 30; i++) {
      expect(await signInAs(people[i % 3]!, FIXTURE_PASSWORD, '203.0.113.120')).toMatchObject({ outcome: 'signed_in' });
    }
  });

  it('the grant handed to Auth.js names the person and device, and is good for a minute only', async () => {
    const f = await makeOrganization(db, `Grant ${uniqueSuffix()}`);
    const start = signedIn(await signInAs(f.staff.email, FIXTURE_PASSWORD, '198.51.100.11'));
    expect(readSignInGrant(start.grant)).toEqual(personOf(start));
    expect(readSignInGrant(start.grant, new Date(Date.now() + 61_000))).toBeNull();
    expect(readSignInGrant(start.grant.replace(/.$/, 'x'))).toBeNull();
    expect(readSignInGrant(deviceToken(f.staff.userId, personOf(start).deviceId))).toBeNull();
    expect(readSignInGrant(signInGrant(f.staff.userId, personOf(start).deviceId))).not.toBeNull();
  });
});

describe('item 3: sessions end when they should', () => {
  async function twoSessions() {
    const f = await makeOrganization(db, `Sessions ${uniqueSuffix()}`);
    const laptop = personOf(signedIn(await signInAs(f.staff.email, FIXTURE_PASSWORD, '198.51.100.20')));
    const phone = personOf(signedIn(await signInAs(f.staff.email, FIXTURE_PASSWORD, '198.51.100.21')));
    const valid = async (p: { userId: string; deviceId: string }) =>
      (await findSessionUser(db, p.userId, p.deviceId)) !== null;
    return { f, laptop, phone, valid };
  }

  it('changing the password ends every other session; the one that changed it stays signed in', async () => {
    const { f, laptop, phone, valid } = await twoSessions();
    expect([await valid(laptop), await valid(phone)]).toEqual([true, true]);
    const result = await changePassword.execute(db, laptop, visitor(), {
      currentPassword: FIXTURE_PASSWORD,
      newPassword: 'a brand new password',
      confirmPassword: 'a brand new password',
    });
    expect(result).toEqual({ ok: true, data: { changed: true } });
    expect([await valid(laptop), await valid(phone)]).toEqual([true, false]);
    // The ended browser signs in again with the new password.
    expect(await signInAs(f.staff.email, 'a brand new password', '198.51.100.21')).toMatchObject({
      outcome: 'signed_in',
    });
  });

  it('a wrong current password changes nothing and is throttled after 5 tries', async () => {
    const { laptop, phone, valid } = await twoSessions();
    const wrong = {
      currentPassword: 'not it',
      newPassword: 'a brand new password',
      confirmPassword: 'a brand new password',
    };
    for (let i = 0; i < 5; i++) {
      expect(await changePassword.execute(db, laptop, visitor(), wrong)).toEqual({
        ok: true,
        data: { changed: false },
      });
    }
    expect(
      await changePassword.execute(db, laptop, visitor(), { ...wrong, currentPassword: FIXTURE_PASSWORD }),
    ).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
    expect([await valid(laptop), await valid(phone)]).toEqual([true, true]);
  });

  it('"sign out everywhere" ends every other session and keeps this one', async () => {
    const { laptop, phone, valid } = await twoSessions();
    expect(await signOutEverywhere.execute(db, phone, visitor(), {})).toEqual({ ok: true, data: null });
    expect([await valid(laptop), await valid(phone)]).toEqual([false, true]);
  });

  it('signing out ends that session on the server; signing out another browser ends only that one', async () => {
    const { f, laptop, phone, valid } = await twoSessions();
    const tablet = personOf(signedIn(await signInAs(f.staff.email, FIXTURE_PASSWORD, '198.51.100.22')));
    expect(await signOut.execute(db, laptop, visitor(), {})).toEqual({ ok: true, data: null });
    expect(await signOutDevice.execute(db, phone, visitor(), { deviceId: tablet.deviceId })).toEqual({
      ok: true,
      data: null,
    });
    expect([await valid(laptop), await valid(phone), await valid(tablet)]).toEqual([false, true, false]);
  });

  it("cannot sign out another person's browser", async () => {
    const { f, laptop, valid } = await twoSessions();
    const lead = personOf(signedIn(await signInAs(f.lead.email, FIXTURE_PASSWORD, '198.51.100.23')));
    expect(await signOutDevice.execute(db, lead, visitor(), { deviceId: laptop.deviceId })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await valid(laptop)).toBe(true);
  });

  it('a person with no session is refused by every person command', async () => {
    for (const command of [signOut, signOutEverywhere, signOutDevice, changePassword]) {
      expect(await command.execute(db, null, visitor(), {})).toMatchObject({ ok: false, code: 'unauthenticated' });
    }
  });

  it('removal from one organization takes effect there at once and does not sign the person out of the others', async () => {
    const f = await makeOrganization(db, `Removal ${uniqueSuffix()}`);
    const g = await makeOrganization(db, `Removal other ${uniqueSuffix()}`);
    const both = await addMember(db, g.organizationId, 'staff', g.departmentA, `both-${uniqueSuffix()}`);
    await insertMembership(db, f.organizationId, { userId: both.userId, role: 'staff', departmentId: f.departmentA });
    const session = personOf(signedIn(await signInAs(both.email, FIXTURE_PASSWORD, '198.51.100.24')));
    const removed = await removeMember.execute(db, f.executive.actor, { userId: both.userId });
    expect(removed).toMatchObject({ ok: true });
    expect(await findSessionUser(db, session.userId, session.deviceId)).not.toBeNull();
  });

  it('a disabled account is signed out at once', async () => {
    const { f, laptop, valid } = await twoSessions();
    const { users } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    await db.update(users).set({ disabled: true }).where(eq(users.id, f.staff.userId));
    expect(await valid(laptop)).toBe(false);
  });

  it('a device row from before a sign-in at a newer session version is not a session', async () => {
    const { f, laptop, valid } = await twoSessions();
    await signOutEverywhere.execute(db, laptop, visitor(), {});
    const again = await signInDevice(db, f.staff.userId, null, { address: '198.51.100.30', userAgent: 'x' });
    expect(await valid({ userId: f.staff.userId, deviceId: again })).toBe(true);
  });
});

describe('item 7: sign-up', () => {
  const input = () => ({
    name: 'New Owner',
    email: `owner-${uniqueSuffix()}@example.test`,
    password: 'a long enough password',
    organizationName: `New Co ${uniqueSuffix()}`,
  });

  it('is throttled per address: the sixth organization from one address in an hour is refused', async () => {
    vi.stubEnv('SIGN_UP', 'open');
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await signUp.execute(db, visitor('203.0.113.77'), input()));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, code: 'rate_limited' });
    expect((await signUp.execute(db, visitor('203.0.113.78'), input())).ok).toBe(true);
  });

  it('testing whether addresses have an account counts against the same allowance', async () => {
    vi.stubEnv('SIGN_UP', 'open');
    const f = await makeOrganization(db, `Probe ${uniqueSuffix()}`);
    const outcomes = [];
    for (let i = 0; i < 6; i++) {
      const result = await signUp.execute(db, visitor('203.0.113.85'), { ...input(), email: f.staff.email });
      outcomes.push(result.ok ? result.data.outcome : result.code);
    }
    expect(outcomes).toEqual([
      'email_taken',
      'email_taken',
      'email_taken',
      'email_taken',
      'email_taken',
      'rate_limited',
    ]);
  });

  it('SIGN_UP=closed refuses every sign-up and writes nothing', async () => {
    vi.stubEnv('SIGN_UP', 'closed');
    const before = await countRows(db, 'organizations');
    expect(await signUp.execute(db, visitor('203.0.113.79'), input())).toMatchObject({
      ok: false,
      code: 'forbidden',
      message: { key: 'auth.signUpClosed' },
    });
    expect(await countRows(db, 'organizations')).toBe(before);
  });

  it('SIGN_UP=first (the default) allows only the first organization on the server', async () => {
    vi.stubEnv('SIGN_UP', '');
    expect(await signUp.execute(db, visitor('203.0.113.80'), input())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(signUpOpen('first', 0)).toBe(true);
    expect(signUpOpen('first', 1)).toBe(false);
    expect(signUpOpen('open', 5)).toBe(true);
    expect(signUpOpen('closed', 0)).toBe(false);
  });

  it('with mail configured, answers "check your mail" whether or not the address is taken, and creates the account from the link', async () => {
    vi.stubEnv('SIGN_UP', 'open');
    vi.stubEnv('SMTP_URL', 'smtp://mail.example.test:587');
    const f = await makeOrganization(db, `Mail ${uniqueSuffix()}`);
    const users = await countRows(db, 'users');

    const taken = await signUp.execute(db, visitor('203.0.113.81'), { ...input(), email: f.staff.email });
    const fresh = input();
    const free = await signUp.execute(db, visitor('203.0.113.81'), fresh);
    expect(taken).toMatchObject({
      ok: true,
      data: { outcome: 'check_mail', email: f.staff.email, confirmToken: null },
    });
    expect(free).toMatchObject({ ok: true, data: { outcome: 'check_mail', email: fresh.email } });
    expect(await countRows(db, 'users')).toBe(users);
    if (!free.ok || free.data.outcome !== 'check_mail') return;
    const token = free.data.confirmToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const confirmed = await confirmSignUp.execute(db, visitor('203.0.113.82'), { token });
    expect(confirmed).toMatchObject({ ok: true, data: { email: fresh.email } });
    expect(await countRows(db, 'users')).toBe(users + 1);
    expect(await confirmSignUp.execute(db, visitor('203.0.113.82'), { token })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});
