import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { ideaHistory } from '@/db/queries/idea-board';
import { IdeaStatusBadge } from './status-badge';

type IdeaEvent = Awaited<ReturnType<typeof ideaHistory>>[number];

/** What an anonymous author did has no actor; what nobody did by hand (a change shipping the idea) is Touchpoint's. */
const byTheAuthor = (e: IdeaEvent) =>
  e.kind === 'submitted' || e.kind === 'edited' || (e.kind === 'status' && e.toStatus === 'withdrawn');

export interface HistoryViewer {
  /** The viewer wrote the idea, and it is anonymous: the events without an actor are theirs. */
  ownAnonymous: boolean;
  timeZone: string;
}

async function actorNames(viewer: HistoryViewer) {
  const t = await getTranslations('ideas');
  return (e: IdeaEvent) => {
    if (e.actorName) return e.actorName;
    if (!byTheAuthor(e)) return t('history.system');
    return viewer.ownAnonymous ? t('author.youAnonymous') : t('author.anonymous');
  };
}

/** The official replies that came with status changes, newest first: the idea's answer, said prominently. */
export async function OfficialReplies({ events, viewer }: { events: IdeaEvent[]; viewer: HistoryViewer }) {
  const replies = events.filter((e) => e.kind === 'status' && e.reply).reverse();
  if (replies.length === 0) return null;
  const t = await getTranslations('ideas.replies');
  const format = await getFormatter();
  const actor = await actorNames(viewer);
  return (
    <section aria-labelledby="official-replies" className="rounded-lg border-2 border-brand-600 bg-brand-50 p-4 sm:p-5">
      <h2 id="official-replies" className="text-base font-semibold">
        {t('title', { count: replies.length })}
      </h2>
      <ol className="mt-3 space-y-4">
        {replies.map((e) => (
          <li key={e.id}>
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
              {e.toStatus ? <IdeaStatusBadge status={e.toStatus} /> : null}
              <span>
                {t('by', { actor: actor(e) })}{' '}
                <time dateTime={e.createdAt.toISOString()}>
                  {format.dateTime(e.createdAt, { dateStyle: 'medium', timeZone: viewer.timeZone })}
                </time>
              </span>
            </p>
            <blockquote className="mt-1 whitespace-pre-line text-slate-900 [overflow-wrap:anywhere]">
              {e.reply}
            </blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Every event of the idea, oldest first, with who and when. */
export async function IdeaHistory({ events, viewer }: { events: IdeaEvent[]; viewer: HistoryViewer }) {
  const t = await getTranslations('ideas.history');
  const ts = await getTranslations('ideas.status');
  const format = await getFormatter();
  const actorOf = await actorNames(viewer);
  // The other idea of a merge, as a link inside the sentence.
  const otherIdea = (e: IdeaEvent) =>
    function linkToOtherIdea(chunks: ReactNode) {
      if (!e.otherIdeaId) return chunks;
      return (
        <Link href={`/ideas/${e.otherIdeaId}`} className="text-brand-700 underline">
          {chunks}
        </Link>
      );
    };
  const line = (e: IdeaEvent): ReactNode => {
    const actor = actorOf(e);
    const title = e.otherIdeaTitle ?? t('anotherIdea');
    switch (e.kind) {
      case 'submitted':
        return t('submitted', { actor });
      case 'edited':
        return t('edited', { actor });
      case 'merged':
        return t.rich('mergedInto', { actor, title, idea: otherIdea(e) });
      case 'merged_from':
        return t.rich('mergedFrom', { actor, title, idea: otherIdea(e) });
      case 'status':
        if (e.toStatus === 'withdrawn') return t('withdrawn', { actor });
        return e.fromStatus && e.toStatus
          ? t('moved', { actor, from: ts(e.fromStatus), to: ts(e.toStatus) })
          : t('set', { actor, to: ts(e.toStatus ?? 'new') });
    }
  };
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
      {events.map((e) => (
        <li key={e.id} className="text-sm">
          <p className="text-slate-800">{line(e)}</p>
          {e.reply ? (
            <p className="mt-0.5 whitespace-pre-line text-slate-700 [overflow-wrap:anywhere]">
              {t('reply', { reply: e.reply })}
            </p>
          ) : null}
          <p className="text-xs text-slate-600">
            <time dateTime={e.createdAt.toISOString()}>
              {format.dateTime(e.createdAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: viewer.timeZone })}
            </time>
          </p>
        </li>
      ))}
    </ol>
  );
}
