import 'server-only';
import type { Database } from '@/db/client';
import {
  findGoalDraft,
  findPublishedGoalVersion,
  type GoalVersion,
  latestGoalVersion,
  publishGoalDraft,
  recordGoalRead,
  saveGoalDraftContent,
} from '@/db/queries/goal';
import { findTouchpoint } from '@/db/queries/journey';
import { command, organizationScope } from '@/lib/auth/command';
import { ActionError, refuse } from '@/lib/auth/errors';
import {
  draftProblems,
  type GoalProblem,
  type GoalSections,
  goalLength,
  goalSections,
  METRIC_RANGE,
  publishProblems,
  targetValueInRange,
} from '@/lib/domain/goal';
import { acknowledgeGoalSchema, type GoalDraftInput, goalDraftSchema } from '@/lib/validation/goal';
import type { Message } from '@/lib/validation/messages';

function messageOf(problem: GoalProblem): Message {
  switch (problem.rule) {
    case 'overBudget':
      return {
        key: 'goal.errors.overBudget',
        values: { used: problem.used, budget: problem.budget, over: problem.used - problem.budget },
      };
    case 'commitmentCount':
      return {
        key: 'goal.errors.commitmentCount',
        values: { count: problem.count, min: problem.min, max: problem.max },
      };
    case 'sectionMissing':
      return { key: 'goal.errors.sectionMissing' };
  }
}

/** Refuses with every problem next to its field, so the editor can show them all at once. */
function refuseWith(fieldErrors: Record<string, Message>): never {
  throw new ActionError('invalid', { key: 'errors.checkFields' }, fieldErrors);
}

/** The rules zod cannot know: the one-page budget, each metric's range, and touchpoints of this organization. */
async function checkDraft(tx: Database, organizationId: string, input: GoalDraftInput, problems: GoalProblem[]) {
  const fieldErrors: Record<string, Message> = {};
  for (const problem of problems) fieldErrors[problem.field] ??= messageOf(problem);
  for (const [row, target] of input.targets.entries()) {
    const range = METRIC_RANGE[target.metric];
    if (range && !targetValueInRange(target.metric, target.targetValue)) {
      fieldErrors[`targets.${row}.targetValue`] = { key: 'goal.errors.valueRange', values: range };
    }
    const touchpoint = target.touchpointId ? await findTouchpoint(tx, organizationId, target.touchpointId) : null;
    if (target.touchpointId && !touchpoint) fieldErrors[`targets.${row}.touchpointId`] = { key: 'validation.notFound' };
  }
  if (Object.keys(fieldErrors).length > 0) refuseWith(fieldErrors);
}

/** Someone else saved the draft after this editor opened it: refuse rather than overwrite their words. */
function checkNotOverwriting(draft: GoalVersion | null, input: GoalDraftInput) {
  if (!draft || !input.draftUpdatedAt) return;
  if (draft.updatedAt.getTime() !== new Date(input.draftUpdatedAt).getTime())
    throw refuse.conflict('goal.errors.draftChanged');
}

function sectionsOf(input: GoalSections): GoalSections {
  const { statement, whyService, atmosphere, commitments, dayToDay } = input;
  return { statement, whyService, atmosphere, commitments, dayToDay };
}

function changedSections(before: GoalVersion | null, after: GoalDraftInput) {
  return goalSections.filter(
    (s) => JSON.stringify(before?.[s] ?? (s === 'commitments' ? [] : '')) !== JSON.stringify(after[s]),
  );
}

async function writeDraft(
  tx: Database,
  actorUserId: string,
  organizationId: string,
  input: GoalDraftInput,
  updatedAt: Date,
) {
  return saveGoalDraftContent(tx, organizationId, {
    ...sectionsOf(input),
    targets: input.targets,
    authorUserId: actorUserId,
    updatedAt,
  });
}

/** Saves the executives' working copy: it may be incomplete, but never longer than one page. */
export const saveGoalDraft = command({
  permission: 'goal.edit',
  input: goalDraftSchema,
  load: organizationScope,
  run: async ({ tx, actor, input, audit }) => {
    const before = await findGoalDraft(tx, actor.organizationId);
    checkNotOverwriting(before, input);
    await checkDraft(tx, actor.organizationId, input, draftProblems(input));
    const draft = await writeDraft(tx, actor.userId, actor.organizationId, input, new Date());
    audit({
      action: 'goal.saveDraft',
      entityType: 'goalVersion',
      entityId: draft.id,
      changes: {
        name: 'draft',
        sections: changedSections(before, input),
        characters: goalLength(input),
        targets: input.targets.length,
      },
    });
    return { draftUpdatedAt: draft.updatedAt.toISOString() };
  },
});

/** Saves what the editor shows and publishes it as the next version; everyone is asked to read it again. */
export const publishGoal = command({
  permission: 'goal.publish',
  input: goalDraftSchema,
  load: organizationScope,
  run: async ({ tx, actor, input, audit }) => {
    checkNotOverwriting(await findGoalDraft(tx, actor.organizationId), input);
    await checkDraft(tx, actor.organizationId, input, publishProblems(input));
    const now = new Date();
    await writeDraft(tx, actor.userId, actor.organizationId, input, now);
    const draft = (await findGoalDraft(tx, actor.organizationId))!;
    const published = await publishGoalDraft(tx, actor.organizationId, draft, actor.userId, now);
    audit({
      action: 'goal.publish',
      entityType: 'goalVersion',
      entityId: published.id,
      changes: {
        name: String(published.version),
        version: published.version,
        characters: goalLength(input),
        targets: input.targets.length,
      },
    });
    return { version: published.version, draftUpdatedAt: now.toISOString() };
  },
});

/** "I have read this version": only for the current version; confirming twice changes nothing. */
export const acknowledgeGoal = command({
  permission: 'goal.acknowledge',
  input: acknowledgeGoalSchema,
  load: (tx, organizationId, input) => findPublishedGoalVersion(tx, organizationId, input.goalVersionId),
  run: async ({ tx, actor, resource, audit }) => {
    const current = await latestGoalVersion(tx, actor.organizationId);
    if (current?.id !== resource.id) throw refuse.conflict('goal.errors.notCurrent');
    if (await recordGoalRead(tx, actor.organizationId, resource.id, actor.userId)) {
      audit({
        action: 'goal.acknowledge',
        entityType: 'goalVersion',
        entityId: resource.id,
        changes: { name: String(resource.version), version: resource.version },
      });
    }
    return { version: resource.version };
  },
});
