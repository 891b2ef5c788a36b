/** Read receipts of the goal ("I have read this version"), and the demo goal the seed writes. */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/tests/fixtures/database';
import {
  currentGoal,
  findGoalDraft,
  goalReadAt,
  goalReadings,
  goalVersionByNumber,
  listGoalVersions,
} from '@/db/queries/goal';
import { insertTouchpoint } from '@/db/queries/journey';
import { insertMembership } from '@/db/queries/members';
import { goalReads } from '@/db/schema';
import { bookshelfGoalV2, seedGoal } from '@/db/seed-goal';
import { makeTwoOrganizations, makeUser, type OrganizationFixture, uniqueSuffix } from '@/tests/fixtures/organizations';
import { auditEventsOf, snapshotOrganization, withNewAuditEvents } from '@/tests/fixtures/snapshots';
import { acknowledgeGoal, publishGoal } from '@/lib/commands/goal';
import { goalLength, publishProblems, readingByDepartment } from '@/lib/domain/goal';
import { dataOf } from './helpers';

const db = useTestDatabase();

const snapshot = (organizationId: string) => snapshotOrganization(db, organizationId);

const content = {
  statement: 'Every customer wants to come back.',
  whyService: 'Service is why they return.',
  atmosphere: 'Calm, personal, without surprises.',
  commitments: ['Answer within a day.', 'Honest delivery dates.', 'Fix first, find the cause later.'],
  dayToDay: 'Improve one thing each week.',
};

async function publishVersion(f: OrganizationFixture, statement = content.statement) {
  const { version } = dataOf(await publishGoal.execute(db, f.executive.actor, { ...content, statement }));
  const published = await goalVersionByNumber(db, f.organizationId, version);
  return published!.id;
}

let own: OrganizationFixture;
let other: OrganizationFixture;
beforeEach(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
});

describe('confirming "I have read this version"', () => {
  it('lets every role confirm the current version once, recorded with one audit event', async () => {
    const v1 = await publishVersion(own);
    for (const actor of [own.executive.actor, own.lead.actor, own.staff.actor]) {
      const first = await withNewAuditEvents(db, own.organizationId, () =>
        acknowledgeGoal.execute(db, actor, { goalVersionId: v1 }),
      );
      expect(first.result).toEqual({ ok: true, data: { version: 1 } });
      expect(first.events.map((e) => [e.action, e.actorUserId, e.entityId])).toEqual([
        ['goal.acknowledge', actor.userId, v1],
      ]);
      expect(await goalReadAt(db, own.organizationId, v1, actor.userId)).toBeInstanceOf(Date);
      // Confirming again changes nothing: still one read, no second audit event.
      const again = await withNewAuditEvents(db, own.organizationId, () =>
        acknowledgeGoal.execute(db, actor, { goalVersionId: v1 }),
      );
      expect(again.result).toEqual({ ok: true, data: { version: 1 } });
      expect(again.events).toEqual([]);
    }
    expect(await db.select().from(goalReads).where(eq(goalReads.organizationId, own.organizationId))).toHaveLength(3);
  });

  it("refuses another organization's version as not found, and writes nothing in either", async () => {
    const theirs = await publishVersion(other);
    await publishVersion(own);
    const before = { own: await snapshot(own.organizationId), other: await snapshot(other.organizationId) };
    for (const actor of [own.executive.actor, own.lead.actor, own.staff.actor]) {
      expect(await acknowledgeGoal.execute(db, actor, { goalVersionId: theirs })).toEqual({
        ok: false,
        code: 'not_found',
        message: { key: 'errors.notFound' },
      });
    }
    expect({ own: await snapshot(own.organizationId), other: await snapshot(other.organizationId) }).toEqual(before);
  });

  it('refuses an unknown id, the draft, and a malformed id', async () => {
    await publishVersion(own);
    const draft = await findGoalDraft(db, own.organizationId);
    const before = await snapshot(own.organizationId);
    expect(await acknowledgeGoal.execute(db, own.staff.actor, { goalVersionId: draft!.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(
      await acknowledgeGoal.execute(db, own.staff.actor, { goalVersionId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await acknowledgeGoal.execute(db, own.staff.actor, { goalVersionId: 'v1' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await acknowledgeGoal.execute(db, null, { goalVersionId: draft!.id })).toMatchObject({
      ok: false,
      code: 'unauthenticated',
    });
    expect(await snapshot(own.organizationId)).toBe(before);
  });

  it('asks everyone again after publishing: reads of version 1 do not count for version 2', async () => {
    const v1 = await publishVersion(own);
    for (const actor of [own.executive.actor, own.lead.actor, own.staff.actor]) {
      dataOf(await acknowledgeGoal.execute(db, actor, { goalVersionId: v1 }));
    }
    const v2 = await publishVersion(own, 'Every customer comes back and brings a friend.');
    const readings = await goalReadings(db, own.organizationId, v2);
    expect(readings).toHaveLength(3);
    expect(readings.every((m) => m.readAt === null)).toBe(true);
    expect(await goalReadAt(db, own.organizationId, v1, own.staff.userId)).toBeInstanceOf(Date);

    // Version 1 can no longer be confirmed; version 2 can.
    expect(await acknowledgeGoal.execute(db, own.staff.actor, { goalVersionId: v1 })).toEqual({
      ok: false,
      code: 'conflict',
      message: { key: 'goal.errors.notCurrent' },
    });
    dataOf(await acknowledgeGoal.execute(db, own.staff.actor, { goalVersionId: v2 }));
    const groups = readingByDepartment(await goalReadings(db, own.organizationId, v2));
    expect(groups.map((g) => [g.departmentName, g.read.map((m) => m.userId), g.notRead.map((m) => m.userId)])).toEqual([
      ['Sales', [own.staff.userId], [own.lead.userId]],
      [null, [], [own.executive.userId]],
    ]);
  });

  it("lists only this organization's members in the read status", async () => {
    const v1 = await publishVersion(own);
    dataOf(await acknowledgeGoal.execute(db, own.lead.actor, { goalVersionId: v1 }));
    const readings = await goalReadings(db, own.organizationId, v1);
    expect(readings.map((m) => m.userId).sort()).toEqual(
      [own.executive.userId, own.lead.userId, own.staff.userId].sort(),
    );
    expect(readings.find((m) => m.userId === own.lead.userId)).toMatchObject({
      departmentId: own.departmentA,
      departmentName: 'Sales',
    });
  });
});

describe('the demo goal', () => {
  it('is within the one-page budget, close to it, and publishable', () => {
    expect(goalLength(bookshelfGoalV2)).toBeGreaterThan(2000);
    expect(goalLength(bookshelfGoalV2)).toBeLessThanOrEqual(2500);
    expect(publishProblems(bookshelfGoalV2)).toEqual([]);
  });

  it('seeds two versions, a draft equal to version 2, targets at named touchpoints, and reads of version 2 by two members', async () => {
    const people = new Map<string, string>([
      ['exec@demo.test', own.executive.userId],
      ['lead@demo.test', own.lead.userId],
      ['staff@demo.test', own.staff.userId],
    ]);
    for (const email of ['delivery@demo.test', 'it@demo.test']) {
      const user = await makeUser(db, `${uniqueSuffix()}-${email}`);
      await insertMembership(db, own.organizationId, { userId: user.id, role: 'lead', departmentId: own.departmentB });
      people.set(email, user.id);
    }
    const touchpointIds = new Map<string, string>();
    for (const name of ['Courier delivery', 'Support chat and phone']) {
      touchpointIds.set(
        name,
        (
          await insertTouchpoint(db, own.organizationId, {
            name,
            stageId: own.stageId,
            departmentId: own.departmentA,
            channel: 'online',
          })
        ).id,
      );
    }
    await db.transaction((tx) =>
      seedGoal({ tx, organizationId: own.organizationId, people, departmentIds: new Map(), touchpointIds }),
    );

    expect((await listGoalVersions(db, own.organizationId)).map((v) => v.version)).toEqual([2, 1]);
    const current = await goalVersionByNumber(db, own.organizationId, 2);
    expect(current).toMatchObject({ ...bookshelfGoalV2, version: 2 });
    expect(current?.targets.map((t) => [t.metric, t.touchpointName, t.targetValue])).toEqual([
      ['nps', null, 45],
      ['csat', 'Courier delivery', 90],
      ['ttr', 'Support chat and phone', 24],
      ['business', null, 40],
    ]);
    const draft = await findGoalDraft(db, own.organizationId);
    expect(draft).toMatchObject({ ...bookshelfGoalV2, version: null });
    expect(draft?.targets.map((t) => t.metric)).toEqual(['nps', 'csat', 'ttr', 'business']);
    const readers = (await goalReadings(db, own.organizationId, current!.id))
      .filter((m) => m.readAt)
      .map((m) => m.userId);
    expect(readers.sort()).toEqual([own.executive.userId, own.lead.userId].sort());
    expect((await currentGoal(db, own.organizationId))?.version).toBe(2);
    expect((await auditEventsOf(db, own.organizationId)).map((e) => e.action)).toEqual([
      'goal.publish',
      'goal.publish',
    ]);
  });
});
