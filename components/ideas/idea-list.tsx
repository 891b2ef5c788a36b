import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { BoardIdea } from '@/db/queries/idea-board';
import { isOpenForVotes } from '@/lib/domain/ideas';
import { authorLabel } from './author-label';
import { IdeaStatusBadge } from './status-badge';
import { type VoteActions, VoteButton } from './vote-button';

/** One page of the board: each idea with its votes (and the viewer's vote), status, place, author and age. */
export async function IdeaList({
  ideas,
  now,
  timeZone,
  voteActions,
}: {
  ideas: BoardIdea[];
  now: Date;
  /** The organization's time zone, for the exact date in each age's tooltip. */
  timeZone: string;
  voteActions: VoteActions;
}) {
  const t = await getTranslations('ideas.board');
  const ta = await getTranslations('ideas.author');
  const format = await getFormatter();
  return (
    <ul className="divide-y divide-slate-200">
      {ideas.map((idea) => (
        <li key={idea.id} className="flex items-start gap-3 py-3 sm:gap-4">
          <div className="w-20 shrink-0 pt-0.5">
            <VoteButton
              ideaId={idea.id}
              title={idea.title}
              votes={idea.votes}
              voted={idea.votedByMe}
              open={isOpenForVotes(idea.status)}
              actions={voteActions}
            />
          </div>
          <div className="min-w-0 flex-1">
            <h3 className="font-medium [overflow-wrap:anywhere]">
              <Link href={`/ideas/${idea.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                {idea.title}
              </Link>
            </h3>
            <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
              <IdeaStatusBadge status={idea.status} />
              {/* A no-break space ties each dot to the words after it, so no line ends with a lone dot. */}
              <span>
                {idea.departmentName}
                {idea.touchpointName ? ` ·\u00a0${idea.touchpointName}` : null}
              </span>
            </div>
            <p className="mt-1 text-xs text-slate-600">
              {t('byline', { author: authorLabel(ta, idea) })}
              <span aria-hidden>{' ·\u00a0'}</span>
              <time
                dateTime={idea.createdAt.toISOString()}
                title={format.dateTime(idea.createdAt, { dateStyle: 'medium', timeStyle: 'short', timeZone })}
              >
                {format.relativeTime(idea.createdAt, now)}
              </time>
              <span aria-hidden>{' ·\u00a0'}</span>
              {t('comments', { count: idea.comments })}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
