import 'server-only';
import type { Database } from '@/db/client';
import { findDepartment } from '@/db/queries/departments';
import { changeTouched } from '@/db/queries/impact-staleness';
import { findTouchpoint } from '@/db/queries/journey';
import {
  deleteLeverRow,
  findLeverForCommand,
  insertLever,
  type LeverForCommand,
  type LeverState,
  setLeverTouchpoints,
  updateLever as updateLeverRow,
} from '@/db/queries/levers';
import { findOrganization } from '@/db/queries/organizations';
import { type Actor, command } from '@/lib/auth/command';
import { refuse } from '@/lib/auth/errors';
import { can } from '@/lib/domain/permissions';
import { dateIn } from '@/lib/domain/weeks';
import { betterDirection, changesTarget, targetLockedSince } from '@/lib/impact/declared-target';
import {
  createLeverSchema,
  leverIdSchema,
  type LeverInput,
  setLeverStateSchema,
  statesOf,
  updateLeverSchema,
} from '@/lib/validation/levers';

/** In effect: an accelerator in place or a blocker removed. Only then is a lever a change with a card. */
const inEffect = (state: LeverState) => state === 'in-place' || state === 'removed';

async function organizationToday(tx: Database, organizationId: string) {
  const organization = await findOrganization(tx, organizationId);
  if (!organization) throw refuse.notFound();
  return { organization, today: dateIn(new Date(), organization.timeZone) };
}

/**
 * The department and touchpoints a lever names must be the organization's and not archived; a touchpoint the lever
 * already had stays when it was archived since, and so does its own department.
 */
async function checkPlace(tx: Database, actor: Actor, input: LeverInput, lever?: LeverForCommand) {
  if (input.departmentId !== lever?.departmentId) {
    const department = await findDepartment(tx, actor.organizationId, input.departmentId);
    if (!department) throw refuse.field('departmentId', 'validation.notFound');
    if (department.archived) throw refuse.field('departmentId', 'validation.archivedDepartment');
    // Moving a lever to another department needs the right to manage it there too.
    if (!can(actor, 'lever.manage', { departmentId: department.id })) throw refuse.forbidden();
  }
  for (const touchpointId of input.touchpointIds) {
    const touchpoint = await findTouchpoint(tx, actor.organizationId, touchpointId);
    if (!touchpoint) throw refuse.field('touchpointIds', 'validation.notFound');
    if (touchpoint.archived && !lever?.touchpointIds.includes(touchpointId))
      throw refuse.field('touchpointIds', 'validation.archivedTouchpoint');
  }
}

/** A day the lever took effect: not after today (it cannot have reached customers yet), unless it is kept as it was. */
function checkTookEffect(field: string, date: string, stored: string | null, today: string) {
  if (date !== stored && date > today) throw refuse.field(field, 'validation.tookEffectInFuture');
}

/** A blocker is removed on or after the day it was known. */
function checkRemovedAfterKnown(field: string, knownSince: string | null, removedOn: string | null) {
  if (knownSince && removedOn && removedOn < knownSince) {
    throw refuse.field(
      field,
      field === 'knownSince' ? 'levers.errors.knownAfterRemoved' : 'levers.errors.removedBeforeKnown',
      { date: field === 'knownSince' ? removedOn : knownSince },
    );
  }
}

function checkKnownSince(knownSince: string | null, today: string) {
  if (knownSince && knownSince > today) throw refuse.field('knownSince', 'validation.inFuture');
}

const loadLever = (tx: Database, organizationId: string, input: { leverId: string }) =>
  findLeverForCommand(tx, organizationId, input.leverId);

export const createLever = command({
  permission: 'lever.manage',
  input: createLeverSchema,
  load: (tx, organizationId, input) => findDepartment(tx, organizationId, input.departmentId),
  target: (department) => ({ departmentId: department.id }),
  run: async ({ tx, actor, input, resource: department, audit }) => {
    await checkPlace(tx, actor, input);
    const { today } = await organizationToday(tx, actor.organizationId);
    const state = input.state ?? statesOf[input.kind][0];
    const effectiveDate = inEffect(state) ? (input.effectiveDate ?? today) : null;
    if (effectiveDate) checkTookEffect('effectiveDate', effectiveDate, null, today);
    const knownSince = input.kind === 'blocker' ? (input.knownSince ?? null) : null;
    checkKnownSince(knownSince, today);
    checkRemovedAfterKnown('effectiveDate', knownSince, effectiveDate);
    const columns = {
      name: input.name,
      description: input.description,
      departmentId: department.id,
      metric: input.metric,
      direction: input.direction ?? betterDirection(input.metric),
      state,
      knownSince,
      effectiveDate,
    };
    const id = await insertLever(tx, actor.organizationId, {
      ...columns,
      kind: input.kind,
      createdByUserId: actor.userId,
    });
    await setLeverTouchpoints(tx, actor.organizationId, id, input.touchpointIds);
    // In effect already: its card is queued, and the cards around its date learn of it.
    await changeTouched(tx, actor.organizationId, 'lever', id);
    audit({
      action: 'lever.create',
      entityType: 'lever',
      entityId: id,
      changes: { ...columns, kind: input.kind, department: department.name },
    });
    return { id };
  },
});

export const updateLever = command({
  permission: 'lever.manage',
  input: updateLeverSchema,
  load: loadLever,
  target: (lever) => ({ departmentId: lever.departmentId }),
  run: async ({ tx, actor, input, resource: lever, audit }) => {
    await checkPlace(tx, actor, input, lever);
    const { organization, today } = await organizationToday(tx, actor.organizationId);
    const direction = input.direction ?? betterDirection(input.metric);
    // Declared in advance: once the after window has started, the target metric and direction stay as they were.
    const lockedSince = targetLockedSince(
      [lever.effectiveDate],
      organization.impactWindows,
      organization.weekStartsOn,
      today,
    );
    if (lockedSince && changesTarget(lever, { metric: input.metric, direction }))
      throw refuse.field('metric', 'validation.targetLocked', { date: lockedSince });
    const knownSince = lever.kind === 'blocker' ? (input.knownSince ?? null) : null;
    if (knownSince !== lever.knownSince) checkKnownSince(knownSince, today);
    checkRemovedAfterKnown('knownSince', knownSince, lever.effectiveDate);
    const columns = {
      name: input.name,
      description: input.description,
      departmentId: input.departmentId,
      metric: input.metric,
      direction,
      knownSince,
    };
    await updateLeverRow(tx, actor.organizationId, lever.id, columns);
    await setLeverTouchpoints(tx, actor.organizationId, lever.id, input.touchpointIds);
    // Its touchpoints or metric may have moved: its card is computed again, and the cards around its date too.
    await changeTouched(tx, actor.organizationId, 'lever', lever.id);
    const { id: _id, kind: _k, state: _s, effectiveDate: _e, ...before } = lever;
    audit({
      action: 'lever.update',
      entityType: 'lever',
      entityId: lever.id,
      changes: { name: input.name, before, after: { ...columns, touchpointIds: input.touchpointIds } },
    });
    return { id: lever.id };
  },
});

export const setLeverState = command({
  permission: 'lever.manage',
  input: setLeverStateSchema,
  load: loadLever,
  target: (lever) => ({ departmentId: lever.departmentId }),
  run: async ({ tx, actor, input, resource: lever, audit }) => {
    if (!(statesOf[lever.kind] as readonly string[]).includes(input.state))
      throw refuse.field('state', 'validation.choice');
    const { today } = await organizationToday(tx, actor.organizationId);
    let effectiveDate: string | null = null;
    if (inEffect(input.state)) {
      // Empty keeps the day it took effect, or takes today.
      effectiveDate = input.date ?? lever.effectiveDate ?? today;
      checkTookEffect('date', effectiveDate, lever.effectiveDate, today);
      checkRemovedAfterKnown('date', lever.knownSince, effectiveDate);
    }
    await updateLeverRow(tx, actor.organizationId, lever.id, { state: input.state, effectiveDate });
    // Its card follows the new date (or goes while it is not in effect); cards around the old date learn it moved.
    await changeTouched(
      tx,
      actor.organizationId,
      'lever',
      lever.id,
      lever.effectiveDate !== effectiveDate ? lever.effectiveDate : null,
    );
    audit({
      action: 'lever.state',
      entityType: 'lever',
      entityId: lever.id,
      changes: {
        name: lever.name,
        before: { state: lever.state, effectiveDate: lever.effectiveDate },
        after: { state: input.state, effectiveDate },
      },
    });
    return { id: lever.id, state: input.state, effectiveDate };
  },
});

export const deleteLever = command({
  permission: 'lever.manage',
  input: leverIdSchema,
  load: loadLever,
  target: (lever) => ({ departmentId: lever.departmentId }),
  run: async ({ tx, actor, resource: lever, audit }) => {
    await deleteLeverRow(tx, actor.organizationId, lever.id);
    // No change any more: its card goes, and the cards that modelled it around its date are computed again.
    await changeTouched(tx, actor.organizationId, 'lever', lever.id, lever.effectiveDate);
    audit({ action: 'lever.delete', entityType: 'lever', entityId: lever.id, changes: { name: lever.name } });
    return { id: lever.id };
  },
});
