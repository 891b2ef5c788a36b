'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ServerAction } from '@/components/ui/server-action';

/**
 * "Mark read" for one notification or for all. The button goes away once it worked (the list refreshes), so focus
 * moves to the list's heading instead of being lost; a refusal shows next to the button.
 */
export function MarkReadButton({
  action,
  input,
  children,
  label,
  focusAfter,
}: {
  action: ServerAction;
  input: Record<string, unknown>;
  children: string;
  /** The accessible name when the visible text alone is not enough ("Mark read: <what>"); it starts with it. */
  label?: string;
  /** The id of the element that takes focus after it worked. */
  focusAfter: string;
}) {
  const t = useTranslations();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const result = await action(input).catch(() => null);
      if (result?.ok) {
        setError(null);
        document.getElementById(focusAfter)?.focus();
      } else {
        setError(result ? t(result.message.key, result.message.values) : t('errors.network'));
      }
    });
  return (
    <span className="inline-flex flex-col items-end">
      <Button variant="secondary" size="sm" disabled={pending} onClick={run} aria-label={label}>
        {children}
      </Button>
      {error ? (
        <span role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
