'use client';

import { unstable_rethrow } from 'next/navigation';
import { AlertDialog } from 'radix-ui';
import { useTranslations } from 'next-intl';
import { type ReactNode, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/errors';
import { Button, buttonClass } from './button';
import type { ServerAction } from './server-action';

interface Props {
  action: ServerAction;
  input: Record<string, unknown>;
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  /** When set, asks before acting (for what cannot be undone easily). */
  confirm?: { title: string; description: string; action: string };
  label?: string;
}

/**
 * A button that runs one server action and shows its refusal next to it. While the action runs it is marked
 * aria-disabled and ignores presses, rather than disabled: a disabled button drops the keyboard focus to the page.
 */
export function ActionButton({ action, input, children, variant = 'secondary', confirm, label }: Props) {
  const t = useTranslations();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () => {
    if (pending) return;
    startTransition(async () => {
      const result: ActionResult<unknown> = await action(input).catch((error: unknown) => {
        // An action that redirects (a deleted thing's page is gone) throws for the router to handle.
        unstable_rethrow(error);
        return { ok: false, code: 'internal', message: { key: 'errors.network' } };
      });
      setError(result.ok ? null : t(result.message.key, result.message.values));
    });
  };
  const busy = pending || undefined;
  const button = confirm ? (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <Button
          variant={variant}
          size="sm"
          aria-disabled={busy}
          aria-label={label}
          onClick={(event) => {
            if (pending) event.preventDefault();
          }}
        >
          {children}
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold">{confirm.title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            {confirm.description}
          </AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel className={buttonClass('secondary', 'sm')}>{t('common.cancel')}</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClass('danger', 'sm')} onClick={run}>
              {confirm.action}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  ) : (
    <Button variant={variant} size="sm" aria-disabled={busy} onClick={run} aria-label={label}>
      {children}
    </Button>
  );
  return (
    <span className="inline-flex flex-col items-start">
      {button}
      {error ? (
        <span role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
