import 'server-only';
import type { Database } from '@/db/client';
import { findDepartment } from '@/db/queries/departments';
import { currentGoal } from '@/db/queries/goal';
import { findTouchpoint } from '@/db/queries/journey';
import { findMember } from '@/db/queries/members';
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
} from '@/db/queries/plans';
import { command } from '@/lib/auth/command';
import { ActionError, refuse } from '@/lib/auth/errors';
import { canMove, requestsFor } from '@/lib/domain/plans';
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
  let servesTargetId: string | null = null;
  if (input.serves) {
    const goal = await currentGoal(tx, organizationId);
    const [kind, ref] = input.serves.split(':') as ['commitment' | 'target', string];
    if (kind === 'commitment') servesCommitment = goal?.commitments[Number(ref)] ?? null;
    else servesTargetId = goal?.targets.find((t) => t.id === ref)?.id ?? null;
    if (!servesCommitment && !servesTargetId) throw refuse.field('serves', 'validation.notFound');
  }
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
    servesTargetId,
  };
  return { columns, requests };
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
    const { columns, requests } = await resolveItem(tx, actor.organizationId, resource.id, input);
    const item = await insertPlanItem(tx, actor.organizationId, {
      ...columns,
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
    audit({
      action: 'planItem.create',
      entityType: 'planItem',
      entityId: item.id,
      changes: { name: input.title, department: resource.name, ...columns },
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
    const { columns, requests } = await resolveItem(tx, actor.organizationId, resource.departmentId, input);
    const completedAt = columns.status === 'done' ? (resource.completedAt ?? new Date()) : null;
    await updatePlanItem(tx, actor.organizationId, resource.id, { ...columns, completedAt });
    await setPlanItemTouchpoints(tx, actor.organizationId, resource.id, input.touchpointIds);
    await setPlanItemAffectedDepartments(
      tx,
      actor.organizationId,
      resource.id,
      affectedOthers(resource.departmentId, input.affectedDepartmentIds),
    );
    await syncRequests(tx, actor.organizationId, resource.id, requests);
    const { id: _id, updatedAt: _u, completedAt: _c, departmentId: _d, ...before } = resource;
    audit({
      action: 'planItem.update',
      entityType: 'planItem',
      entityId: resource.id,
      changes: { name: input.title, before, after: columns },
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
