'use client';

import { useTranslations } from 'next-intl';
import { useOptimistic, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ServerAction } from '@/components/ui/server-action';

/** Follow or unfollow an idea: a follower is told of its status changes, comments and merges. */
export function FollowButton({
  ideaId,
  following,
  action,
}: {
  ideaId: string;
  following: boolean;
  action: ServerAction;
}) {
  const t = useTranslations('ideas.follow');
  const tr = useTranslations();
  const [shown, setShown] = useOptimistic(following);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // Stays enabled while it travels (disabling it would drop the keyboard focus); a press then is ignored.
  const toggle = () => {
    if (pending) return;
    startTransition(async () => {
      setShown(!shown);
      const result = await action({ ideaId, following: !shown }).catch(() => null);
      if (result?.ok) setError(null);
      else setError(result ? tr(result.message.key, result.message.values) : tr('errors.network'));
    });
  };
  return (
    <span className="inline-flex flex-col items-start">
      <Button variant="secondary" size="sm" aria-busy={pending || undefined} onClick={toggle}>
        {shown ? t('unfollow') : t('follow')}
      </Button>
      <span className="mt-1 text-xs text-slate-600">{shown ? t('following') : t('notFollowing')}</span>
      {error ? (
        <span role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
