import 'server-only';
import { findDepartment } from '@/db/queries/departments';
import {
  countTouchpointsInStage,
  deleteStage,
  findStage,
  findTouchpoint,
  insertStage,
  insertTouchpoint,
  listStages,
  nextTouchpointPosition,
  listTouchpoints,
  touchpointKeyTaken,
  updateStage,
  updateTouchpoint,
} from '@/db/queries/journey';
import { command, organizationScope } from '@/lib/auth/command';
import { refuse } from '@/lib/auth/errors';
import { moveOnePlace } from '@/lib/domain/ordering';
import {
  archiveTouchpointSchema,
  createStageSchema,
  createTouchpointSchema,
  deleteStageSchema,
  moveStageSchema,
  moveTouchpointSchema,
  touchpointKeyPattern,
  updateStageSchema,
  updateTouchpointSchema,
} from '@/lib/validation/settings';
import type { Database } from '@/db/client';

export const createStage = command({
  permission: 'journeyStage.manage',
  input: createStageSchema,
  load: organizationScope,
  run: async ({ tx, actor, input, audit }) => {
    const stage = await insertStage(tx, actor.organizationId, input);
    audit({ action: 'journeyStage.create', entityType: 'journeyStage', entityId: stage.id, changes: input });
    return { id: stage.id };
  },
});

export const updateStageDetails = command({
  permission: 'journeyStage.manage',
  input: updateStageSchema,
  load: (tx, organizationId, input) => findStage(tx, organizationId, input.stageId),
  run: async ({ tx, actor, input, resource, audit }) => {
    const { stageId, ...values } = input;
    await updateStage(tx, actor.organizationId, stageId, values);
    audit({
      action: 'journeyStage.update',
      entityType: 'journeyStage',
      entityId: stageId,
      changes: { before: { name: resource.name, phase: resource.phase }, after: values },
    });
    return null;
  },
});

export const moveStage = command({
  permission: 'journeyStage.manage',
  input: moveStageSchema,
  load: (tx, organizationId, input) => findStage(tx, organizationId, input.stageId),
  run: async ({ tx, actor, input, resource, audit }) => {
    const moves = moveOnePlace(await listStages(tx, actor.organizationId), input.stageId, input.direction);
    for (const m of moves) await updateStage(tx, actor.organizationId, m.id, { position: m.position });
    audit({
      action: 'journeyStage.move',
      entityType: 'journeyStage',
      entityId: input.stageId,
      changes: { name: resource.name, direction: input.direction },
    });
    return null;
  },
});

export const removeStage = command({
  permission: 'journeyStage.manage',
  input: deleteStageSchema,
  load: (tx, organizationId, input) => findStage(tx, organizationId, input.stageId),
  run: async ({ tx, actor, input, resource, audit }) => {
    // Touchpoints (even archived ones) refer to the stage: it stays until they are moved elsewhere.
    if ((await countTouchpointsInStage(tx, actor.organizationId, input.stageId)) > 0) {
      throw refuse.conflict('settings.journey.stageNotEmpty');
    }
    await deleteStage(tx, actor.organizationId, input.stageId);
    audit({
      action: 'journeyStage.delete',
      entityType: 'journeyStage',
      entityId: input.stageId,
      changes: { name: resource.name },
    });
    return null;
  },
});

/** The stage and the owning department must exist in the caller's organization. */
async function checkPlacement(tx: Database, organizationId: string, stageId: string, departmentId: string) {
  if (!(await findStage(tx, organizationId, stageId))) throw refuse.field('stageId', 'validation.notFound');
  const department = await findDepartment(tx, organizationId, departmentId);
  if (!department || department.archived) throw refuse.field('departmentId', 'validation.notFound');
}

/** A touchpoint's key names it for API senders: plain characters, and unique within the organization. */
async function checkKey(tx: Database, organizationId: string, key: string | null | undefined, touchpointId?: string) {
  if (!key) return;
  if (!touchpointKeyPattern.test(key)) throw refuse.field('key', 'settings.journey.keyFormat');
  if (await touchpointKeyTaken(tx, organizationId, key, touchpointId))
    throw refuse.field('key', 'settings.journey.keyTaken');
}

export const createTouchpoint = command({
  permission: 'touchpoint.manage',
  input: createTouchpointSchema,
  load: organizationScope,
  run: async ({ tx, actor, input, audit }) => {
    await checkPlacement(tx, actor.organizationId, input.stageId, input.departmentId);
    await checkKey(tx, actor.organizationId, input.key);
    const touchpoint = await insertTouchpoint(tx, actor.organizationId, input);
    audit({ action: 'touchpoint.create', entityType: 'touchpoint', entityId: touchpoint.id, changes: input });
    return { id: touchpoint.id };
  },
});

export const updateTouchpointDetails = command({
  permission: 'touchpoint.manage',
  input: updateTouchpointSchema,
  load: (tx, organizationId, input) => findTouchpoint(tx, organizationId, input.touchpointId),
  run: async ({ tx, actor, input, resource, audit }) => {
    const { touchpointId, ...values } = input;
    await checkPlacement(tx, actor.organizationId, values.stageId, values.departmentId);
    await checkKey(tx, actor.organizationId, values.key, touchpointId);
    const movedStage = values.stageId !== resource.stageId;
    const position = movedStage
      ? await nextTouchpointPosition(tx, actor.organizationId, values.stageId)
      : resource.position;
    await updateTouchpoint(tx, actor.organizationId, touchpointId, { ...values, position });
    const before = {
      name: resource.name,
      stageId: resource.stageId,
      departmentId: resource.departmentId,
      channel: resource.channel,
      description: resource.description,
      key: resource.key,
    };
    audit({
      action: movedStage ? 'touchpoint.move' : 'touchpoint.update',
      entityType: 'touchpoint',
      entityId: touchpointId,
      changes: { before, after: values },
    });
    return null;
  },
});

export const moveTouchpoint = command({
  permission: 'touchpoint.manage',
  input: moveTouchpointSchema,
  load: (tx, organizationId, input) => findTouchpoint(tx, organizationId, input.touchpointId),
  run: async ({ tx, actor, input, resource, audit }) => {
    const inStage = (await listTouchpoints(tx, actor.organizationId, { includeArchived: true })).filter(
      (t) => t.stageId === resource.stageId,
    );
    for (const m of moveOnePlace(inStage, input.touchpointId, input.direction)) {
      await updateTouchpoint(tx, actor.organizationId, m.id, { position: m.position });
    }
    audit({
      action: 'touchpoint.reorder',
      entityType: 'touchpoint',
      entityId: input.touchpointId,
      changes: { name: resource.name, direction: input.direction },
    });
    return null;
  },
});

export const archiveTouchpoint = command({
  permission: 'touchpoint.manage',
  input: archiveTouchpointSchema,
  load: (tx, organizationId, input) => findTouchpoint(tx, organizationId, input.touchpointId),
  run: async ({ tx, actor, input, resource, audit }) => {
    await updateTouchpoint(tx, actor.organizationId, input.touchpointId, { archived: input.archived });
    audit({
      action: input.archived ? 'touchpoint.archive' : 'touchpoint.restore',
      entityType: 'touchpoint',
      entityId: input.touchpointId,
      changes: { name: resource.name },
    });
    return null;
  },
});
