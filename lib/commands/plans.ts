import 'server-only';
import type { Database } from '@/db/client';
import { findDepartment } from '@/db/queries/departments';
import { currentGoal } from '@/db/queries/goal';
import { findTouchpoint } from '@/db/queries/journey';
import { changeTouched } from '@/db/queries/impact-staleness';
import { findMember } from '@/db/queries/members';
import { findOrganization } from '@/db/queries/organizations';
import {
  answerRequest,
  findPlanItem,
  findRequest,
  insertPlanItem,
  promiseOwner,
  setPlanItemAffectedDepartments,
  setPlanItemTouchpoints,
  setPromiseOwnerDepartment,
  syncRequests,
  updatePlanItem,
  type PlanItemRow,
} from '@/db/queries/plans';
import { command } from '@/lib/auth/command';
import { ActionError, refuse } from '@/lib/auth/errors';
import { canMove, type PlanItemStatus, requestsFor } from '@/lib/domain/plans';
import { dateIn } from '@/lib/domain/weeks';
import { ideaBecame, ideaToLink } from '@/lib/ideas/progress';
import { betterDirection, changesTarget, targetLockedSince } from '@/lib/impact/declared-target';
import {
  answerPlanRequestSchema,
  createPlanItemSchema,
  type PlanItemInput,
  setPromiseOwnerSchema,
  updatePlanItemSchema,
} from '@/lib/validation/plans';

/**
 * Checks every id the item names against the caller's organization and turns the form's values into columns.
 * Each problem is reported next to its field.
 */
async function resolveItem(tx: Database, organizationId: string, departmentId: string, input: PlanItemInput) {
  if (input.ownerUserId && !(await findMember(tx, organizationId, input.ownerUserId))) {
    throw refuse.field('ownerUserId', 'validation.ownerNotMember');
  }
  for (const touchpointId of input.touchpointIds) {
    if (!(await findTouchpoint(tx, organizationId, touchpointId)))
      throw refuse.field('touchpointIds', 'validation.notFound');
  }
  for (const affected of input.affectedDepartmentIds) {
    const department = await findDepartment(tx, organizationId, affected);
    if (!department || department.archived) throw refuse.field('affectedDepartmentIds', 'validation.notFound');
  }
  let servesCommitment: string | null = null;
  let servedTarget: { id: string; metric: PlanItemRow['metric'] } | null = null;
  if (input.serves) {
    const goal = await currentGoal(tx, organizationId);
    const [kind, ref] = input.serves.split(':') as ['commitment' | 'target', string];
    if (kind === 'commitment') servesCommitment = goal?.commitments[Number(ref)] ?? null;
    else servedTarget = goal?.targets.find((t) => t.id === ref) ?? null;
    if (!servesCommitment && !servedTarget) throw refuse.field('serves', 'validation.notFound');
  }
  // The declared target: as chosen, else the metric of the goal target it serves, going that metric's better way.
  const metric = input.metric ?? servedTarget?.metric ?? null;
  const direction = metric ? (input.direction ?? betterDirection(metric)) : null;
  const owner = await promiseOwner(tx, organizationId);
  const requests = requestsFor(
    {
      departmentId,
      status: input.status,
      affectedDepartmentIds: input.affectedDepartmentIds,
      changesPromise: input.changesPromise,
    },
    owner?.id ?? null,
  );
  const columns = {
    title: input.title,
    description: input.description,
    ownerUserId: input.ownerUserId ?? null,
    dueDate: input.dueDate ?? null,
    status: input.status,
    dropReason: input.status === 'dropped' ? input.dropReason : null,
    quickWin: input.quickWin,
    investment: input.investment,
    expectedOutcome: input.expectedOutcome,
    changesPromise: input.changesPromise,
    servesCommitment,
    servesTargetId: servedTarget?.id ?? null,
    metric,
    direction,
  };
  return { columns, requests };
}

/**
 * "Took effect on" for an item with this status: only a done item has one. Empty keeps the date it had, or takes
 * today in the organization's time zone; a day after today is refused, since it cannot have reached customers yet.
 */
function effectiveDateOf(
  status: PlanItemStatus,
  typed: string | undefined,
  stored: string | null,
  today: string,
): string | null {
  if (status !== 'done') return null;
  const date = typed ?? stored ?? today;
  if (date !== stored && date > today) throw refuse.field('effectiveDate', 'validation.tookEffectInFuture');
  return date;
}

async function organizationOf(tx: Database, organizationId: string) {
  const organization = await findOrganization(tx, organizationId);
  if (!organization) throw refuse.notFound();
  return { organization, today: dateIn(new Date(), organization.timeZone) };
}

/** An item's own department is never among those it affects. */
const affectedOthers = (departmentId: string, ids: string[]) => [...new Set(ids)].filter((id) => id !== departmentId);

export const createPlanItem = command({
  permission: 'plan.edit',
  input: createPlanItemSchema,
  load: async (tx, organizationId, input) => {
    const department = await findDepartment(tx, organizationId, input.departmentId);
    return department && !department.archived ? department : null;
  },
  target: (department) => ({ departmentId: department.id }),
  run: async ({ tx, actor, input, resource, audit }) => {
    const { today } = await organizationOf(tx, actor.organizationId);
    const fromIdea = input.sourceIdeaId ? await ideaToLink(tx, actor.organizationId, input.sourceIdeaId) : null;
    const { columns, requests } = await resolveItem(tx, actor.organizationId, resource.id, input);
    const effectiveDate = effectiveDateOf(columns.status, input.effectiveDate, null, today);
    const item = await insertPlanItem(tx, actor.organizationId, {
      ...columns,
      sourceIdeaId: fromIdea?.id ?? null,
      effectiveDate,
      departmentId: resource.id,
      createdBy: actor.userId,
      completedAt: columns.status === 'done' ? new Date() : null,
    });
    await setPlanItemTouchpoints(tx, actor.organizationId, item.id, input.touchpointIds);
    await setPlanItemAffectedDepartments(
      tx,
      actor.organizationId,
      item.id,
      affectedOthers(resource.id, input.affectedDepartmentIds),
    );
    await syncRequests(tx, actor.organizationId, item.id, requests);
    await changeTouched(tx, actor.organizationId, 'plan-item', item.id);
    if (fromIdea) {
      await ideaBecame(tx, actor.organizationId, fromIdea.id, actor.userId, {
        kind: 'plan-item',
        id: item.id,
        title: input.title,
        shipped: columns.status === 'done',
        reply: input.ideaReply,
      });
    }
    audit({
      action: 'planItem.create',
      entityType: 'planItem',
      entityId: item.id,
      changes: { name: input.title, department: resource.name, ...columns, effectiveDate },
    });
    return { id: item.id, requests: requests.length };
  },
});

export const updatePlanItemDetails = command({
  permission: 'plan.edit',
  input: updatePlanItemSchema,
  load: (tx, organizationId, input) => findPlanItem(tx, organizationId, input.planItemId),
  target: (item) => ({ departmentId: item.departmentId }),
  run: async ({ tx, actor, input, resource, audit }) => {
    if (!canMove(resource.status, input.status)) throw refuse.field('status', 'validation.statusTransition');
    const { organization, today } = await organizationOf(tx, actor.organizationId);
    const { columns, requests } = await resolveItem(tx, actor.organizationId, resource.departmentId, input);
    const stored = resource.status === 'done' ? resource.effectiveDate : null;
    const effectiveDate = effectiveDateOf(columns.status, input.effectiveDate, stored, today);
    // Declared in advance: once the after window has started, the target metric and direction stay as they were.
    const lockedSince = targetLockedSince(
      [stored, effectiveDate],
      organization.impactWindows,
      organization.weekStartsOn,
      today,
    );
    if (lockedSince && changesTarget(resource, columns))
      throw refuse.field('metric', 'validation.targetLocked', { date: lockedSince });
    const completedAt = columns.status === 'done' ? (resource.completedAt ?? new Date()) : null;
    await updatePlanItem(tx, actor.organizationId, resource.id, { ...columns, completedAt, effectiveDate });
    await setPlanItemTouchpoints(tx, actor.organizationId, resource.id, input.touchpointIds);
    await setPlanItemAffectedDepartments(
      tx,
      actor.organizationId,
      resource.id,
      affectedOthers(resource.departmentId, input.affectedDepartmentIds),
    );
    await syncRequests(tx, actor.organizationId, resource.id, requests);
    // Its own card follows the new date (or goes when it is no longer done); cards around the old date learn it moved.
    await changeTouched(
      tx,
      actor.organizationId,
      'plan-item',
      resource.id,
      resource.effectiveDate !== effectiveDate ? resource.effectiveDate : null,
    );
    // Marking the item done ships the idea it came from.
    if (resource.sourceIdeaId && columns.status === 'done' && resource.status !== 'done') {
      await ideaBecame(tx, actor.organizationId, resource.sourceIdeaId, actor.userId, {
        kind: 'plan-item',
        id: resource.id,
        title: input.title,
        shipped: true,
      });
    }
    const { id: _id, updatedAt: _u, completedAt: _c, departmentId: _d, sourceIdeaId: _i, ...before } = resource;
    audit({
      action: 'planItem.update',
      entityType: 'planItem',
      entityId: resource.id,
      changes: { name: input.title, before, after: { ...columns, effectiveDate } },
    });
    return null;
  },
});

export const answerPlanRequest = command({
  permission: 'planRequest.answer',
  input: answerPlanRequestSchema,
  load: (tx, organizationId, input) => findRequest(tx, organizationId, input.requestId),
  target: (request) => ({ departmentId: request.departmentId }),
  run: async ({ tx, actor, input, resource, audit }) => {
    await answerRequest(tx, actor.organizationId, resource.id, {
      status: input.answer,
      comment: input.comment,
      answeredBy: actor.userId,
    });
    const item = await findPlanItem(tx, actor.organizationId, resource.planItemId);
    if (!item) throw new ActionError('not_found', { key: 'errors.notFound' });
    audit({
      action: `planRequest.${input.answer}`,
      entityType: 'planRequest',
      entityId: resource.id,
      changes: { name: item.title, comment: input.comment },
    });
    return null;
  },
});

export const setPromiseOwner = command({
  permission: 'promiseOwner.set',
  input: setPromiseOwnerSchema,
  load: async (tx, organizationId, input) => {
    const department = await findDepartment(tx, organizationId, input.departmentId);
    return department && !department.archived ? department : null;
  },
  run: async ({ tx, actor, resource, audit }) => {
    await setPromiseOwnerDepartment(tx, actor.organizationId, resource.id);
    audit({
      action: 'department.promiseOwner',
      entityType: 'department',
      entityId: resource.id,
      changes: { name: resource.name },
    });
    return null;
  },
});
