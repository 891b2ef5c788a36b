/**
 * Department action plans: creating and editing items, who may do it, and what another organization's ids do.
 * Requests to other departments and their answers: plans-requests.test.ts.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateDepartment } from '@/db/queries/departments';
import { currentGoal } from '@/db/queries/goal';
import { insertTouchpoint, updateTouchpoint } from '@/db/queries/journey';
import { listPlanItems } from '@/db/queries/plans';
import { goalTargets, goalVersions, planItems } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeUser, uniqueSuffix } from '@/tests/fixtures/organizations';
import { snapshotOrganization, withNewAuditEvents } from '@/tests/fixtures/snapshots';
import { insertFixturePlanItem, makePlansOrganization, type PlansOrganizationFixture } from '@/tests/fixtures/plans';
import type { Actor, Command } from '@/lib/auth/command';
import type { ActionResult } from '@/lib/auth/errors';
import { removeMember } from '@/lib/commands/members';
import { createPlanItem, updatePlanItemDetails } from '@/lib/commands/plans';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();
let f: PlansOrganizationFixture;
let other: PlansOrganizationFixture;

beforeAll(async () => {
  f = await makePlansOrganization(db, 'Plans Co');
  other = await makePlansOrganization(db, 'Other Plans Co');
});

const run = auditedRun(() => db);

/** Runs a command that must be refused, and checks that neither organization changed at all. */
async function refused<T>(command: Command<T>, actor: Actor, input: unknown) {
  const before = [
    await snapshotOrganization(db, f.organizationId),
    await snapshotOrganization(db, other.organizationId),
  ];
  const result = await run(command, actor, input);
  expect(result.ok).toBe(false);
  expect([
    await snapshotOrganization(db, f.organizationId),
    await snapshotOrganization(db, other.organizationId),
  ]).toEqual(before);
  return result;
}

async function itemView(organizationId: string, id: string) {
  const item = (await listPlanItems(db, organizationId)).find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
}

async function row(id: string) {
  const [r] = await db
    .select()
    .from(planItems)
    .where(and(eq(planItems.organizationId, f.organizationId), eq(planItems.id, id)));
  return r!;
}

const title = () => `Item ${uniqueSuffix()}`;

describe('creating an item', () => {
  it('lets a lead add an item to their own department, with everything the form sends', async () => {
    const name = title();
    const result = await run(
      createPlanItem,
      f.lead.actor,
      {
        departmentId: f.departmentA,
        title: `  ${name} `,
        description: 'A second person on chat',
        ownerUserId: f.staff.userId,
        dueDate: '2025-09-30',
        status: 'in_progress',
        quickWin: 'on',
        investment: '1 200,50',
        expectedOutcome: 'CSAT +10',
        touchpointIds: f.touchpointId,
        affectedDepartmentIds: '',
        changesPromise: undefined,
        serves: '',
      },
      'planItem.create',
    );
    const { id, requests } = dataOf(result);
    expect(requests).toBe(0);
    expect(await itemView(f.organizationId, id)).toMatchObject({
      id,
      departmentId: f.departmentA,
      departmentName: 'Sales',
      title: name,
      description: 'A second person on chat',
      ownerUserId: f.staff.userId,
      ownerName: `staff ${f.staff.email.slice('staff-'.length).split('@')[0]}`,
      dueDate: '2025-09-30',
      status: 'in_progress',
      dropReason: null,
      quickWin: true,
      investment: 1200.5,
      expectedOutcome: 'CSAT +10',
      changesPromise: false,
      servesCommitment: null,
      servesTargetId: null,
      completedAt: null,
      touchpointIds: [f.touchpointId],
      requests: [],
    });
    expect((await row(id)).createdBy).toBe(f.lead.userId);
  });

  it('records what was created in the audit event', async () => {
    const name = title();
    const { result, events } = await withNewAuditEvents(db, f.organizationId, () =>
      createPlanItem.execute(db, f.lead.actor, { departmentId: f.departmentA, title: name, investment: '500' }),
    );
    const { id } = dataOf(result);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'planItem.create',
      entityType: 'planItem',
      entityId: id,
      actorUserId: f.lead.userId,
      changes: { name, department: 'Sales', title: name, status: 'planned', investment: 500 },
    });
  });

  it('refuses a lead adding to another department, and writes nothing', async () => {
    for (const departmentId of [f.departmentB, f.delivery]) {
      const result = await refused(createPlanItem, f.lead.actor, { departmentId, title: title() });
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it('refuses staff, even in their own department', async () => {
    for (const departmentId of [f.departmentA, f.departmentB]) {
      expect(await refused(createPlanItem, f.staff.actor, { departmentId, title: title() })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
  });

  it('lets the executive add an item to any department', async () => {
    for (const departmentId of [f.departmentA, f.departmentB, f.delivery, f.it, f.marketing]) {
      const { id } = dataOf(
        await run(createPlanItem, f.executive.actor, { departmentId, title: title() }, 'planItem.create'),
      );
      expect((await itemView(f.organizationId, id)).departmentId).toBe(departmentId);
    }
  });

  it("lets another department's lead add to theirs only", async () => {
    expect(await run(createPlanItem, f.deliveryLead.actor, { departmentId: f.delivery, title: title() })).toMatchObject(
      { ok: true },
    );
    expect(
      await refused(createPlanItem, f.deliveryLead.actor, { departmentId: f.departmentA, title: title() }),
    ).toMatchObject({ code: 'forbidden' });
  });

  it('refuses without a signed-in member', async () => {
    const before = await snapshotOrganization(db, f.organizationId);
    expect(await createPlanItem.execute(db, null, { departmentId: f.departmentA, title: title() })).toMatchObject({
      ok: false,
      code: 'unauthenticated',
    });
    expect(await snapshotOrganization(db, f.organizationId)).toBe(before);
  });

  it("does not find another organization's department", async () => {
    for (const actor of [f.executive.actor, f.lead.actor]) {
      expect(await refused(createPlanItem, actor, { departmentId: other.departmentA, title: title() })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
    }
  });

  it("reports another organization's touchpoint, owner or department next to its field", async () => {
    const base = { departmentId: f.departmentA, title: title() };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ touchpointIds: [f.touchpointId, other.touchpointId] }, 'touchpointIds', 'validation.notFound'],
      [{ ownerUserId: other.lead.userId }, 'ownerUserId', 'validation.ownerNotMember'],
      [{ affectedDepartmentIds: [f.delivery, other.it] }, 'affectedDepartmentIds', 'validation.notFound'],
    ];
    for (const actor of [f.executive.actor, f.lead.actor]) {
      for (const [extra, field, key] of cases) {
        const result = await refused(createPlanItem, actor, { ...base, ...extra });
        expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { [field]: { key } } });
      }
    }
  });

  it('needs the owner to be a member of the organization', async () => {
    const outsider = await makeUser(db, `outsider-${uniqueSuffix()}@example.test`);
    for (const ownerUserId of [outsider.id, '3f2504e0-4f89-41d3-9a0c-0305e82c3301']) {
      const result = await refused(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        title: title(),
        ownerUserId,
      });
      expect(result).toMatchObject({
        code: 'invalid',
        fieldErrors: { ownerUserId: { key: 'validation.ownerNotMember' } },
      });
    }
    // Any member will do, whatever their department.
    expect(
      await run(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        title: title(),
        ownerUserId: f.itLead.userId,
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a dropped item without a reason', async () => {
    const result = await refused(createPlanItem, f.lead.actor, {
      departmentId: f.departmentA,
      title: title(),
      status: 'dropped',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { dropReason: { key: 'validation.dropReasonRequired' } },
    });
  });

  it('refuses bad fields without writing anything', async () => {
    const result = await refused(createPlanItem, f.lead.actor, {
      departmentId: f.departmentA,
      title: '',
      investment: 'abc',
      dueDate: '31.12.2025',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: {
        title: { key: 'validation.required' },
        investment: { key: 'validation.amount' },
        dueDate: { key: 'validation.date' },
      },
    });
  });

  it('sets completedAt only for an item created as done', async () => {
    const before = Date.now();
    const done = dataOf(
      await run(createPlanItem, f.lead.actor, { departmentId: f.departmentA, title: title(), status: 'done' }),
    );
    const completedAt = (await row(done.id)).completedAt;
    expect(completedAt).toBeInstanceOf(Date);
    expect(completedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const planned = dataOf(
      await run(createPlanItem, f.lead.actor, { departmentId: f.departmentA, title: title(), status: 'planned' }),
    );
    expect((await row(planned.id)).completedAt).toBeNull();
  });

  it('keeps the drop reason of an item created as dropped', async () => {
    const { id } = dataOf(
      await run(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        title: title(),
        status: 'dropped',
        dropReason: 'No budget this year',
      }),
    );
    expect(await itemView(f.organizationId, id)).toMatchObject({
      status: 'dropped',
      dropReason: 'No budget this year',
    });
  });

  it('ignores a drop reason sent for an item that is not dropped', async () => {
    const { id } = dataOf(
      await run(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        title: title(),
        dropReason: 'stale text',
      }),
    );
    expect((await itemView(f.organizationId, id)).dropReason).toBeNull();
  });

  it('refuses an archived department, and an archived department among the affected ones', async () => {
    const f2 = await makePlansOrganization(db, 'Archiving Co');
    await updateDepartment(db, f2.organizationId, f2.it, { archived: true });
    const before = await snapshotOrganization(db, f2.organizationId);
    expect(await createPlanItem.execute(db, f2.executive.actor, { departmentId: f2.it, title: title() })).toMatchObject(
      { code: 'not_found' },
    );
    expect(
      await createPlanItem.execute(db, f2.executive.actor, {
        departmentId: f2.departmentA,
        title: title(),
        affectedDepartmentIds: [f2.it],
      }),
    ).toMatchObject({ code: 'invalid', fieldErrors: { affectedDepartmentIds: { key: 'validation.notFound' } } });
    expect(await snapshotOrganization(db, f2.organizationId)).toBe(before);
  });

  // A repeated id (a crafted request) counts once instead of failing on the primary key.
  it('accepts the same touchpoint twice as once', async () => {
    const result = await createPlanItem.execute(db, f.lead.actor, {
      departmentId: f.departmentA,
      title: title(),
      touchpointIds: [f.touchpointId, f.touchpointId],
    });
    expect(result).toMatchObject({ ok: true });
    const { id } = dataOf(result as ActionResult<{ id: string; requests: number }>);
    expect((await itemView(f.organizationId, id)).touchpointIds).toEqual([f.touchpointId]);
  });
});

describe('serving the goal', () => {
  let g: PlansOrganizationFixture;
  let targetId: string;

  beforeAll(async () => {
    g = await makePlansOrganization(db, 'Goal Co');
    // A published goal, written straight into its tables (the goal feature's own commands are tested elsewhere).
    const [version] = await db
      .insert(goalVersions)
      .values({
        organizationId: g.organizationId,
        status: 'published',
        version: 1,
        statement: 'Every reader finds their book',
        commitments: ['Answer within 2 minutes', 'No surprise fees', 'Refunds in 3 days'],
        authorUserId: g.executive.userId,
        publishedAt: new Date(),
      })
      .returning({ id: goalVersions.id });
    await db.insert(goalTargets).values({
      organizationId: g.organizationId,
      goalVersionId: version!.id,
      position: 0,
      metric: 'csat',
      touchpointId: g.touchpointId,
      targetValue: 85,
      dueDate: '2025-12-31',
    });
    targetId = (await currentGoal(db, g.organizationId))!.targets[0]!.id;
  });

  it('links an item to a commitment of the published goal, by its text', async () => {
    const { id } = dataOf(
      await createPlanItem.execute(db, g.lead.actor, {
        departmentId: g.departmentA,
        title: title(),
        serves: 'commitment:1',
      }),
    );
    expect(await itemView(g.organizationId, id)).toMatchObject({
      servesCommitment: 'No surprise fees',
      servesTargetId: null,
    });
  });

  it('links an item to a target of the published goal', async () => {
    const { id } = dataOf(
      await createPlanItem.execute(db, g.lead.actor, {
        departmentId: g.departmentA,
        title: title(),
        serves: `target:${targetId}`,
      }),
    );
    expect(await itemView(g.organizationId, id)).toMatchObject({ servesCommitment: null, servesTargetId: targetId });
  });

  it('refuses a commitment or target the goal does not have, next to the field', async () => {
    const before = await snapshotOrganization(db, g.organizationId);
    for (const serves of ['commitment:4', `target:${other.touchpointId}`]) {
      expect(
        await createPlanItem.execute(db, g.lead.actor, { departmentId: g.departmentA, title: title(), serves }),
      ).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { serves: { key: 'validation.notFound' } } });
    }
    expect(await snapshotOrganization(db, g.organizationId)).toBe(before);
  });

  it('refuses any link while no goal is published', async () => {
    expect(
      await refused(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        title: title(),
        serves: 'commitment:0',
      }),
    ).toMatchObject({ code: 'invalid', fieldErrors: { serves: { key: 'validation.notFound' } } });
  });

  it("does not link to another organization's target", async () => {
    expect(
      await refused(createPlanItem, f.executive.actor, {
        departmentId: f.departmentA,
        title: title(),
        serves: `target:${targetId}`,
      }),
    ).toMatchObject({ code: 'invalid', fieldErrors: { serves: { key: 'validation.notFound' } } });
  });
});

describe('editing an item', () => {
  /** An item of department A (or another), written directly, with no audit event. */
  async function itemOf(
    departmentId = f.departmentA,
    status: 'planned' | 'in_progress' | 'done' | 'dropped' = 'planned',
  ) {
    return (
      await insertFixturePlanItem(db, f.organizationId, {
        departmentId,
        title: title(),
        createdBy: f.executive.userId,
        status,
      })
    ).id;
  }
  const edit = (planItemId: string, extra: Record<string, unknown> = {}) => ({
    planItemId,
    title: 'Edited title',
    ...extra,
  });

  it("lets a lead edit their own department's item", async () => {
    const id = await itemOf();
    expect(
      await run(
        updatePlanItemDetails,
        f.lead.actor,
        edit(id, {
          description: 'Now with a callback queue',
          ownerUserId: f.lead.userId,
          dueDate: '2026-01-15',
          status: 'in_progress',
          quickWin: 'on',
          investment: '18000',
          expectedOutcome: 'TTR under 24 h',
          touchpointIds: [f.touchpointId],
        }),
        'planItem.update',
      ),
    ).toEqual({ ok: true, data: null });
    expect(await itemView(f.organizationId, id)).toMatchObject({
      title: 'Edited title',
      description: 'Now with a callback queue',
      ownerUserId: f.lead.userId,
      dueDate: '2026-01-15',
      status: 'in_progress',
      quickWin: true,
      investment: 18000,
      expectedOutcome: 'TTR under 24 h',
      touchpointIds: [f.touchpointId],
    });
  });

  it('records the values before and after in the audit event', async () => {
    const id = await itemOf();
    const { events } = await withNewAuditEvents(db, f.organizationId, () =>
      updatePlanItemDetails.execute(db, f.lead.actor, edit(id, { status: 'in_progress' })),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'planItem.update',
      entityType: 'planItem',
      entityId: id,
      changes: {
        name: 'Edited title',
        before: { status: 'planned' },
        after: { title: 'Edited title', status: 'in_progress' },
      },
    });
  });

  it('clears what the form leaves empty', async () => {
    const id = await itemOf();
    await run(
      updatePlanItemDetails,
      f.lead.actor,
      edit(id, {
        ownerUserId: f.staff.userId,
        dueDate: '2026-01-01',
        investment: '10',
        touchpointIds: [f.touchpointId],
        quickWin: 'on',
      }),
    );
    await run(
      updatePlanItemDetails,
      f.lead.actor,
      edit(id, { ownerUserId: '', dueDate: '', investment: '' }),
      'planItem.update',
    );
    expect(await itemView(f.organizationId, id)).toMatchObject({
      ownerUserId: null,
      ownerName: null,
      dueDate: null,
      investment: null,
      quickWin: false,
      touchpointIds: [],
    });
  });

  it("refuses a lead editing another department's item, and staff editing any", async () => {
    const mine = await itemOf(f.departmentA);
    const theirs = await itemOf(f.delivery);
    expect(await refused(updatePlanItemDetails, f.lead.actor, edit(theirs))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await refused(updatePlanItemDetails, f.staff.actor, edit(mine))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await refused(updatePlanItemDetails, f.staff.actor, edit(theirs))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it("lets the executive edit any department's item", async () => {
    for (const departmentId of [f.departmentA, f.delivery, f.marketing]) {
      expect(
        await run(updatePlanItemDetails, f.executive.actor, edit(await itemOf(departmentId)), 'planItem.update'),
      ).toMatchObject({ ok: true });
    }
  });

  it("does not find another organization's item", async () => {
    const theirs = (
      await insertFixturePlanItem(db, other.organizationId, {
        departmentId: other.departmentA,
        title: 'Theirs',
        createdBy: other.lead.userId,
      })
    ).id;
    for (const actor of [f.executive.actor, f.lead.actor]) {
      expect(await refused(updatePlanItemDetails, actor, edit(theirs))).toMatchObject({ ok: false, code: 'not_found' });
    }
    expect((await itemView(other.organizationId, theirs)).title).toBe('Theirs');
  });

  it("reports another organization's touchpoint, owner or department next to its field", async () => {
    const id = await itemOf();
    for (const [extra, field] of [
      [{ touchpointIds: other.touchpointId }, 'touchpointIds'],
      [{ ownerUserId: other.staff.userId }, 'ownerUserId'],
      [{ affectedDepartmentIds: [other.delivery] }, 'affectedDepartmentIds'],
    ] as const) {
      expect(await refused(updatePlanItemDetails, f.lead.actor, edit(id, extra))).toMatchObject({
        code: 'invalid',
        fieldErrors: { [field]: {} },
      });
    }
  });

  it('refuses an illegal status change next to the status field', async () => {
    const done = await itemOf(f.departmentA, 'done');
    for (const status of ['planned', 'dropped']) {
      const result = await refused(
        updatePlanItemDetails,
        f.lead.actor,
        edit(done, { status, dropReason: 'Changed our mind' }),
      );
      expect(result).toMatchObject({
        ok: false,
        code: 'invalid',
        fieldErrors: { status: { key: 'validation.statusTransition' } },
      });
    }
    const dropped = await itemOf(f.departmentA, 'dropped');
    for (const status of ['in_progress', 'done']) {
      expect(await refused(updatePlanItemDetails, f.lead.actor, edit(dropped, { status }))).toMatchObject({
        code: 'invalid',
        fieldErrors: { status: { key: 'validation.statusTransition' } },
      });
    }
  });

  it('allows every legal move, staying put included', async () => {
    const id = await itemOf();
    const path = [
      'planned',
      'in_progress',
      'in_progress',
      'planned',
      'done',
      'done',
      'in_progress',
      'dropped',
      'dropped',
      'planned',
    ] as const;
    for (const status of path) {
      expect(
        await run(updatePlanItemDetails, f.lead.actor, edit(id, { status, dropReason: 'Paused' }), 'planItem.update'),
        status,
      ).toMatchObject({ ok: true });
      expect((await itemView(f.organizationId, id)).status).toBe(status);
    }
  });

  it('sets completedAt when done, keeps it while done, and clears it when reopened', async () => {
    const id = await itemOf();
    expect((await row(id)).completedAt).toBeNull();
    await run(updatePlanItemDetails, f.lead.actor, edit(id, { status: 'done' }));
    const completedAt = (await row(id)).completedAt;
    expect(completedAt).toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 20));
    await run(updatePlanItemDetails, f.lead.actor, edit(id, { status: 'done', title: 'Renamed while done' }));
    expect((await row(id)).completedAt).toEqual(completedAt);
    await run(updatePlanItemDetails, f.lead.actor, edit(id, { status: 'in_progress' }));
    expect((await row(id)).completedAt).toBeNull();
  });

  it('needs a reason to drop, and forgets it when the item is picked up again', async () => {
    const id = await itemOf();
    const result = await refused(
      updatePlanItemDetails,
      f.lead.actor,
      edit(id, { status: 'dropped', dropReason: '  ' }),
    );
    expect(result).toMatchObject({
      code: 'invalid',
      fieldErrors: { dropReason: { key: 'validation.dropReasonRequired' } },
    });
    await run(
      updatePlanItemDetails,
      f.lead.actor,
      edit(id, { status: 'dropped', dropReason: 'Supplier cannot deliver' }),
    );
    expect(await itemView(f.organizationId, id)).toMatchObject({
      status: 'dropped',
      dropReason: 'Supplier cannot deliver',
    });
    await run(
      updatePlanItemDetails,
      f.lead.actor,
      edit(id, { status: 'planned', dropReason: 'Supplier cannot deliver' }),
    );
    expect(await itemView(f.organizationId, id)).toMatchObject({ status: 'planned', dropReason: null });
  });

  it('replaces the touchpoints', async () => {
    const second = (
      await insertTouchpoint(db, f.organizationId, {
        name: `Chat ${uniqueSuffix()}`,
        stageId: f.stageId,
        departmentId: f.departmentA,
        channel: 'online',
      })
    ).id;
    const id = await itemOf();
    await run(updatePlanItemDetails, f.lead.actor, edit(id, { touchpointIds: [f.touchpointId, second] }));
    expect((await itemView(f.organizationId, id)).touchpointIds.sort()).toEqual([f.touchpointId, second].sort());
    await run(updatePlanItemDetails, f.lead.actor, edit(id, { touchpointIds: second }));
    expect((await itemView(f.organizationId, id)).touchpointIds).toEqual([second]);
    // An archived touchpoint is still known to the organization (the form simply stops offering it).
    await updateTouchpoint(db, f.organizationId, second, { archived: true });
    expect(await run(updatePlanItemDetails, f.lead.actor, edit(id, { touchpointIds: second }))).toMatchObject({
      ok: true,
    });
  });

  it('refuses bad fields and leaves the item as it was', async () => {
    const id = await itemOf();
    expect(
      await refused(updatePlanItemDetails, f.lead.actor, edit(id, { title: ' ', investment: '-5' })),
    ).toMatchObject({
      code: 'invalid',
      fieldErrors: { title: { key: 'validation.required' }, investment: { key: 'validation.amountNegative' } },
    });
  });
});

describe('when the owner leaves', () => {
  it('removing a member clears them as owner of their items and keeps the items', async () => {
    const h = await makePlansOrganization(db, 'Leaving Co');
    const { id } = dataOf(
      await createPlanItem.execute(db, h.lead.actor, {
        departmentId: h.departmentA,
        title: 'Owned',
        ownerUserId: h.staff.userId,
      }),
    );
    expect(await run(removeMember, h.executive.actor, { userId: h.staff.userId }, 'member.remove')).toMatchObject({
      ok: true,
    });
    expect(await itemView(h.organizationId, id)).toMatchObject({
      title: 'Owned',
      ownerUserId: null,
      ownerName: null,
      departmentId: h.departmentA,
    });
  });
});

describe('reading plans', () => {
  it('lists items by department with the filters the overview uses', async () => {
    const h = await makePlansOrganization(db, 'Filters Co');
    const create = (departmentId: string, extra: Record<string, unknown>) =>
      createPlanItem.execute(db, h.executive.actor, { departmentId, title: title(), ...extra }).then(dataOf);
    const quick = await create(h.departmentA, {
      quickWin: 'on',
      touchpointIds: [h.touchpointId],
      dueDate: '2026-02-01',
    });
    const early = await create(h.departmentA, { status: 'in_progress', dueDate: '2026-01-01' });
    const undated = await create(h.departmentA, { status: 'done' });
    const delivery = await create(h.delivery, { quickWin: 'on' });
    const ids = async (filter: Parameters<typeof listPlanItems>[2]) =>
      (await listPlanItems(db, h.organizationId, filter)).map((i) => i.id);
    // Department name, then due date (undated last), then creation.
    expect(await ids({})).toEqual([delivery.id, early.id, quick.id, undated.id]);
    expect(await ids({ departmentId: h.departmentA })).toEqual([early.id, quick.id, undated.id]);
    expect(await ids({ quickWin: true })).toEqual([delivery.id, quick.id]);
    expect(await ids({ quickWin: false })).toEqual([early.id, undated.id]);
    expect(await ids({ status: 'done' })).toEqual([undated.id]);
    expect(await ids({ touchpointId: h.touchpointId })).toEqual([quick.id]);
    expect(await listPlanItems(db, other.organizationId, { departmentId: h.departmentA })).toEqual([]);
  });
});
