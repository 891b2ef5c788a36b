/**
 * Requests between departments about plan items: ripple effects and brand-promise checks, kept in step with the item,
 * answered by the addressed department's lead. The brand-promise owner. Notifications and the overview's numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findDepartment, updateDepartment } from '@/db/queries/departments';
import { notificationsFor } from '@/lib/auth/notifications';
import { findOrganization } from '@/db/queries/organizations';
import { listPlanItems, listRequests, promiseOwner, syncRequests } from '@/db/queries/plans';
import { useTestDatabase } from '@/tests/fixtures/database';
import { uniqueSuffix } from '@/tests/fixtures/organizations';
import { snapshotOrganization, withNewAuditEvents } from '@/tests/fixtures/snapshots';
import { insertFixturePlanItem, makePlansOrganization, type PlansOrganizationFixture } from '@/tests/fixtures/plans';
import type { Actor, Command } from '@/lib/auth/command';
import { answerPlanRequest, createPlanItem, setPromiseOwner, updatePlanItemDetails } from '@/lib/commands/plans';
import { summarizePlans } from '@/lib/domain/plan-summary';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();
let other: PlansOrganizationFixture;

beforeAll(async () => {
  other = await makePlansOrganization(db, 'Elsewhere');
});

const run = auditedRun(() => db);

/** A refusal that changes neither organization. */
async function refused<T>(f: PlansOrganizationFixture, command: Command<T>, actor: Actor, input: unknown) {
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

const title = () => `Item ${uniqueSuffix()}`;

/** The item's requests as "kind:department name:status", sorted. */
async function requestsOf(f: PlansOrganizationFixture, planItemId: string) {
  const requests = await listRequests(db, f.organizationId, { planItemIds: [planItemId] });
  return requests.map((r) => `${r.kind}:${r.departmentName}:${r.status}`).sort();
}

async function requestTo(
  f: PlansOrganizationFixture,
  planItemId: string,
  departmentId: string,
  kind: 'ripple' | 'promise' = 'ripple',
) {
  const requests = await listRequests(db, f.organizationId, { planItemIds: [planItemId] });
  const found = requests.find((r) => r.departmentId === departmentId && r.kind === kind);
  if (!found) throw new Error('no such request');
  return found;
}

describe('ripple requests', () => {
  let f: PlansOrganizationFixture;
  beforeAll(async () => {
    f = await makePlansOrganization(db, 'Ripple Co');
  });

  it("asks exactly the affected departments, each once, never the item's own", async () => {
    const result = await run(
      createPlanItem,
      f.lead.actor,
      {
        departmentId: f.departmentA,
        title: title(),
        affectedDepartmentIds: [f.delivery, f.it, f.delivery, f.departmentA],
      },
      'planItem.create',
    );
    const { id, requests } = dataOf(result);
    expect(requests).toBe(2);
    expect(await requestsOf(f, id)).toEqual(['ripple:Delivery:pending', 'ripple:IT:pending']);
    const request = await requestTo(f, id, f.delivery);
    expect(request).toMatchObject({
      comment: '',
      answeredAt: null,
      answeredByName: null,
      itemDepartmentId: f.departmentA,
      itemDepartmentName: 'Sales',
    });
  });

  it('asks nobody when no other department is affected', async () => {
    const { id, requests } = dataOf(
      await run(createPlanItem, f.lead.actor, { departmentId: f.departmentA, title: title() }),
    );
    expect(requests).toBe(0);
    expect(await requestsOf(f, id)).toEqual([]);
  });

  it('asks nobody about an item created as dropped', async () => {
    const { id, requests } = dataOf(
      await run(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        title: title(),
        status: 'dropped',
        dropReason: 'Not now',
        affectedDepartmentIds: [f.delivery],
        changesPromise: 'on',
      }),
    );
    expect(requests).toBe(0);
    expect(await requestsOf(f, id)).toEqual([]);
  });

  it('keeps the requests in step with edits: removes a pending one, keeps an answered one, adds new ones', async () => {
    const { id } = dataOf(
      await run(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        title: title(),
        affectedDepartmentIds: [f.delivery, f.it],
      }),
    );
    const delivery = await requestTo(f, id, f.delivery);
    const it = await requestTo(f, id, f.it);
    expect(
      await run(
        answerPlanRequest,
        f.itLead.actor,
        { requestId: it.id, answer: 'acknowledged' },
        'planRequest.acknowledged',
      ),
    ).toMatchObject({ ok: true });

    // Neither Delivery nor IT any more: Delivery's pending request goes, IT's answer stays.
    await run(
      updatePlanItemDetails,
      f.lead.actor,
      { planItemId: id, title: 'Edited', affectedDepartmentIds: [] },
      'planItem.update',
    );
    expect(await requestsOf(f, id)).toEqual(['ripple:IT:acknowledged']);
    expect((await requestTo(f, id, f.it)).id).toBe(it.id);

    // Delivery again, and Marketing: new pending requests; IT's answer is untouched.
    await run(updatePlanItemDetails, f.lead.actor, {
      planItemId: id,
      title: 'Edited',
      affectedDepartmentIds: [f.delivery, f.marketing, f.it],
    });
    expect(await requestsOf(f, id)).toEqual([
      'ripple:Delivery:pending',
      'ripple:IT:acknowledged',
      'ripple:Marketing:pending',
    ]);
    expect((await requestTo(f, id, f.delivery)).id).not.toBe(delivery.id);
    expect((await requestTo(f, id, f.it)).id).toBe(it.id);

    // Saving the same departments again changes nothing.
    const ids = (await listRequests(db, f.organizationId, { planItemIds: [id] })).map((r) => r.id).sort();
    await run(updatePlanItemDetails, f.lead.actor, {
      planItemId: id,
      title: 'Edited again',
      affectedDepartmentIds: [f.marketing, f.delivery, f.it],
    });
    expect((await listRequests(db, f.organizationId, { planItemIds: [id] })).map((r) => r.id).sort()).toEqual(ids);
  });

  it('removes the pending requests of a dropped item, keeps the answers, and asks again when it is picked up', async () => {
    const { id } = dataOf(
      await run(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        title: title(),
        affectedDepartmentIds: [f.delivery, f.it],
      }),
    );
    await run(answerPlanRequest, f.deliveryLead.actor, {
      requestId: (await requestTo(f, id, f.delivery)).id,
      answer: 'concern',
      comment: 'No couriers in July',
    });
    const affected = { affectedDepartmentIds: [f.delivery, f.it] };
    await run(updatePlanItemDetails, f.lead.actor, {
      planItemId: id,
      title: 'Dropped',
      status: 'dropped',
      dropReason: 'Too costly',
      ...affected,
    });
    expect(await requestsOf(f, id)).toEqual(['ripple:Delivery:concern']);
    await run(updatePlanItemDetails, f.lead.actor, {
      planItemId: id,
      title: 'Back on',
      status: 'planned',
      ...affected,
    });
    expect(await requestsOf(f, id)).toEqual(['ripple:Delivery:concern', 'ripple:IT:pending']);
  });

  it('syncRequests reports what it added and removed', async () => {
    const item = await insertFixturePlanItem(db, f.organizationId, {
      departmentId: f.departmentA,
      title: title(),
      createdBy: f.lead.userId,
    });
    expect(await syncRequests(db, f.organizationId, item.id, [{ departmentId: f.it, kind: 'ripple' }])).toEqual({
      added: 1,
      removed: 0,
    });
    expect(await syncRequests(db, f.organizationId, item.id, [{ departmentId: f.it, kind: 'ripple' }])).toEqual({
      added: 0,
      removed: 0,
    });
    expect(await syncRequests(db, f.organizationId, item.id, [{ departmentId: f.delivery, kind: 'ripple' }])).toEqual({
      added: 1,
      removed: 1,
    });
  });
});

describe('brand-promise requests', () => {
  it('go to the department named Marketing while none is chosen', async () => {
    const f = await makePlansOrganization(db, 'Promise Co');
    expect(await promiseOwner(db, f.organizationId)).toEqual({ id: f.marketing, name: 'Marketing' });
    const { id, requests } = dataOf(
      await run(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        title: title(),
        changesPromise: 'on',
        affectedDepartmentIds: [f.delivery],
      }),
    );
    expect(requests).toBe(2);
    expect(await requestsOf(f, id)).toEqual(['promise:Marketing:pending', 'ripple:Delivery:pending']);
  });

  it('go to the department chosen with setPromiseOwner, which replaces the previous choice', async () => {
    const f = await makePlansOrganization(db, 'Chosen Co');
    expect(await run(setPromiseOwner, f.executive.actor, { departmentId: f.it }, 'department.promiseOwner')).toEqual({
      ok: true,
      data: null,
    });
    expect(await promiseOwner(db, f.organizationId)).toEqual({ id: f.it, name: 'IT' });
    const first = dataOf(
      await run(createPlanItem, f.lead.actor, { departmentId: f.departmentA, title: title(), changesPromise: 'on' }),
    );
    expect(await requestsOf(f, first.id)).toEqual(['promise:IT:pending']);

    await run(setPromiseOwner, f.executive.actor, { departmentId: f.delivery }, 'department.promiseOwner');
    expect((await findDepartment(db, f.organizationId, f.it))!.ownsPromises).toBe(false);
    expect((await findDepartment(db, f.organizationId, f.delivery))!.ownsPromises).toBe(true);
    const second = dataOf(
      await run(createPlanItem, f.lead.actor, { departmentId: f.departmentA, title: title(), changesPromise: 'on' }),
    );
    expect(await requestsOf(f, second.id)).toEqual(['promise:Delivery:pending']);

    // The first item follows when it is next saved: IT's pending promise request moves to Delivery.
    await run(updatePlanItemDetails, f.lead.actor, {
      planItemId: first.id,
      title: 'Saved again',
      changesPromise: 'on',
    });
    expect(await requestsOf(f, first.id)).toEqual(['promise:Delivery:pending']);
  });

  it("are not sent for the promise owner's own items, nor for items that change no promise", async () => {
    const f = await makePlansOrganization(db, 'Own Promise Co');
    const own = dataOf(
      await run(createPlanItem, f.marketingLead.actor, {
        departmentId: f.marketing,
        title: title(),
        changesPromise: 'on',
      }),
    );
    expect(await requestsOf(f, own.id)).toEqual([]);
    const none = dataOf(await run(createPlanItem, f.lead.actor, { departmentId: f.departmentA, title: title() }));
    expect(await requestsOf(f, none.id)).toEqual([]);
  });

  it('sit next to a ripple request when the promise owner is also affected', async () => {
    const f = await makePlansOrganization(db, 'Both Co');
    const { id } = dataOf(
      await run(createPlanItem, f.lead.actor, {
        departmentId: f.departmentA,
        title: title(),
        changesPromise: 'on',
        affectedDepartmentIds: [f.marketing],
      }),
    );
    expect(await requestsOf(f, id)).toEqual(['promise:Marketing:pending', 'ripple:Marketing:pending']);
  });

  it('go away when the item no longer changes a promise (while still pending)', async () => {
    const f = await makePlansOrganization(db, 'Unpromise Co');
    const { id } = dataOf(
      await run(createPlanItem, f.lead.actor, { departmentId: f.departmentA, title: title(), changesPromise: 'on' }),
    );
    await run(updatePlanItemDetails, f.lead.actor, { planItemId: id, title: 'No promise change' });
    expect(await requestsOf(f, id)).toEqual([]);
  });

  it('are not sent when there is no promise owner', async () => {
    const f = await makePlansOrganization(db, 'No Owner Co');
    await updateDepartment(db, f.organizationId, f.marketing, { archived: true });
    expect(await promiseOwner(db, f.organizationId)).toBeNull();
    const { id, requests } = dataOf(
      await run(createPlanItem, f.lead.actor, { departmentId: f.departmentA, title: title(), changesPromise: 'on' }),
    );
    expect(requests).toBe(0);
    expect(await requestsOf(f, id)).toEqual([]);
  });

  it('prefers the chosen department over one named Marketing', async () => {
    const f = await makePlansOrganization(db, 'Preferred Co');
    await run(setPromiseOwner, f.executive.actor, { departmentId: f.departmentB });
    expect(await promiseOwner(db, f.organizationId)).toEqual({ id: f.departmentB, name: 'Logistics' });
  });
});

describe('setting the promise owner', () => {
  let f: PlansOrganizationFixture;
  beforeAll(async () => {
    f = await makePlansOrganization(db, 'Owner Co');
  });

  it('is for executives only', async () => {
    for (const actor of [f.lead.actor, f.staff.actor, f.deliveryLead.actor]) {
      expect(await refused(f, setPromiseOwner, actor, { departmentId: f.departmentA })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
  });

  it("does not find another organization's department, nor an archived one", async () => {
    expect(await refused(f, setPromiseOwner, f.executive.actor, { departmentId: other.it })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    const g = await makePlansOrganization(db, 'Archived Owner Co');
    await updateDepartment(db, g.organizationId, g.it, { archived: true });
    expect(await setPromiseOwner.execute(db, g.executive.actor, { departmentId: g.it })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await promiseOwner(db, g.organizationId)).toEqual({ id: g.marketing, name: 'Marketing' });
  });

  it('refuses a malformed id', async () => {
    expect(await refused(f, setPromiseOwner, f.executive.actor, { departmentId: 'marketing' })).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { departmentId: { key: 'validation.notFound' } },
    });
  });

  it("does not touch another organization's choice", async () => {
    const before = await snapshotOrganization(db, other.organizationId);
    await run(setPromiseOwner, f.executive.actor, { departmentId: f.delivery }, 'department.promiseOwner');
    expect(await snapshotOrganization(db, other.organizationId)).toBe(before);
    expect(await promiseOwner(db, other.organizationId)).toEqual({ id: other.marketing, name: 'Marketing' });
  });
});

describe('answering a request', () => {
  let f: PlansOrganizationFixture;
  let itemId: string;
  let toDelivery: string;
  let toIt: string;

  beforeAll(async () => {
    f = await makePlansOrganization(db, 'Answer Co');
    itemId = dataOf(
      await createPlanItem.execute(db, f.lead.actor, {
        departmentId: f.departmentA,
        title: 'Callback queue',
        affectedDepartmentIds: [f.delivery, f.it, f.departmentB],
      }),
    ).id;
    toDelivery = (await requestTo(f, itemId, f.delivery)).id;
    toIt = (await requestTo(f, itemId, f.it)).id;
  });

  it('refuses the lead of another department, the asking lead included', async () => {
    for (const actor of [f.itLead.actor, f.lead.actor, f.marketingLead.actor]) {
      expect(
        await refused(f, answerPlanRequest, actor, { requestId: toDelivery, answer: 'acknowledged' }),
      ).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it('refuses staff', async () => {
    expect(
      await refused(f, answerPlanRequest, f.staff.actor, { requestId: toDelivery, answer: 'acknowledged' }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('needs a comment to raise a concern', async () => {
    for (const comment of [undefined, '', '   ']) {
      expect(
        await refused(f, answerPlanRequest, f.deliveryLead.actor, {
          requestId: toDelivery,
          answer: 'concern',
          comment,
        }),
      ).toMatchObject({
        ok: false,
        code: 'invalid',
        fieldErrors: { comment: { key: 'validation.concernNeedsComment' } },
      });
    }
  });

  it("does not find another organization's request", async () => {
    const theirs = await insertFixturePlanItem(db, other.organizationId, {
      departmentId: other.departmentA,
      title: 'Theirs',
      createdBy: other.lead.userId,
      affectedDepartmentIds: [other.delivery],
    });
    for (const actor of [f.executive.actor, f.deliveryLead.actor]) {
      expect(
        await refused(f, answerPlanRequest, actor, { requestId: theirs.requests[0]!.id, answer: 'acknowledged' }),
      ).toMatchObject({ ok: false, code: 'not_found' });
    }
    expect(await requestsOf(other, theirs.id)).toEqual(['ripple:Delivery:pending']);
  });

  it("lets the addressed department's lead acknowledge", async () => {
    const before = Date.now();
    const { result, events } = await withNewAuditEvents(db, f.organizationId, () =>
      answerPlanRequest.execute(db, f.deliveryLead.actor, {
        requestId: toDelivery,
        answer: 'acknowledged',
        comment: ' Fine by us ',
      }),
    );
    expect(result).toEqual({ ok: true, data: null });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'planRequest.acknowledged',
      entityType: 'planRequest',
      entityId: toDelivery,
      actorUserId: f.deliveryLead.userId,
      changes: { name: 'Callback queue', comment: 'Fine by us' },
    });
    const request = await requestTo(f, itemId, f.delivery);
    expect(request).toMatchObject({
      status: 'acknowledged',
      comment: 'Fine by us',
      answeredByName: `lead ${f.deliveryLead.email.slice('lead-'.length).split('@')[0]}`,
    });
    expect(request.answeredAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // Only that request changed.
    expect(await requestsOf(f, itemId)).toEqual([
      'ripple:Delivery:acknowledged',
      'ripple:IT:pending',
      'ripple:Logistics:pending',
    ]);
  });

  it("lets the addressed department's lead raise a concern with a comment", async () => {
    expect(
      await run(
        answerPlanRequest,
        f.itLead.actor,
        { requestId: toIt, answer: 'concern', comment: 'API not ready before Q3' },
        'planRequest.concern',
      ),
    ).toEqual({ ok: true, data: null });
    expect(await requestTo(f, itemId, f.it)).toMatchObject({ status: 'concern', comment: 'API not ready before Q3' });
  });

  it('lets the executive answer for any department', async () => {
    const toLogistics = (await requestTo(f, itemId, f.departmentB)).id;
    expect(
      await run(
        answerPlanRequest,
        f.executive.actor,
        { requestId: toLogistics, answer: 'acknowledged' },
        'planRequest.acknowledged',
      ),
    ).toMatchObject({ ok: true });
    expect(await requestsOf(f, itemId)).toEqual([
      'ripple:Delivery:acknowledged',
      'ripple:IT:concern',
      'ripple:Logistics:acknowledged',
    ]);
  });

  it('refuses an unknown answer', async () => {
    expect(
      await refused(f, answerPlanRequest, f.deliveryLead.actor, { requestId: toDelivery, answer: 'maybe' }),
    ).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { answer: {} } });
  });
});

describe('what waits for whom', () => {
  it('shows a pending request to the addressed lead only, until it is answered', async () => {
    const f = await makePlansOrganization(db, 'Bell Co');
    const organization = (await findOrganization(db, f.organizationId))!;
    const waiting = async (actor: Actor) =>
      (await notificationsFor(db, organization, actor)).filter((n) => n.kind === 'requestToAnswer');
    const { id } = dataOf(
      await createPlanItem.execute(db, f.lead.actor, {
        departmentId: f.departmentA,
        title: 'Callback queue',
        affectedDepartmentIds: [f.delivery, f.it],
      }),
    );
    const deliveryRequest = await requestTo(f, id, f.delivery);
    expect(await waiting(f.deliveryLead.actor)).toEqual([
      {
        kind: 'requestToAnswer',
        requestId: deliveryRequest.id,
        itemTitle: 'Callback queue',
        departmentId: f.delivery,
        planItemId: id,
        itemDepartmentId: f.departmentA,
        promise: false,
      },
    ]);
    expect(await waiting(f.itLead.actor)).toHaveLength(1);
    expect(await waiting(f.lead.actor)).toEqual([]);
    expect(await waiting(f.staff.actor)).toEqual([]);
    expect(await waiting(f.executive.actor)).toEqual([]);

    await answerPlanRequest.execute(db, f.deliveryLead.actor, {
      requestId: deliveryRequest.id,
      answer: 'acknowledged',
    });
    expect(await waiting(f.deliveryLead.actor)).toEqual([]);
    expect(await waiting(f.itLead.actor)).toHaveLength(1);
  });

  it('shows executives the requests of departments that have no lead, so none waits forever', async () => {
    const f = await makePlansOrganization(db, 'No Lead Co');
    const organization = (await findOrganization(db, f.organizationId))!;
    const waiting = async (actor: Actor) =>
      (await notificationsFor(db, organization, actor)).filter((n) => n.kind === 'requestToAnswer');
    const { id } = dataOf(
      await createPlanItem.execute(db, f.lead.actor, {
        departmentId: f.departmentA,
        title: 'Shared queue',
        affectedDepartmentIds: [f.departmentB, f.it],
      }),
    );
    const toB = await requestTo(f, id, f.departmentB);
    // Department B has no lead: the executive is told; IT's request stays with IT's lead.
    expect((await waiting(f.executive.actor)).map((n) => n.kind === 'requestToAnswer' && n.requestId)).toEqual([
      toB.id,
    ]);
    expect(await waiting(f.itLead.actor)).toHaveLength(1);
    await answerPlanRequest.execute(db, f.executive.actor, { requestId: toB.id, answer: 'acknowledged' });
    expect(await waiting(f.executive.actor)).toEqual([]);
  });

  it('tells an owner about their overdue open items', async () => {
    const f = await makePlansOrganization(db, 'Overdue Co');
    const make = (status: string, dueDate: string, extra: Record<string, unknown> = {}) =>
      createPlanItem
        .execute(db, f.lead.actor, {
          departmentId: f.departmentA,
          title: `${status} ${dueDate}`,
          ownerUserId: f.staff.userId,
          status,
          dueDate,
          dropReason: 'x',
          ...extra,
        })
        .then(dataOf);
    const overdue = await make('in_progress', '2025-06-09');
    await make('planned', '2025-06-10'); // due today
    await make('done', '2025-06-01');
    await make('dropped', '2025-06-01');
    await make('planned', '2025-06-01', { ownerUserId: f.lead.userId }); // someone else's
    const organization = (await findOrganization(db, f.organizationId))!;
    // Midday UTC on 10 June: 10 June in the organization's time zone.
    const notes = (await notificationsFor(db, organization, f.staff.actor, new Date('2025-06-10T12:00:00Z'))).filter(
      (n) => n.kind === 'itemOverdue',
    );
    expect(notes).toEqual([
      {
        kind: 'itemOverdue',
        planItemId: overdue.id,
        itemTitle: 'in_progress 2025-06-09',
        departmentId: f.departmentA,
        dueDate: '2025-06-09',
      },
    ]);
  });
});

describe("the overview's numbers from real data", () => {
  it('summarizes the items and requests as stored', async () => {
    const f = await makePlansOrganization(db, 'Summary Co');
    const create = (actor: Actor, input: Record<string, unknown>) =>
      createPlanItem.execute(db, actor, { title: title(), ...input }).then(dataOf);
    await create(f.lead.actor, {
      departmentId: f.departmentA,
      investment: '1 000',
      dueDate: '2025-06-01',
      affectedDepartmentIds: [f.delivery, f.it],
    });
    await create(f.lead.actor, {
      departmentId: f.departmentA,
      investment: '250,50',
      status: 'done',
      ownerUserId: f.lead.userId,
    });
    await create(f.lead.actor, {
      departmentId: f.departmentA,
      investment: '9999',
      status: 'dropped',
      dropReason: 'No',
    });
    const deliveryItem = await create(f.deliveryLead.actor, {
      departmentId: f.delivery,
      investment: '40',
      ownerUserId: f.deliveryLead.userId,
      affectedDepartmentIds: [f.departmentA],
    });
    await answerPlanRequest.execute(db, f.lead.actor, {
      requestId: (await requestTo(f, deliveryItem.id, f.departmentA)).id,
      answer: 'acknowledged',
    });

    const items = await listPlanItems(db, f.organizationId);
    const { byDepartment, total } = summarizePlans(
      items,
      [f.departmentA, f.departmentB, f.delivery, f.it, f.marketing],
      '2025-06-10',
    );
    expect(byDepartment.get(f.departmentA)).toEqual({
      byStatus: { planned: 1, in_progress: 0, done: 1, dropped: 1 },
      overdue: 1,
      withoutOwner: 1,
      investmentPlanned: 1250.5,
      investmentSpent: 250.5,
      pendingAnswers: 0,
    });
    expect(byDepartment.get(f.delivery)).toMatchObject({
      byStatus: { planned: 1 },
      withoutOwner: 0,
      investmentPlanned: 40,
      pendingAnswers: 1,
    });
    expect(byDepartment.get(f.it)).toMatchObject({ pendingAnswers: 1, investmentPlanned: 0 });
    expect(total).toMatchObject({
      investmentPlanned: 1290.5,
      investmentSpent: 250.5,
      pendingAnswers: 2,
      overdue: 1,
      withoutOwner: 1,
    });
  });
});
