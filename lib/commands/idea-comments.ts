import 'server-only';
import type { Database } from '@/db/client';
import { tellIdeaFollowers } from '@/db/queries/idea-notices';
import {
  deleteComment,
  findCommentForCommand,
  findIdeaForCommand,
  insertComment,
  setCommentHidden,
  updateCommentBody,
} from '@/db/queries/ideas';
import { command } from '@/lib/auth/command';
import { refuse } from '@/lib/auth/errors';
import { isOpenForVotes } from '@/lib/domain/ideas';
import { commentIdSchema, commentSchema, editCommentSchema } from '@/lib/validation/ideas';

const loadComment = (tx: Database, organizationId: string, input: { commentId: string }) =>
  findCommentForCommand(tx, organizationId, input.commentId);

export const commentOnIdea = command({
  permission: 'idea.comment',
  input: commentSchema,
  load: (tx, organizationId, input) => findIdeaForCommand(tx, organizationId, input.ideaId),
  run: async ({ tx, actor, input, resource: idea, audit }) => {
    if (!isOpenForVotes(idea.status)) throw refuse.conflict('ideas.closedForVotes');
    const id = await insertComment(tx, actor.organizationId, idea.id, actor.userId, input.body);
    // The anonymous author commenting on their own idea stays anonymous in the notices and the audit.
    const anonymous = idea.anonymous && idea.authorUserId === actor.userId;
    await tellIdeaFollowers(tx, actor.organizationId, idea, {
      kind: 'ideaComment',
      eventKey: `idea-comment:${id}`,
      actorUserId: anonymous ? null : actor.userId,
      doneBy: actor.userId,
    });
    audit({
      action: 'ideaComment.create',
      entityType: 'ideaComment',
      entityId: id,
      changes: { idea: idea.title },
      anonymous,
    });
    return { id };
  },
});

export const editComment = command({
  permission: 'ideaComment.edit',
  input: editCommentSchema,
  load: loadComment,
  target: (comment) => ({ authorUserId: comment.authorUserId }),
  run: async ({ tx, actor, input, resource: comment, audit }) => {
    await updateCommentBody(tx, actor.organizationId, comment.id, input.body);
    audit({
      action: 'ideaComment.edit',
      entityType: 'ideaComment',
      entityId: comment.id,
      anonymous: comment.byAnonymousAuthor,
    });
    return { id: comment.id };
  },
});

export const removeComment = command({
  permission: 'ideaComment.edit',
  input: commentIdSchema,
  load: loadComment,
  target: (comment) => ({ authorUserId: comment.authorUserId }),
  run: async ({ tx, actor, resource: comment, audit }) => {
    await deleteComment(tx, actor.organizationId, comment.id, comment.ideaId);
    audit({
      action: 'ideaComment.delete',
      entityType: 'ideaComment',
      entityId: comment.id,
      anonymous: comment.byAnonymousAuthor,
    });
    return { id: comment.id };
  },
});

/** An executive hides an abusive comment (its author still sees it, marked hidden), or shows it again. */
export const hideComment = command({
  permission: 'ideaComment.hide',
  input: commentIdSchema,
  load: loadComment,
  run: async ({ tx, actor, resource: comment, audit }) => {
    await setCommentHidden(tx, actor.organizationId, comment.id, actor.userId);
    audit({ action: 'ideaComment.hide', entityType: 'ideaComment', entityId: comment.id });
    return { id: comment.id };
  },
});

export const showComment = command({
  permission: 'ideaComment.hide',
  input: commentIdSchema,
  load: loadComment,
  run: async ({ tx, actor, resource: comment, audit }) => {
    await setCommentHidden(tx, actor.organizationId, comment.id, null);
    audit({ action: 'ideaComment.show', entityType: 'ideaComment', entityId: comment.id });
    return { id: comment.id };
  },
});
