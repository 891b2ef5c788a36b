'use server';

import { runAsMember } from '@/lib/auth/run';
import { commentOnIdea, editComment, hideComment, removeComment, showComment } from '@/lib/commands/idea-comments';
import {
  changeIdeaStatus,
  editIdea,
  followIdea,
  mergeIdea,
  submitIdea,
  voteForIdea,
  withdrawIdea,
  withdrawVote,
} from '@/lib/commands/ideas';

// Thin wrappers: each runs one command as the signed-in member and refreshes the ideas pages (the board, every idea).
const ideas = ['/ideas'];

export const submitIdeaAction = async (input: unknown) => runAsMember(submitIdea, input, ideas);
export const editIdeaAction = async (input: unknown) => runAsMember(editIdea, input, ideas);
export const withdrawIdeaAction = async (input: unknown) => runAsMember(withdrawIdea, input, ideas);
export const voteAction = async (input: unknown) => runAsMember(voteForIdea, input, ideas);
export const unvoteAction = async (input: unknown) => runAsMember(withdrawVote, input, ideas);
export const followAction = async (input: unknown) => runAsMember(followIdea, input, ideas);
export const changeStatusAction = async (input: unknown) => runAsMember(changeIdeaStatus, input, ideas);
export const mergeAction = async (input: unknown) => runAsMember(mergeIdea, input, ideas);
export const commentAction = async (input: unknown) => runAsMember(commentOnIdea, input, ideas);
export const editCommentAction = async (input: unknown) => runAsMember(editComment, input, ideas);
export const removeCommentAction = async (input: unknown) => runAsMember(removeComment, input, ideas);
export const hideCommentAction = async (input: unknown) => runAsMember(hideComment, input, ideas);
export const showCommentAction = async (input: unknown) => runAsMember(showComment, input, ideas);
