import 'server-only';
import type { Database } from '@/db/client';
import { findDepartment } from '@/db/queries/departments';
import { changeTouched } from '@/db/queries/impact-staleness';
import { findTouchpoint } from '@/db/queries/journey';
import { findMember } from '@/db/queries/members';
import { findOrganization } from '@/db/queries/organizations';
import { findPlanItem } from '@/db/queries/plans';
import {
  findImprovement,
  findImprovementInCell,
  insertImprovement,
  setImprovementTouchpoints,
  updateImprovement,
} from '@/db/queries/weekly';
import { type Actor, command } from '@/lib/auth/command';
import { ActionError, refuse } from '@/lib/auth/errors';
import { isLate, logWindow, mayLogFromIdea, mayLogIn } from '@/lib/domain/weekly';
import { ideaBecame, ideaToLink } from '@/lib/ideas/progress';
import { dateIn, isWeekStart, weekOf, weekOfDate } from '@/lib/domain/weeks';
import { changesTarget, targetLockedSince } from '@/lib/impact/declared-target';
import { type ImprovementInput, logImprovementSchema, updateImprovementSchema } from '@/lib/validation/weekly';

/** Whether this actor may write in this week now; the window decides "late". */
async function checkWeek(
  tx: Database,
  actor: Actor,
  weekStart: string,
  effectiveDate: string,
  fromIdea = false,
  now = new Date(),
) {
  const organization = await findOrganization(tx, actor.organizationId);
  if (!organization) throw refuse.notFound();
  const firstDay = organization.weekStartsOn;
  if (!isWeekStart(weekStart, firstDay)) throw refuse.field('weekStart', 'validation.notAWeek');
  const currentWeek = weekOf(now, organization.timeZone, firstDay);
  const window = logWindow(weekStart, currentWeek);
  const allowed = fromIdea ? mayLogFromIdea(actor.role, weekStart, currentWeek) : mayLogIn(actor.role, window);
  if (!allowed) {
    throw refuse.field('weekStart', window === 'future' ? 'validation.weekInFuture' : 'validation.weekClosed');
  }
  if (weekOfDate(effectiveDate, firstDay) !== weekStart)
    throw refuse.field('effectiveDate', 'validation.effectiveDateInWeek');
  return { late: isLate(window), organization, today: dateIn(now, organization.timeZone) };
}

/** Every id the improvement names must be in the caller's organization. */
async function checkReferences(tx: Database, organizationId: string, input: ImprovementInput) {
  if (input.ownerUserId && !(await findMember(tx, organizationId, input.ownerUserId)))
    throw refuse.field('ownerUserId', 'validation.ownerNotMember');
  for (const touchpointId of input.touchpointIds) {
    if (!(await findTouchpoint(tx, organizationId, touchpointId)))
      throw refuse.field('touchpointIds', 'validation.notFound');
  }
  if (
    input.source === 'plan_item' &&
    input.sourcePlanItemId &&
    !(await findPlanItem(tx, organizationId, input.sourcePlanItemId))
  ) {
    throw refuse.field('sourcePlanItemId', 'validation.notFound');
  }
}

export const logImprovement = command({
  permission: 'weekly.log',
  input: logImprovementSchema,
  load: async (tx, organizationId, input) => {
    const department = await findDepartment(tx, organizationId, input.departmentId);
    return department && !department.archived ? department : null;
  },
  target: (department) => ({ departmentId: department.id }),
  run: async ({ tx, actor, input, resource, audit }) => {
    const fromIdea = input.sourceIdeaId ? await ideaToLink(tx, actor.organizationId, input.sourceIdeaId) : null;
    const { late } = await checkWeek(tx, actor, input.weekStart, input.effectiveDate, fromIdea !== null);
    await checkReferences(tx, actor.organizationId, input);
    const { departmentId: _d, weekStart, touchpointIds, sourceIdeaId: _i, ideaReply, ...fields } = input;
    const created = await insertImprovement(tx, actor.organizationId, {
      ...fields,
      ...(fromIdea ? { source: 'idea' as const, sourceIdeaId: fromIdea.id } : {}),
      departmentId: resource.id,
      weekStart,
      late,
      createdBy: actor.userId,
    });
    if (!created) {
      const existing = await findImprovementInCell(tx, actor.organizationId, resource.id, weekStart);
      throw new ActionError('conflict', {
        key: 'weekly.alreadyLogged',
        values: { department: resource.name, week: weekStart, title: existing?.title ?? '' },
      });
    }
    await setImprovementTouchpoints(tx, actor.organizationId, created.id, touchpointIds);
    await changeTouched(tx, actor.organizationId, 'improvement', created.id);
    if (fromIdea) {
      await ideaBecame(tx, actor.organizationId, fromIdea.id, actor.userId, {
        kind: 'improvement',
        id: created.id,
        title: input.title,
        shipped: true,
        reply: ideaReply,
      });
    }
    audit({
      action: 'improvement.log',
      entityType: 'improvement',
      entityId: created.id,
      changes: { name: input.title, department: resource.name, weekStart, late },
    });
    return { id: created.id, late };
  },
});

export const updateImprovementDetails = command({
  permission: 'weekly.log',
  input: updateImprovementSchema,
  load: (tx, organizationId, input) => findImprovement(tx, organizationId, input.improvementId),
  target: (improvement) => ({ departmentId: improvement.departmentId }),
  run: async ({ tx, actor, input, resource, audit }) => {
    const { organization, today } = await checkWeek(tx, actor, resource.weekStart, input.effectiveDate);
    // Declared in advance: once the after window has started, the target metric and direction stay as they were.
    const lockedSince = targetLockedSince(
      [resource.effectiveDate, input.effectiveDate],
      organization.impactWindows,
      organization.weekStartsOn,
      today,
    );
    if (lockedSince && changesTarget(resource, input))
      throw refuse.field('metric', 'validation.targetLocked', { date: lockedSince });
    await checkReferences(tx, actor.organizationId, input);
    const { improvementId, touchpointIds, ...fields } = input;
    await updateImprovement(tx, actor.organizationId, improvementId, fields);
    await setImprovementTouchpoints(tx, actor.organizationId, improvementId, touchpointIds);
    await changeTouched(
      tx,
      actor.organizationId,
      'improvement',
      improvementId,
      resource.effectiveDate !== input.effectiveDate ? resource.effectiveDate : null,
    );
    const { id: _id, departmentId: _d, weekStart: _w, ...before } = resource;
    audit({
      action: 'improvement.update',
      entityType: 'improvement',
      entityId: improvementId,
      changes: { name: input.title, before, after: { ...fields, touchpointIds } },
    });
    return { id: improvementId };
  },
});
