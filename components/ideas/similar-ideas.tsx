'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ServerAction } from '@/components/ui/server-action';
import { useLookUp } from '@/components/ui/use-look-up';
import type { similarIdeas } from '@/db/queries/idea-board';
import type { Jsonify } from '@/lib/http/json';

/** The body of GET /api/ideas/similar as it travels. */
export type SimilarIdeasBody = Jsonify<{ ideas: Awaited<ReturnType<typeof similarIdeas>> }>;
type SimilarIdea = SimilarIdeasBody['ideas'][number];

/** Looks up open ideas like the title being typed (see useLookUp), leaving out the idea being edited. */
export function useSimilarIdeas(excludeId?: string) {
  const { body, lookUp } = useLookUp<SimilarIdeasBody>(
    (title) => `/api/ideas/similar?title=${encodeURIComponent(title)}`,
  );
  const found = body ? body.ideas.filter((idea) => idea.id !== excludeId) : null;
  return { found, lookUp };
}

/** The ideas like the one being typed, each with its votes, a link and "Vote instead"; the count is announced. */
export function SimilarIdeas({ found, vote }: { found: SimilarIdea[] | null; vote: ServerAction }) {
  const t = useTranslations('ideas.similar');
  return (
    <div className="space-y-2">
      {/* Always in the page, so a screen reader announces each new count politely. */}
      <p role="status" aria-live="polite" className="text-sm font-medium text-slate-700">
        {found === null ? '' : found.length > 0 ? t('count', { count: found.length }) : t('none')}
      </p>
      {found && found.length > 0 ? (
        <>
          <p className="text-xs text-slate-600">{t('hint')}</p>
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-slate-50">
            {found.map((idea) => (
              <SimilarIdeaRow key={idea.id} idea={idea} vote={vote} />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function SimilarIdeaRow({ idea, vote }: { idea: SimilarIdea; vote: ServerAction }) {
  const t = useTranslations('ideas.similar');
  const tr = useTranslations();
  const [voted, setVoted] = useState(idea.votedByMe);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const done = useRef<HTMLParagraphElement>(null);
  const voteInstead = () =>
    startTransition(async () => {
      const result = await vote({ ideaId: idea.id }).catch(() => null);
      if (result?.ok) {
        setError(null);
        setVoted(true);
        // The button goes away: its answer takes the focus, so the keyboard does not lose its place.
        requestAnimationFrame(() => done.current?.focus());
      } else {
        setError(result ? tr(result.message.key, result.message.values) : tr('errors.network'));
      }
    });
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
      <div className="min-w-0">
        <a
          href={`/ideas/${idea.id}`}
          target="_blank"
          rel="noopener"
          className="text-sm font-medium text-brand-800 underline [overflow-wrap:anywhere]"
        >
          {idea.title}
          <span className="sr-only"> {t('newTab')}</span>
        </a>
        <p className="text-xs text-slate-600">
          {t('votes', { count: idea.votes + (voted && !idea.votedByMe ? 1 : 0) })}
        </p>
      </div>
      {voted ? (
        <p ref={done} tabIndex={-1} className="text-sm text-emerald-800">
          <span aria-hidden>✓ </span>
          {t('voted')}
        </p>
      ) : (
        <span className="inline-flex flex-col items-end">
          <Button
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={voteInstead}
            aria-label={t('voteInsteadFor', { title: idea.title })}
          >
            {t('voteInstead')}
          </Button>
          {error ? (
            <span role="alert" className="mt-1 text-xs text-red-700">
              {error}
            </span>
          ) : null}
        </span>
      )}
    </li>
  );
}
