/**
 * The daily mail of unread notifications (issue 12): once per calendar day in the organization's time zone, from
 * 7 in the morning there, to those who chose it; it lists only unread notifications no mail listed before, with
 * absolute links and an unsubscribe link whose signed token turns the mail off (a changed token is refused with a
 * 400 page). The mail goes to a stand-in sender that keeps what was sent.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dailyMailOf } from '@/db/queries/daily-mail';
import { updateOrganization } from '@/db/queries/organizations';
import { notify } from '@/db/queries/stored-notifications';
import { memberships, notifications, users } from '@/db/schema';
import { markNotificationRead, setDailyMail } from '@/lib/commands/notifications';
import type { Mail } from '@/lib/mail';
import { sendDailyNotificationMails } from '@/lib/notifications/daily-mail';
import { useTestDatabase } from '@/tests/fixtures/database';
import { ideaCommentEvent } from '@/tests/fixtures/notifications';
import { type FixtureUser, makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { auditEventsOf } from '@/tests/fixtures/snapshots';

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => state.db,
}));
const unsubscribeRoute = await import('@/app/unsubscribe/route');

const db = useTestDatabase();
const APP_URL = 'https://cx.example.test';
let own: OrganizationFixture;
let other: OrganizationFixture;
let sent: Mail[];
/** The stand-in sender: keeps every mail; `failing` makes it answer "not sent". */
let failing: boolean;
const sender = async (mail: Mail) => {
  if (failing) return false;
  sent.push(mail);
  return true;
};
const run = (at: string) => sendDailyNotificationMails(db, new Date(at), sender);

beforeEach(async () => {
  state.db = db;
  sent = [];
  failing = false;
  vi.stubEnv('APP_URL', APP_URL);
  vi.stubEnv('AUTH_SECRET', 'a test secret of enough length');
  // The sender reads every organization: the earlier tests' members stop choosing the mail.
  await db.update(memberships).set({ dailyMail: false });
  ({ own, other } = await makeTwoOrganizations(db));
  // Berlin is UTC+1 in early March: 07:00 there is 06:00 UTC.
  await updateOrganization(db, own.organizationId, { timeZone: 'Europe/Berlin' });
  await setDailyMail.execute(db, own.staff.actor, { dailyMail: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function comment(f: OrganizationFixture, users: FixtureUser[], title: string) {
  const event = ideaCommentEvent({ title });
  await notify(
    db,
    f.organizationId,
    users.map((u) => u.userId),
    event,
  );
  return event;
}

async function notificationsOf(f: OrganizationFixture, user: FixtureUser) {
  return db
    .select({ id: notifications.id, details: notifications.details, mailedAt: notifications.mailedAt })
    .from(notifications)
    .where(and(eq(notifications.organizationId, f.organizationId), eq(notifications.userId, user.userId)))
    .orderBy(notifications.createdAt);
}

const tokenIn = (mail: Mail) => /\/unsubscribe\?token=(\S+)/.exec(mail.text)?.[1] ?? '';
const post = (token: string) =>
  unsubscribeRoute.POST(
    new Request(`${APP_URL}/unsubscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    }),
  );

describe('sendDailyNotificationMails', () => {
  it('mails the unread, unmailed notifications once a day, from 7 in the organization’s time zone', async () => {
    const event = await comment(own, [own.staff, own.lead], 'Free bookmark');
    await comment(own, [own.staff], 'Read already');
    const read = (await notificationsOf(own, own.staff))[1]!;
    await markNotificationRead.execute(db, own.staff.actor, { notificationId: read.id });

    // 06:30 in Berlin: too early.
    expect(await run('2026-03-02T05:30:00Z')).toEqual({ sent: 0, failed: 0 });
    expect(await run('2026-03-02T06:30:00Z')).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(1);
    const [mail] = sent as [Mail];
    expect(mail.to).toBe(own.staff.email);
    expect(mail.subject).toBe(`1 unread notification in ${own.name}`);
    expect(mail.text).toContain('- New comment on “Free bookmark”.');
    expect(mail.text).toContain(`${APP_URL}/ideas/${event.subjectId}`);
    expect(mail.text).toContain(`${APP_URL}/notifications`);
    expect(mail.text).not.toContain('Read already');
    expect(tokenIn(mail)).not.toBe('');
    // The lead did not choose the mail.
    expect(sent.map((m) => m.to)).not.toContain(own.lead.email);

    // The same day: a new notification waits until tomorrow.
    await comment(own, [own.staff], 'Later that day');
    expect(await run('2026-03-02T18:00:00Z')).toEqual({ sent: 0, failed: 0 });
    // Tomorrow: only what no mail listed yet.
    expect(await run('2026-03-03T06:05:00Z')).toEqual({ sent: 1, failed: 0 });
    expect(sent[1]!.text).toContain('“Later that day”');
    expect(sent[1]!.text).not.toContain('Free bookmark');
    // Nothing new: no mail.
    expect(await run('2026-03-04T08:00:00Z')).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(2);
  });

  it('counts the calendar day in the organization’s time zone, not in UTC', async () => {
    await updateOrganization(db, own.organizationId, { timeZone: 'Pacific/Auckland' });
    await comment(own, [own.staff], 'First');
    // 10:00 UTC on 2 March is 23:00 on 2 March in Auckland (UTC+13).
    expect((await run('2026-03-02T10:00:00Z')).sent).toBe(1);
    await comment(own, [own.staff], 'Second');
    // 19:00 UTC, the same UTC day, is 08:00 on 3 March in Auckland: a new day there.
    expect((await run('2026-03-02T19:00:00Z')).sent).toBe(1);
    expect(sent[1]!.text).toContain('“Second”');
  });

  it('tries again at the next run when the mail could not be sent, and marks nothing mailed meanwhile', async () => {
    await comment(own, [own.staff], 'Retry me');
    failing = true;
    expect(await run('2026-03-02T07:00:00Z')).toEqual({ sent: 0, failed: 1 });
    expect((await notificationsOf(own, own.staff)).map((n) => n.mailedAt)).toEqual([null]);
    failing = false;
    expect(await run('2026-03-02T08:00:00Z')).toEqual({ sent: 1, failed: 0 });
    expect((await notificationsOf(own, own.staff))[0]!.mailedAt).toBeInstanceOf(Date);
  });

  it('sends nothing without APP_URL, and marks nothing', async () => {
    await comment(own, [own.staff], 'No address');
    vi.stubEnv('APP_URL', '');
    expect(await run('2026-03-02T07:00:00Z')).toEqual({ sent: 0, failed: 0, skipped: 'no_app_url' });
    expect((await notificationsOf(own, own.staff))[0]!.mailedAt).toBeNull();
    const [membership] = await db
      .select({ sentAt: memberships.dailyMailSentAt })
      .from(memberships)
      .where(and(eq(memberships.organizationId, own.organizationId), eq(memberships.userId, own.staff.userId)));
    expect(membership!.sentAt).toBeNull();
  });

  it('mails nobody whose account is disabled, and each organization’s own notifications to its own members', async () => {
    await setDailyMail.execute(db, other.staff.actor, { dailyMail: true });
    await comment(own, [own.staff], 'Own');
    await comment(other, [other.staff], 'Other');
    await db.update(users).set({ disabled: true }).where(eq(users.id, own.staff.userId));
    expect((await run('2026-03-02T12:00:00Z')).sent).toBe(1);
    expect(sent[0]!.to).toBe(other.staff.email);
    expect(sent[0]!.text).toContain('“Other”');
    expect(sent[0]!.text).not.toContain('“Own”');
  });
});

describe('the unsubscribe link', () => {
  it('asks on GET, changing nothing; the button’s POST turns the daily mail off', async () => {
    await comment(own, [own.staff], 'Something');
    await run('2026-03-02T07:00:00Z');
    const token = tokenIn(sent[0]!);
    const page = await unsubscribeRoute.GET(new Request(`${APP_URL}/unsubscribe?token=${token}`));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/unsubscribe">');
    expect(html).toContain(own.name);
    expect(await dailyMailOf(db, own.organizationId, own.staff.userId)).toBe(true);

    const done = await post(decodeURIComponent(token));
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Daily mail stopped');
    expect(await dailyMailOf(db, own.organizationId, own.staff.userId)).toBe(false);
    expect((await auditEventsOf(db, own.organizationId)).at(-1)).toMatchObject({
      action: 'member.dailyMail',
      actorUserId: own.staff.userId,
      changes: { dailyMail: false },
    });
    // Off: tomorrow's new notification is not mailed.
    await comment(own, [own.staff], 'Tomorrow');
    expect((await run('2026-03-03T07:00:00Z')).sent).toBe(0);
    // The link works again (already off), and with the token in the address (a one-click unsubscribe).
    const oneClick = await unsubscribeRoute.POST(
      new Request(`${APP_URL}/unsubscribe?token=${token}`, { method: 'POST' }),
    );
    expect(oneClick.status).toBe(200);
  });

  it('refuses a changed or missing token with a 400 page, and changes nothing', async () => {
    await comment(own, [own.staff], 'Something');
    await run('2026-03-02T07:00:00Z');
    const token = decodeURIComponent(tokenIn(sent[0]!));
    const tampered = token.replace(own.staff.userId, own.lead.userId);
    expect(tampered).not.toBe(token);
    await setDailyMail.execute(db, own.lead.actor, { dailyMail: true });
    for (const bad of [tampered, `${token}x`, 'garbage', '']) {
      const response = await post(bad);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('This link does not work');
    }
    const get = await unsubscribeRoute.GET(new Request(`${APP_URL}/unsubscribe`));
    expect(get.status).toBe(400);
    expect(await dailyMailOf(db, own.organizationId, own.lead.userId)).toBe(true);
    expect(await dailyMailOf(db, own.organizationId, own.staff.userId)).toBe(true);
  });
});
