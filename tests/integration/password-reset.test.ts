/**
 * Issue 10, item 4: password reset. An executive issues a one-time link for a member of their organization (valid
 * for an hour, stored hashed); a person with mail configured asks for one at sign-in and gets the same answer
 * whether or not the address has an account.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { auditEventsOf } from '@/tests/fixtures/snapshots';
import { useTestDatabase } from '@/tests/fixtures/database';
import {
  addMember,
  FIXTURE_PASSWORD,
  makeOrganization,
  type OrganizationFixture,
  uniqueSuffix,
} from '@/tests/fixtures/organizations';
import { insertMembership } from '@/db/queries/members';
import { passwordHashOf } from '@/db/queries/users';
import { accountEvents, passwordResets, users } from '@/db/schema';
import type { PublicCommand, Visitor } from '@/lib/auth/command';
import { RESET_LINK_MINUTES } from '@/lib/domain/password-reset';
import type { Env } from '@/lib/env';
import { verifyPassword } from '@/lib/secrets/password';
import { hashToken } from '@/lib/secrets/tokens';
import { auditedRun, dataOf } from './helpers';

/** What the mocks below see and do: the mails sent, whether SMTP_URL is set, work deferred past the answer. */
const world = vi.hoisted(() => ({
  db: null as unknown as Database,
  visitor: { address: '203.0.113.7', userAgent: 'Vitest browser', deviceTokens: [] } as Visitor,
  smtpUrl: 'smtp://mail.example.test:25' as string | undefined,
  appUrl: 'https://cx.example.test' as string | undefined,
  sent: [] as { to: string; subject: string; text: string }[],
  deferred: [] as Promise<unknown>[],
}));

vi.mock('nodemailer', () => ({
  createTransport: () => ({
    sendMail: async (mail: { to: string; subject: string; text: string }) => {
      world.sent.push(mail);
      return {};
    },
  }),
}));
vi.mock('@/lib/env', async (importOriginal) => {
  const real = await importOriginal<{ env: () => Env }>();
  return { ...real, env: () => ({ ...real.env(), SMTP_URL: world.smtpUrl, APP_URL: world.appUrl }) };
});
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  after: (task: () => unknown) => void world.deferred.push(Promise.resolve().then(task)),
}));
// Every request names another site as its host: links must come from APP_URL all the same.
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'evil.example', 'x-forwarded-host': 'evil.example' }),
}));
// The public wrapper as the app runs it, on this file's database and a fixed visitor.
vi.mock('@/lib/auth/run', () => ({
  runPublic: <R>(command: PublicCommand<R>, input: unknown) => command.execute(world.db, world.visitor, input),
}));

const { requestPasswordResetAction } = await import('@/app/(auth)/forgot/actions');
const { issuePasswordReset, resetPassword } = await import('@/lib/commands/password-resets');
const { findOpenPasswordReset } = await import('@/db/queries/password-resets');

const db = useTestDatabase();
world.db = db;
const run = auditedRun(() => db);
const NEW_PASSWORD = 'a brand new passphrase';

async function sessionVersionOf(userId: string) {
  const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row!.v;
}

async function passwordWorks(userId: string, password: string) {
  return verifyPassword(await passwordHashOf(db, userId), password);
}

async function accountEventKinds(userId: string) {
  const rows = await db.select().from(accountEvents).where(eq(accountEvents.userId, userId));
  return rows.map((r) => ({ kind: r.kind, actorId: r.actorId, address: r.address }));
}

function reset(token: string, password = NEW_PASSWORD, confirmPassword = password) {
  return resetPassword.execute(db, world.visitor, { token, password, confirmPassword });
}

describe('item 4: an executive issues a reset link', () => {
  let f: OrganizationFixture;
  beforeAll(async () => {
    f = await makeOrganization(db, 'Reset Co');
  });

  it('item 4: the link is returned once, only its hash is stored, and it is audited without the token', async () => {
    const before = Date.now();
    const data = dataOf(
      await run(issuePasswordReset, f.executive.actor, { userId: f.staff.userId }, 'member.password_reset_issued'),
    );
    expect(data.email).toBe(f.staff.email);
    expect(data.token).toMatch(/^[\w-]{43}$/);

    const stored = await db.select().from(passwordResets).where(eq(passwordResets.userId, f.staff.userId));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashToken(data.token));
    expect(JSON.stringify(stored)).not.toContain(data.token);
    expect(stored[0]).toMatchObject({ issuedBy: f.executive.userId, organizationId: f.organizationId, usedAt: null });
    const minutes = (stored[0]!.expiresAt.getTime() - before) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(RESET_LINK_MINUTES);
    expect(minutes).toBeLessThan(RESET_LINK_MINUTES + 0.5);

    const [audit] = (await auditEventsOf(db, f.organizationId)).filter(
      (e) => e.action === 'member.password_reset_issued',
    );
    expect(audit).toMatchObject({ entityType: 'member', entityId: f.staff.userId, actorUserId: f.executive.userId });
    expect(JSON.stringify(audit)).not.toContain(data.token);
    expect(await accountEventKinds(f.staff.userId)).toEqual([
      { kind: 'password_reset_issued', actorId: f.executive.userId, address: '' },
    ]);
  });

  it('item 4: the link sets a new password once; the old one stops working and every session ends', async () => {
    const member = await addMember(db, f.organizationId, 'staff', f.departmentA, `once-${uniqueSuffix()}`);
    const { token } = dataOf(await issuePasswordReset.execute(db, f.executive.actor, { userId: member.userId }));
    const version = await sessionVersionOf(member.userId);
    expect(await findOpenPasswordReset(db, hashToken(token), new Date())).toMatchObject({
      userId: member.userId,
      email: member.email,
    });

    expect(await reset(token)).toEqual({ ok: true, data: null });
    expect(await passwordWorks(member.userId, NEW_PASSWORD)).toBe(true);
    expect(await passwordWorks(member.userId, FIXTURE_PASSWORD)).toBe(false);
    expect(await sessionVersionOf(member.userId)).toBe(version + 1);
    expect(await accountEventKinds(member.userId)).toContainEqual({
      kind: 'password_reset',
      actorId: null,
      address: world.visitor.address,
    });

    // Used: the page no longer names the account, and a second use changes nothing.
    expect(await findOpenPasswordReset(db, hashToken(token), new Date())).toBeNull();
    expect(await reset(token, 'yet another passphrase')).toMatchObject({
      ok: false,
      code: 'not_found',
      message: { key: 'passwordReset.invalid' },
    });
    expect(await passwordWorks(member.userId, NEW_PASSWORD)).toBe(true);
  });

  it('item 4: the link works within the hour and not after it', async () => {
    const member = await addMember(db, f.organizationId, 'lead', f.departmentA, `hour-${uniqueSuffix()}`);
    const issue = async () =>
      dataOf(await issuePasswordReset.execute(db, f.executive.actor, { userId: member.userId })).token;
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    try {
      const late = await issue();
      vi.setSystemTime(start + (RESET_LINK_MINUTES + 1) * 60_000);
      expect(await findOpenPasswordReset(db, hashToken(late), new Date())).toBeNull();
      expect(await reset(late)).toMatchObject({ ok: false, code: 'not_found' });
      expect(await passwordWorks(member.userId, FIXTURE_PASSWORD)).toBe(true);

      const inTime = await issue();
      vi.setSystemTime(Date.now() + (RESET_LINK_MINUTES - 1) * 60_000);
      expect(await reset(inTime)).toEqual({ ok: true, data: null });
      expect(await passwordWorks(member.userId, NEW_PASSWORD)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('item 4: two submissions of one link at the same moment: one sets the password, the other is refused', async () => {
    const member = await addMember(db, f.organizationId, 'staff', f.departmentB, `race-${uniqueSuffix()}`);
    const { token } = dataOf(await issuePasswordReset.execute(db, f.executive.actor, { userId: member.userId }));
    const results = await Promise.all([
      reset(token, 'first racing passphrase'),
      reset(token, 'second racing passphrase'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'not_found' })]);
    const winner = results[0]!.ok ? 'first racing passphrase' : 'second racing passphrase';
    expect(await passwordWorks(member.userId, winner)).toBe(true);
  });

  it('item 4: issuing a new link voids the earlier unused one', async () => {
    const member = await addMember(db, f.organizationId, 'staff', f.departmentB, `again-${uniqueSuffix()}`);
    const first = dataOf(await issuePasswordReset.execute(db, f.executive.actor, { userId: member.userId })).token;
    const second = dataOf(await issuePasswordReset.execute(db, f.executive.actor, { userId: member.userId })).token;
    expect(await reset(first)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await reset(second)).toEqual({ ok: true, data: null });
  });

  it('item 4: a lead or a staff member cannot issue a link', async () => {
    for (const actor of [f.lead.actor, f.staff.actor]) {
      const result = await run(issuePasswordReset, actor, { userId: f.executive.userId });
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    }
    const issued = await db.select().from(passwordResets).where(eq(passwordResets.userId, f.executive.userId));
    expect(issued).toEqual([]);
  });

  it("item 4: another organization's member is not found, and nothing is issued", async () => {
    const other = await makeOrganization(db, 'Elsewhere Co');
    const result = await run(issuePasswordReset, f.executive.actor, { userId: other.staff.userId });
    expect(result).toMatchObject({ ok: false, code: 'not_found' });
    expect(await db.select().from(passwordResets).where(eq(passwordResets.userId, other.staff.userId))).toEqual([]);
  });

  it('item 4: not for oneself, nor for a person who also belongs to another organization', async () => {
    const self = await run(issuePasswordReset, f.executive.actor, { userId: f.executive.userId });
    expect(self).toMatchObject({ ok: false, code: 'conflict', message: { key: 'passwordReset.notForYourself' } });

    // Their account opens other organizations too: an executive here must not be able to take it over.
    const other = await makeOrganization(db, 'Second Home Co');
    await insertMembership(db, f.organizationId, { userId: other.staff.userId, role: 'staff', departmentId: null });
    const shared = await run(issuePasswordReset, f.executive.actor, { userId: other.staff.userId });
    expect(shared).toMatchObject({ ok: false, code: 'conflict', message: { key: 'passwordReset.otherOrganizations' } });
    expect(await db.select().from(passwordResets).where(eq(passwordResets.userId, other.staff.userId))).toEqual([]);
  });

  it('item 4: the new password follows the sign-up rules and must be typed the same twice', async () => {
    const member = await addMember(db, f.organizationId, 'staff', f.departmentA, `rules-${uniqueSuffix()}`);
    const { token } = dataOf(await issuePasswordReset.execute(db, f.executive.actor, { userId: member.userId }));
    expect(await reset(token, 'short')).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { password: { key: 'validation.tooShort' } },
    });
    expect(await reset(token, NEW_PASSWORD, 'something else entirely')).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { confirmPassword: { key: 'validation.passwordsDiffer' } },
    });
    expect(await reset('not-a-token')).toMatchObject({ ok: false, code: 'not_found' });
    // The refusals left the link usable.
    expect(await reset(token)).toEqual({ ok: true, data: null });
  });
});

describe('item 4: forgot password', () => {
  let f: OrganizationFixture;
  beforeAll(async () => {
    f = await makeOrganization(db, 'Forgot Co');
  });
  beforeEach(() => {
    world.sent.length = 0;
    world.deferred.length = 0;
    world.smtpUrl = 'smtp://mail.example.test:25';
    world.appUrl = 'https://cx.example.test';
  });
  afterAll(() => {
    world.visitor = { ...world.visitor, address: '203.0.113.7' };
  });

  /** Asks as a form would, from an address of its own, and waits for the mail sent after the answer. */
  async function ask(email: string, address = `198.51.100.${Math.floor(Math.random() * 250)}`) {
    world.visitor = { ...world.visitor, address };
    const started = performance.now();
    const result = await requestPasswordResetAction({ email });
    const ms = performance.now() - started;
    await Promise.all(world.deferred);
    return { result, ms };
  }

  it('item 4: the same answer, in about the same time, for a known and an unknown address; only the known is mailed', async () => {
    await ask(`warm-up-${uniqueSuffix()}@example.test`); // the first request loads code; it is not measured
    const known: Awaited<ReturnType<typeof ask>>[] = [];
    const unknown: Awaited<ReturnType<typeof ask>>[] = [];
    for (let round = 0; round < 3; round++) {
      unknown.push(await ask(`nobody-${uniqueSuffix()}@example.test`));
      known.push(await ask(round === 1 ? f.lead.email.toUpperCase() : f.lead.email));
    }
    for (const answer of [...known, ...unknown]) expect(answer.result).toEqual({ ok: true, data: null });
    const median = (answers: { ms: number }[]) => answers.map((a) => a.ms).sort((a, b) => a - b)[1]!;
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(20);

    expect(world.sent.map((m) => m.to)).toEqual([f.lead.email, f.lead.email, f.lead.email]);
    const link = /https:\/\/cx\.example\.test\/reset\/([\w-]{43})/.exec(world.sent.at(-1)!.text);
    expect(link, world.sent.at(-1)!.text).not.toBeNull();
    const token = link![1]!;
    const stored = await db.select().from(passwordResets).where(eq(passwordResets.userId, f.lead.userId));
    expect(stored.filter((r) => r.expiresAt > new Date())).toEqual([
      expect.objectContaining({ tokenHash: hashToken(token), issuedBy: null, organizationId: null }),
    ]);
    expect(JSON.stringify(stored)).not.toContain(token);

    // The mailed link works like an executive's.
    expect(await reset(token)).toEqual({ ok: true, data: null });
    expect(await passwordWorks(f.lead.userId, NEW_PASSWORD)).toBe(true);
  });

  it('item 4: a disabled account gets no mail, and the same answer', async () => {
    await db.update(users).set({ disabled: true }).where(eq(users.id, f.staff.userId));
    const { result } = await ask(f.staff.email);
    expect(result).toEqual({ ok: true, data: null });
    expect(world.sent).toEqual([]);
  });

  it('item 4: throttled per account and per address, a few an hour', async () => {
    const account = f.executive.email;
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await ask(account)).result);
    expect(answers.slice(0, 3)).toEqual(Array(3).fill({ ok: true, data: null }));
    expect(answers.slice(3)).toEqual(Array(2).fill(expect.objectContaining({ ok: false, code: 'rate_limited' })));
    expect(world.sent).toHaveLength(3);

    const address = '192.0.2.44';
    const fromOneAddress = [];
    for (let i = 0; i < 12; i++)
      fromOneAddress.push((await ask(`nobody-${i}-${uniqueSuffix()}@example.test`, address)).result);
    expect(fromOneAddress.filter((r) => r.ok)).toHaveLength(10);
    expect(fromOneAddress.at(-1)).toMatchObject({ ok: false, code: 'rate_limited' });
  });

  it('item 4: without SMTP_URL nothing is mailed and the answer says to ask an executive', async () => {
    world.smtpUrl = undefined;
    const { result } = await ask(f.lead.email);
    expect(result).toMatchObject({ ok: false, code: 'forbidden', message: { key: 'passwordReset.askExecutive' } });
    expect(world.sent).toEqual([]);
  });

  it('item 4: without APP_URL nothing is mailed, so a forged Host header cannot send the link elsewhere', async () => {
    world.appUrl = undefined;
    const { result } = await ask(f.lead.email);
    expect(result).toMatchObject({ ok: false, code: 'forbidden', message: { key: 'passwordReset.askExecutive' } });
    expect(world.sent).toEqual([]);
  });
});
