import { z } from 'zod';
import { ideaStatuses, triageStatuses } from '@/lib/domain/ideas';
import { checkbox, id, optionalId } from './common';

const longText = z.string().trim().max(4000).default('');
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The official reply that comes with an idea's status change, shown on the idea and sent to its followers. */
export const officialReply = z.string().trim().max(4000).default('');

export const ideaFields = z.object({
  title: z.string().trim().min(5).max(120),
  today: longText,
  change: z.string().trim().min(1).max(4000),
  departmentId: id,
  touchpointId: optionalId,
});

export const submitIdeaSchema = ideaFields.extend({ anonymous: checkbox });
export const editIdeaSchema = ideaFields.extend({ ideaId: id });
export const ideaIdSchema = z.object({ ideaId: id });
export const followIdeaSchema = z.object({ ideaId: id, following: checkbox });

export const changeIdeaStatusSchema = z
  .object({
    ideaId: id,
    status: z.enum(triageStatuses),
    reply: officialReply,
  })
  .superRefine((v, ctx) => {
    if (v.status === 'declined' && !v.reply)
      ctx.addIssue({ code: 'custom', path: ['reply'], message: 'validation.replyRequired' });
  });

export const mergeIdeaSchema = z.object({ ideaId: id, intoIdeaId: id });

const commentBody = z.string().trim().min(1).max(4000);
export const commentSchema = z.object({ ideaId: id, body: commentBody });
export const editCommentSchema = z.object({ commentId: id, body: commentBody });
export const commentIdSchema = z.object({ commentId: id });

export const ideaSorts = ['votes', 'newest', 'active'] as const;
export type IdeaSort = (typeof ideaSorts)[number];

/** The board's choices, read from the URL so a link can be shared; anything unknown falls back to the default. */
export const boardQuerySchema = z.object({
  sort: z.enum(ideaSorts).catch('votes'),
  department: z.preprocess(blankToUndefined, id.optional()).catch(undefined),
  touchpoint: z.preprocess(blankToUndefined, id.optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(ideaStatuses).optional()).catch(undefined),
  mine: z
    .preprocess((v) => v === '1' || v === 'true', z.boolean())
    .catch(false)
    .default(false),
  q: z
    .preprocess((v) => (typeof v === 'string' ? v.trim().slice(0, 200) : undefined), z.string().optional())
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type BoardQuery = z.output<typeof boardQuerySchema>;

export const similarQuerySchema = z.object({ title: z.string().trim().max(120) });
