'use client';

import { unstable_rethrow } from 'next/navigation';
import { AlertDialog } from 'radix-ui';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import type { ServerAction } from '@/components/ui/server-action';
import type { ActionResult } from '@/lib/auth/errors';

/** Deletes a lever after asking; the action then goes back to the register (its page is gone). */
export function DeleteLever({ lever, action }: { lever: { id: string; name: string }; action: ServerAction }) {
  const t = useTranslations();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const result: ActionResult<unknown> = await action({ leverId: lever.id }).catch((error: unknown) => {
        // The action's redirect to the register arrives as an error for the router to handle.
        unstable_rethrow(error);
        return { ok: false, code: 'internal', message: { key: 'errors.network' } };
      });
      if (!result.ok) setError(t(result.message.key, result.message.values));
    });
  return (
    <div>
      <AlertDialog.Root>
        <AlertDialog.Trigger asChild>
          <Button variant="danger" size="sm" disabled={pending}>
            {t('levers.delete.button')}
          </Button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
            <AlertDialog.Title className="text-lg font-semibold">
              {t('levers.delete.title', { name: lever.name })}
            </AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-sm text-slate-600">
              {t('levers.delete.description')}
            </AlertDialog.Description>
            <div className="mt-5 flex justify-end gap-2">
              <AlertDialog.Cancel className={buttonClass('secondary', 'sm')}>{t('common.cancel')}</AlertDialog.Cancel>
              <AlertDialog.Action className={buttonClass('danger', 'sm')} onClick={run}>
                {t('levers.delete.confirm')}
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
