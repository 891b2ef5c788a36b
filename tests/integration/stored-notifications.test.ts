/**
 * Stored notifications (issue 12): stored once per event and per person, never for the one who did it; each person
 * lists and marks read only their own (another person's id is "not found" and changes nothing); the daily mail
 * choice; the bell's count; the link that opens a notification and marks it read.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dailyMailOf } from '@/db/queries/daily-mail';
import { findOrganization } from '@/db/queries/organizations';
import { listNotifications, notify, unreadCount } from '@/db/queries/stored-notifications';
import { notifications } from '@/db/schema';
import { markAllNotificationsRead, markNotificationRead, setDailyMail } from '@/lib/commands/notifications';
import { useTestDatabase } from '@/tests/fixtures/database';
import { ideaCommentEvent } from '@/tests/fixtures/notifications';
import { type FixtureUser, makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { auditEventsOf, snapshotOrganization, withNewAuditEvents } from '@/tests/fixtures/snapshots';

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => state.db,
}));
vi.mock('@/lib/auth/session', () => ({ currentMember: async () => state.member }));
const openRoute = await import('@/app/(app)/notifications/[id]/open/route');

const db = useTestDatabase();
let own: OrganizationFixture;
let other: OrganizationFixture;

beforeEach(async () => {
  state.db = db;
  ({ own, other } = await makeTwoOrganizations(db));
});

/** Everything stored for a person, oldest first. */
async function rowsOf(f: OrganizationFixture, user: FixtureUser) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.organizationId, f.organizationId), eq(notifications.userId, user.userId)))
    .orderBy(notifications.createdAt);
}

/** Notifies `users` of one new comment; returns the event. */
async function commentFor(f: OrganizationFixture, users: FixtureUser[], title = 'Bookmark') {
  const event = ideaCommentEvent({ title });
  await notify(
    db,
    f.organizationId,
    users.map((u) => u.userId),
    event,
  );
  return event;
}

const idOf = async (f: OrganizationFixture, user: FixtureUser) => (await rowsOf(f, user))[0]!.id;

describe('notify', () => {
  it('stores an event once per person, however often it is written, and not for the one who did it', async () => {
    const event = ideaCommentEvent({ actorUserId: own.lead.userId });
    const recipients = [own.executive.userId, own.lead.userId, own.staff.userId, own.staff.userId];
    expect(await notify(db, own.organizationId, recipients, event)).toBe(2);
    expect(await notify(db, own.organizationId, recipients, event)).toBe(0);
    expect(await notify(db, own.organizationId, [own.staff.userId], { ...event, details: { title: 'Changed' } })).toBe(
      0,
    );
    expect(await rowsOf(own, own.executive)).toHaveLength(1);
    expect(await rowsOf(own, own.staff)).toMatchObject([
      {
        kind: 'ideaComment',
        subjectType: 'idea',
        eventKey: event.eventKey,
        actorUserId: own.lead.userId,
        readAt: null,
      },
    ]);
    expect(await rowsOf(own, own.lead)).toEqual([]);
  });

  it('stores another event for the same person', async () => {
    await commentFor(own, [own.staff]);
    await commentFor(own, [own.staff]);
    expect(await rowsOf(own, own.staff)).toHaveLength(2);
  });
});

describe('the list', () => {
  it('holds only the person’s own notifications of this organization, unread first, each newest first', async () => {
    await commentFor(own, [own.staff], 'oldest');
    await commentFor(own, [own.staff], 'middle');
    await commentFor(own, [own.staff, own.lead], 'newest');
    await commentFor(other, [other.staff], 'elsewhere');
    const middle = (await rowsOf(own, own.staff))[1]!;
    expect(middle.details).toEqual({ title: 'middle' });
    await markNotificationRead.execute(db, own.staff.actor, { notificationId: middle.id });

    const { notifications: listed, hasMore } = await listNotifications(db, own.organizationId, own.staff.userId);
    expect(listed.map((n) => [n.details.title, n.readAt === null])).toEqual([
      ['newest', true],
      ['oldest', true],
      ['middle', false],
    ]);
    expect(hasMore).toBe(false);
    expect(Object.keys(listed[0]!).sort()).toEqual(
      ['createdAt', 'details', 'id', 'kind', 'readAt', 'subjectId', 'subjectType'].sort(),
    );
  });

  it('comes in pages', async () => {
    // A few milliseconds apart, as real events are: PGlite's clock can give two quick writes the same time, and then
    // their order would fall to their random ids.
    for (const title of ['a', 'b', 'c', 'd', 'e']) {
      await commentFor(own, [own.staff], title);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const page = (n: number) => listNotifications(db, own.organizationId, own.staff.userId, { page: n, pageSize: 2 });
    const pages = [await page(1), await page(2), await page(3)];
    expect(pages.map((p) => p.notifications.map((n) => n.details.title))).toEqual([['e', 'd'], ['c', 'b'], ['a']]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
  });
});

describe('marking read', () => {
  it('marks the person’s own notification read, answers its subject, and keeps the audit log for changes', async () => {
    const event = await commentFor(own, [own.staff]);
    const id = await idOf(own, own.staff);
    const first = await withNewAuditEvents(db, own.organizationId, () =>
      markNotificationRead.execute(db, own.staff.actor, { notificationId: id }),
    );
    expect(first.result).toEqual({ ok: true, data: { subjectType: 'idea', subjectId: event.subjectId } });
    expect(first.events).toEqual([]); // reading is the person's own state, not a change to audit
    expect((await rowsOf(own, own.staff))[0]!.readAt).toBeInstanceOf(Date);
    const again = await withNewAuditEvents(db, own.organizationId, () =>
      markNotificationRead.execute(db, own.staff.actor, { notificationId: id }),
    );
    expect(again.result.ok).toBe(true);
    expect(again.events).toEqual([]);
  });

  it('refuses another person’s notification in the same organization as not found, and changes nothing', async () => {
    await commentFor(own, [own.lead]);
    const leads = await idOf(own, own.lead);
    const before = await snapshotOrganization(db, own.organizationId);
    for (const actor of [own.staff.actor, own.executive.actor]) {
      expect(await markNotificationRead.execute(db, actor, { notificationId: leads })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
    }
    expect(await snapshotOrganization(db, own.organizationId)).toBe(before);
    expect((await rowsOf(own, own.lead))[0]!.readAt).toBeNull();
  });

  it('refuses another organization’s notification as not found, and an id that is none as invalid', async () => {
    await commentFor(other, [other.staff]);
    const before = await snapshotOrganization(db, other.organizationId);
    expect(
      await markNotificationRead.execute(db, own.staff.actor, { notificationId: await idOf(other, other.staff) }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await markNotificationRead.execute(db, own.staff.actor, { notificationId: 'nope' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await snapshotOrganization(db, other.organizationId)).toBe(before);
  });

  it('marks all of the person’s own read, and nobody else’s', async () => {
    await commentFor(own, [own.staff, own.lead]);
    await commentFor(own, [own.staff]);
    await commentFor(other, [other.staff]);
    const otherBefore = await snapshotOrganization(db, other.organizationId);
    const { result, events } = await withNewAuditEvents(db, own.organizationId, () =>
      markAllNotificationsRead.execute(db, own.staff.actor, {}),
    );
    expect(result).toEqual({ ok: true, data: { count: 2 } });
    expect(events).toEqual([]);
    expect((await rowsOf(own, own.staff)).every((n) => n.readAt !== null)).toBe(true);
    expect((await rowsOf(own, own.lead)).map((n) => n.readAt)).toEqual([null]);
    expect(await snapshotOrganization(db, other.organizationId)).toBe(otherBefore);
    // Nothing left to mark.
    const again = await withNewAuditEvents(db, own.organizationId, () =>
      markAllNotificationsRead.execute(db, own.staff.actor, {}),
    );
    expect(again.result).toEqual({ ok: true, data: { count: 0 } });
    expect(again.events).toEqual([]);
  });
});

describe('the bell’s count', () => {
  it('counts the person’s unread notifications in this organization only', async () => {
    expect(await unreadCount(db, own.organizationId, own.staff.userId)).toBe(0);
    await commentFor(own, [own.staff, own.lead]);
    await commentFor(own, [own.staff]);
    await commentFor(other, [other.staff]);
    expect(await unreadCount(db, own.organizationId, own.staff.userId)).toBe(2);
    expect(await unreadCount(db, own.organizationId, own.lead.userId)).toBe(1);
    await markNotificationRead.execute(db, own.staff.actor, { notificationId: await idOf(own, own.staff) });
    expect(await unreadCount(db, own.organizationId, own.staff.userId)).toBe(1);
    expect(await unreadCount(db, own.organizationId, own.lead.userId)).toBe(1);
  });
});

describe('the daily mail choice', () => {
  it('is off by default; each member turns their own on and off, audited when it changes', async () => {
    expect(await dailyMailOf(db, own.organizationId, own.staff.userId)).toBe(false);
    const on = await withNewAuditEvents(db, own.organizationId, () =>
      setDailyMail.execute(db, own.staff.actor, { dailyMail: 'on' }),
    );
    expect(on.result).toEqual({ ok: true, data: { dailyMail: true } });
    expect(on.events).toMatchObject([{ action: 'member.dailyMail', entityId: own.staff.userId }]);
    expect(await dailyMailOf(db, own.organizationId, own.staff.userId)).toBe(true);
    expect(await dailyMailOf(db, own.organizationId, own.lead.userId)).toBe(false);
    const again = await withNewAuditEvents(db, own.organizationId, () =>
      setDailyMail.execute(db, own.staff.actor, { dailyMail: true }),
    );
    expect(again.events).toEqual([]);
    // An unticked box is absent from the form.
    expect(await setDailyMail.execute(db, own.staff.actor, {})).toEqual({ ok: true, data: { dailyMail: false } });
    expect(await dailyMailOf(db, own.organizationId, own.staff.userId)).toBe(false);
    expect(await auditEventsOf(db, other.organizationId)).toEqual([]);
  });
});

describe('GET /notifications/<id>/open', () => {
  async function signInAs(f: OrganizationFixture, user: FixtureUser | null) {
    state.member = user ? { actor: user.actor, organization: await findOrganization(db, f.organizationId) } : null;
  }
  const open = (id: string, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) =>
    openRoute.GET(new Request(`https://cx.test/notifications/${id}/open`, { headers }), {
      params: Promise.resolve({ id }),
    });

  it('marks the member’s own notification read and goes on to its subject', async () => {
    const event = await commentFor(own, [own.staff]);
    const id = await idOf(own, own.staff);
    await signInAs(own, own.staff);
    const response = await open(id);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/ideas/${event.subjectId}`);
    expect((await rowsOf(own, own.staff))[0]!.readAt).toBeInstanceOf(Date);
  });

  it('leads back to the list, changing nothing, for another person’s id, a link from another site, or nobody', async () => {
    await commentFor(own, [own.lead]);
    const leads = await idOf(own, own.lead);
    const before = await snapshotOrganization(db, own.organizationId);
    await signInAs(own, own.staff);
    expect((await open(leads)).headers.get('location')).toBe('/notifications');
    await signInAs(own, own.lead);
    expect((await open(leads, { 'sec-fetch-site': 'cross-site' })).headers.get('location')).toBe('/notifications');
    await signInAs(own, null);
    expect((await open(leads)).headers.get('location')).toBe(
      `/login?next=${encodeURIComponent(`/notifications/${leads}/open`)}`,
    );
    expect(await snapshotOrganization(db, own.organizationId)).toBe(before);
  });
});
