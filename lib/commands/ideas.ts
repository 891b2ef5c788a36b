import 'server-only';
import type { Database } from '@/db/client';
import { findDepartment } from '@/db/queries/departments';
import { followByDefault, setFollowing } from '@/db/queries/follows';
import { tellIdeaFollowers } from '@/db/queries/idea-notices';
import {
  addVote,
  findIdeaForCommand,
  type IdeaForCommand,
  insertIdea,
  insertIdeaEvent,
  moveVotesAndComments,
  removeVote,
  repointMerged,
  setIdeaStatus,
  updateIdeaText,
} from '@/db/queries/ideas';
import { moveFollows } from '@/db/queries/follows';
import { findTouchpoint } from '@/db/queries/journey';
import { type Actor, command } from '@/lib/auth/command';
import { refuse } from '@/lib/auth/errors';
import { authorMayChange, isOpenForVotes, mayMove, nextStatuses } from '@/lib/domain/ideas';
import { can } from '@/lib/domain/permissions';
import {
  changeIdeaStatusSchema,
  editIdeaSchema,
  followIdeaSchema,
  ideaIdSchema,
  mergeIdeaSchema,
  submitIdeaSchema,
} from '@/lib/validation/ideas';

/** The department and touchpoint an idea names must be in the organization and not archived. */
async function checkPlace(
  tx: Database,
  organizationId: string,
  input: { departmentId: string; touchpointId?: string },
) {
  const department = await findDepartment(tx, organizationId, input.departmentId);
  if (!department) throw refuse.field('departmentId', 'validation.notFound');
  if (department.archived) throw refuse.field('departmentId', 'validation.archivedDepartment');
  if (input.touchpointId) {
    const touchpoint = await findTouchpoint(tx, organizationId, input.touchpointId);
    if (!touchpoint) throw refuse.field('touchpointId', 'validation.notFound');
    if (touchpoint.archived) throw refuse.field('touchpointId', 'validation.archivedTouchpoint');
  }
  return department;
}

/** Whether the anonymous author of the idea is acting on it: the history and the audit then name nobody. */
const byAuthor = (idea: IdeaForCommand, actor: Actor) => idea.anonymous && idea.authorUserId === actor.userId;
const actingAuthor = (idea: IdeaForCommand, actor: Actor) => (byAuthor(idea, actor) ? null : actor.userId);

const loadIdea = (tx: Database, organizationId: string, input: { ideaId: string }) =>
  findIdeaForCommand(tx, organizationId, input.ideaId);

export const submitIdea = command({
  permission: 'idea.submit',
  input: submitIdeaSchema,
  load: async () => ({}),
  run: async ({ tx, actor, input, audit }) => {
    const department = await checkPlace(tx, actor.organizationId, input);
    const id = await insertIdea(tx, actor.organizationId, {
      title: input.title,
      today: input.today,
      change: input.change,
      departmentId: department.id,
      touchpointId: input.touchpointId ?? null,
      authorUserId: actor.userId,
      anonymous: input.anonymous,
    });
    await insertIdeaEvent(tx, actor.organizationId, id, {
      kind: 'submitted',
      actorUserId: input.anonymous ? null : actor.userId,
      toStatus: 'new',
    });
    await followByDefault(tx, actor.organizationId, actor.userId, 'idea', id);
    audit({
      action: 'idea.submit',
      entityType: 'idea',
      entityId: id,
      changes: { name: input.title, department: department.name },
      anonymous: input.anonymous,
    });
    return { id };
  },
});

export const editIdea = command({
  permission: 'idea.edit',
  input: editIdeaSchema,
  load: loadIdea,
  target: (idea) => ({ authorUserId: idea.authorUserId }),
  run: async ({ tx, actor, input, resource: idea, audit }) => {
    if (!authorMayChange(idea.status)) throw refuse.conflict('ideas.notNewAnymore');
    const department = await checkPlace(tx, actor.organizationId, input);
    const fields = {
      title: input.title,
      today: input.today,
      change: input.change,
      departmentId: department.id,
      touchpointId: input.touchpointId ?? null,
    };
    await updateIdeaText(tx, actor.organizationId, idea.id, fields);
    await insertIdeaEvent(tx, actor.organizationId, idea.id, {
      kind: 'edited',
      actorUserId: actingAuthor(idea, actor),
    });
    audit({
      action: 'idea.edit',
      entityType: 'idea',
      entityId: idea.id,
      changes: { name: input.title },
      anonymous: idea.anonymous,
    });
    return { id: idea.id };
  },
});

export const withdrawIdea = command({
  permission: 'idea.edit',
  input: ideaIdSchema,
  load: loadIdea,
  target: (idea) => ({ authorUserId: idea.authorUserId }),
  run: async ({ tx, actor, resource: idea, audit }) => {
    if (!authorMayChange(idea.status)) throw refuse.conflict('ideas.notNewAnymore');
    await setIdeaStatus(tx, actor.organizationId, idea.id, 'withdrawn');
    await insertIdeaEvent(tx, actor.organizationId, idea.id, {
      kind: 'status',
      actorUserId: actingAuthor(idea, actor),
      fromStatus: idea.status,
      toStatus: 'withdrawn',
    });
    audit({ action: 'idea.withdraw', entityType: 'idea', entityId: idea.id, anonymous: idea.anonymous });
    return { id: idea.id };
  },
});

export const voteForIdea = command({
  permission: 'idea.vote',
  input: ideaIdSchema,
  load: loadIdea,
  run: async ({ tx, actor, resource: idea, audit }) => {
    if (!isOpenForVotes(idea.status)) throw refuse.conflict('ideas.closedForVotes');
    const added = await addVote(tx, actor.organizationId, idea.id, actor.userId);
    await followByDefault(tx, actor.organizationId, actor.userId, 'idea', idea.id);
    audit({
      action: 'idea.vote',
      entityType: 'idea',
      entityId: idea.id,
      changes: { added },
      anonymous: byAuthor(idea, actor),
    });
    return { id: idea.id, added };
  },
});

export const withdrawVote = command({
  permission: 'idea.vote',
  input: ideaIdSchema,
  load: loadIdea,
  run: async ({ tx, actor, resource: idea, audit }) => {
    const removed = await removeVote(tx, actor.organizationId, idea.id, actor.userId);
    audit({
      action: 'idea.unvote',
      entityType: 'idea',
      entityId: idea.id,
      changes: { removed },
      anonymous: byAuthor(idea, actor),
    });
    return { id: idea.id, removed };
  },
});

export const followIdea = command({
  permission: 'follow.manage',
  input: followIdeaSchema,
  load: loadIdea,
  run: async ({ tx, actor, input, resource: idea, audit }) => {
    await setFollowing(tx, actor.organizationId, actor.userId, 'idea', idea.id, input.following);
    audit({
      action: input.following ? 'idea.follow' : 'idea.unfollow',
      entityType: 'idea',
      entityId: idea.id,
      anonymous: byAuthor(idea, actor),
    });
    return { id: idea.id, following: input.following };
  },
});

export const changeIdeaStatus = command({
  permission: 'idea.triage',
  input: changeIdeaStatusSchema,
  load: loadIdea,
  target: (idea) => ({ departmentId: idea.departmentId }),
  run: async ({ tx, actor, input, resource: idea, audit }) => {
    if (!mayMove(idea.status, input.status)) {
      throw refuse.field('status', 'validation.ideaStatusTransition', {
        allowed: nextStatuses(idea.status).join(', ') || '-',
      });
    }
    await setIdeaStatus(tx, actor.organizationId, idea.id, input.status);
    const eventId = await insertIdeaEvent(tx, actor.organizationId, idea.id, {
      kind: 'status',
      actorUserId: actor.userId,
      fromStatus: idea.status,
      toStatus: input.status,
      reply: input.reply || null,
    });
    await tellIdeaFollowers(tx, actor.organizationId, idea, {
      kind: 'ideaStatus',
      eventKey: `idea-event:${eventId}`,
      actorUserId: actor.userId,
      details: { status: input.status, reply: input.reply || null },
    });
    audit({
      action: 'idea.status',
      entityType: 'idea',
      entityId: idea.id,
      changes: { name: idea.title, from: idea.status, to: input.status, reply: input.reply },
    });
    return { id: idea.id, status: input.status };
  },
});

export const mergeIdea = command({
  permission: 'idea.merge',
  input: mergeIdeaSchema,
  load: loadIdea,
  target: (idea) => ({ departmentId: idea.departmentId }),
  run: async ({ tx, actor, input, resource: idea, audit }) => {
    if (input.intoIdeaId === idea.id) throw refuse.field('intoIdeaId', 'validation.mergeIntoItself');
    if (!isOpenForVotes(idea.status)) throw refuse.conflict('ideas.closedForVotes');
    const into = await findIdeaForCommand(tx, actor.organizationId, input.intoIdeaId);
    if (!into) throw refuse.field('intoIdeaId', 'validation.notFound');
    if (!isOpenForVotes(into.status)) throw refuse.field('intoIdeaId', 'validation.mergeIntoClosed');
    // A lead merges within their department; across departments it takes an executive.
    if (!can(actor, 'idea.merge', { departmentId: into.departmentId })) throw refuse.forbidden();
    await moveVotesAndComments(tx, actor.organizationId, idea.id, into.id);
    await moveFollows(tx, actor.organizationId, 'idea', idea.id, into.id);
    await repointMerged(tx, actor.organizationId, idea.id, into.id);
    await setIdeaStatus(tx, actor.organizationId, idea.id, 'merged', into.id);
    const eventId = await insertIdeaEvent(tx, actor.organizationId, idea.id, {
      kind: 'merged',
      actorUserId: actor.userId,
      fromStatus: idea.status,
      toStatus: 'merged',
      otherIdeaId: into.id,
    });
    await insertIdeaEvent(tx, actor.organizationId, into.id, {
      kind: 'merged_from',
      actorUserId: actor.userId,
      otherIdeaId: idea.id,
    });
    await tellIdeaFollowers(tx, actor.organizationId, into, {
      kind: 'ideaMerged',
      eventKey: `idea-event:${eventId}`,
      actorUserId: actor.userId,
      details: { mergedTitle: idea.title, mergedId: idea.id },
    });
    audit({
      action: 'idea.merge',
      entityType: 'idea',
      entityId: idea.id,
      changes: { name: idea.title, into: into.title },
    });
    return { id: idea.id, intoId: into.id };
  },
});
