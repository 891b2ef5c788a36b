import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { AuthorControls } from '@/components/ideas/author-controls';
import { authorLabel } from '@/components/ideas/author-label';
import { CommentForm, CommentItem } from '@/components/ideas/comment-item';
import { FollowButton } from '@/components/ideas/follow-button';
import { IdeaHistory, OfficialReplies } from '@/components/ideas/idea-history';
import { MergeForm } from '@/components/ideas/merge-form';
import { IdeaStatusBadge } from '@/components/ideas/status-badge';
import { StatusForm } from '@/components/ideas/status-form';
import { VoteButton } from '@/components/ideas/vote-button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { commentsForViewer, ideaForViewer, ideaHistory } from '@/db/queries/idea-board';
import { requirePermission } from '@/lib/auth/session';
import { authorMayChange, isOpenForVotes, nextStatuses } from '@/lib/domain/ideas';
import { can } from '@/lib/domain/permissions';
import {
  changeStatusAction,
  commentAction,
  editCommentAction,
  editIdeaAction,
  followAction,
  hideCommentAction,
  mergeAction,
  removeCommentAction,
  showCommentAction,
  unvoteAction,
  voteAction,
  withdrawIdeaAction,
} from '../actions';
import { IdeaChangePanel } from './change-panel';
import { editChoices, mergeChoices } from './choices';

export async function generateMetadata() {
  return { title: (await getTranslations('ideas.idea'))('metaTitle') };
}

/** One idea: its texts, votes, official replies, comments and history, and what the viewer may do with it. */
export default async function IdeaPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requirePermission('idea.read');
  const ideaId = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!ideaId.success) notFound();
  const db = await getDb();
  const organization = member.organization;
  const viewerId = member.actor.userId;
  const idea = await ideaForViewer(db, organization.id, viewerId, ideaId.data);
  if (!idea) notFound();
  const t = await getTranslations('ideas');
  const ta = await getTranslations('ideas.author');
  const format = await getFormatter();
  const open = isOpenForVotes(idea.status);
  const mayEdit = can(member.actor, 'idea.edit', { authorUserId: idea.authorId }) && authorMayChange(idea.status);
  const mayTriage = can(member.actor, 'idea.triage', { departmentId: idea.departmentId });
  const allowed = mayTriage ? nextStatuses(idea.status) : [];
  const mayMerge = open && can(member.actor, 'idea.merge', { departmentId: idea.departmentId });
  const mayHide = can(member.actor, 'ideaComment.hide');
  const [events, comments, choices, merge] = await Promise.all([
    ideaHistory(db, organization.id, idea.id),
    commentsForViewer(db, organization.id, viewerId, idea.id),
    mayEdit ? editChoices(db, organization.id) : null,
    mayMerge ? mergeChoices(db, member, idea) : null,
  ]);
  const now = new Date();
  const viewer = { ownAnonymous: idea.mine && idea.anonymous, timeZone: organization.timeZone };
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/ideas" className="text-brand-700 underline">
          {t('idea.allIdeas')}
        </Link>
      </p>
      <PageHeader
        title={idea.title}
        description={
          <>
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <IdeaStatusBadge status={idea.status} />
              <span>
                {idea.departmentName}
                {idea.touchpointName ? ` ·\u00a0${idea.touchpointName}` : null}
              </span>
            </span>
            <span className="mt-1 block">
              {t('idea.submittedBy', {
                author: authorLabel(ta, idea),
                date: format.dateTime(idea.createdAt, { dateStyle: 'medium', timeZone: organization.timeZone }),
              })}
            </span>
          </>
        }
      />
      <div className="space-y-6">
        {idea.status === 'merged' && idea.mergedIntoId ? (
          <p id="merged-note" tabIndex={-1} className="rounded-md border border-slate-300 bg-white px-4 py-3 text-sm">
            {t.rich('idea.mergedInto', {
              title: idea.mergedIntoTitle ?? t('idea.anotherIdea'),
              idea: (chunks) => (
                <Link href={`/ideas/${idea.mergedIntoId}`} className="font-medium text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : null}
        <div className="flex flex-wrap items-start gap-x-6 gap-y-3">
          <VoteButton
            ideaId={idea.id}
            title={idea.title}
            votes={idea.votes}
            voted={idea.votedByMe}
            open={open}
            layout="row"
            actions={{ vote: voteAction, unvote: unvoteAction }}
          />
          {/* A withdrawn or merged idea has nothing more to tell: its followers moved with the merge. */}
          {open ? <FollowButton ideaId={idea.id} following={idea.following} action={followAction} /> : null}
        </div>
        <Card>
          <h2 className="text-base font-semibold">{t('idea.today')}</h2>
          <p className="mt-1 whitespace-pre-line text-slate-800 [overflow-wrap:anywhere]">
            {idea.today || <span className="italic text-slate-600">{t('idea.notDescribed')}</span>}
          </p>
          <h2 className="mt-4 text-base font-semibold">{t('idea.change')}</h2>
          <p className="mt-1 whitespace-pre-line text-slate-800 [overflow-wrap:anywhere]">{idea.change}</p>
        </Card>
        <IdeaChangePanel db={db} organizationId={member.organization.id} actor={member.actor} idea={idea} />
        <OfficialReplies events={events} viewer={viewer} />
        {mayEdit && choices ? (
          <AuthorControls
            idea={{
              id: idea.id,
              title: idea.title,
              today: idea.today,
              change: idea.change,
              departmentId: idea.departmentId,
              touchpointId: idea.touchpointId,
            }}
            departments={choices.departments}
            touchpoints={choices.touchpoints}
            actions={{ edit: editIdeaAction, withdraw: withdrawIdeaAction, vote: voteAction }}
          />
        ) : null}
        {allowed.length > 0 || merge ? (
          <Card title={t('triage.cardTitle')} description={t('triage.cardDescription')}>
            <div className="grid gap-6 lg:grid-cols-2">
              {allowed.length > 0 ? (
                <StatusForm ideaId={idea.id} allowed={allowed} action={changeStatusAction} />
              ) : null}
              {merge ? (
                <MergeForm ideaId={idea.id} candidates={merge.candidates} scope={merge.scope} action={mergeAction} />
              ) : null}
            </div>
          </Card>
        ) : null}
        <Card title={t('comments.title', { count: comments.length })}>
          {comments.length === 0 ? (
            open ? (
              <EmptyState title={t('comments.none')}>{t('comments.noneHint')}</EmptyState>
            ) : null
          ) : (
            <ul className="divide-y divide-slate-200">
              {comments.map((c) => (
                <CommentItem
                  key={c.id}
                  comment={{
                    id: c.id,
                    authorName: c.byAnonymousAuthor ? t('comments.ideaAuthor') : c.authorName,
                    body: c.body,
                    hidden: c.hidden,
                    movedFromIdeaId: c.movedFromIdeaId,
                    mine: c.mine,
                    edited: c.editedAt !== null,
                    when: format.relativeTime(c.createdAt, now),
                    at: c.createdAt.toISOString(),
                  }}
                  mayHide={mayHide}
                  actions={{
                    edit: editCommentAction,
                    remove: removeCommentAction,
                    hide: hideCommentAction,
                    show: showCommentAction,
                  }}
                />
              ))}
            </ul>
          )}
          {open ? (
            <CommentForm ideaId={idea.id} ownAnonymous={viewer.ownAnonymous} action={commentAction} />
          ) : (
            <p className="mt-3 text-sm text-slate-600">{t('comments.closed')}</p>
          )}
        </Card>
        <Card title={t('history.title')}>
          <IdeaHistory events={events} viewer={viewer} />
        </Card>
      </div>
    </>
  );
}
