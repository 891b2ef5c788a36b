'use client';

import { useTranslations } from 'next-intl';
import { useOptimistic, useState, useTransition } from 'react';
import type { ServerAction } from '@/components/ui/server-action';

export interface VoteActions {
  vote: ServerAction;
  unvote: ServerAction;
}

/**
 * One member's vote for an idea, as a toggle button (aria-pressed), with the idea's vote count beside it. The count
 * moves at once and settles on the server's when the page refreshes; a refusal rolls it back and shows next to it.
 */
export function VoteButton({
  ideaId,
  title,
  votes,
  voted,
  open,
  actions,
  layout = 'column',
}: {
  ideaId: string;
  title: string;
  votes: number;
  voted: boolean;
  /** Withdrawn and merged ideas take no votes: only the count is shown. */
  open: boolean;
  actions: VoteActions;
  layout?: 'column' | 'row';
}) {
  const t = useTranslations('ideas.vote');
  const tr = useTranslations();
  const [state, setOptimistic] = useOptimistic({ votes, voted });
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // The button stays enabled while the vote travels (disabling it would drop the keyboard focus); a press then is ignored.
  const toggle = () => {
    if (pending) return;
    startTransition(async () => {
      const next = !state.voted;
      setOptimistic({ votes: state.votes + (next ? 1 : -1), voted: next });
      const result = await (next ? actions.vote : actions.unvote)({ ideaId }).catch(() => null);
      if (result?.ok) setError(null);
      else setError(result ? tr(result.message.key, result.message.values) : tr('errors.network'));
    });
  };
  const count = <span className="text-sm text-slate-700">{t('count', { count: state.votes })}</span>;
  return (
    <div className={`flex items-center gap-2 ${layout === 'column' ? 'flex-col' : 'flex-row flex-wrap'}`}>
      {open ? (
        <button
          type="button"
          aria-pressed={state.voted}
          aria-busy={pending || undefined}
          onClick={toggle}
          className={`inline-flex min-w-16 items-center justify-center gap-1 rounded-md border px-2.5 py-1 text-sm font-medium transition-colors aria-busy:cursor-wait ${
            state.voted
              ? 'border-brand-700 bg-brand-700 text-white hover:bg-brand-800'
              : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'
          }`}
        >
          <span aria-hidden>{state.voted ? '✓' : '▲'}</span>
          {t('vote')}
          <span className="sr-only"> {t('forIdea', { title })}</span>
        </button>
      ) : null}
      {count}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
