'use client';

import { Dialog } from 'radix-ui';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/errors';
import { Button, buttonClass } from '@/components/ui/button';
import type { ServerAction } from '@/components/ui/server-action';
import { selectField, useCopy } from '@/components/ui/use-copy';

export interface IssuedResetLink {
  link: string;
  email: string;
  mailed: boolean;
}

/**
 * "Reset password" for a member: asks first, then shows the one-time link to copy. The link is shown once: closing
 * the dialog forgets it, and a new one can only be issued (which voids this one).
 */
export function PasswordResetDialog({
  member,
  action,
}: {
  member: { userId: string; name: string };
  action: ServerAction<IssuedResetLink>;
}) {
  const t = useTranslations('passwordReset');
  const translate = useTranslations();
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedResetLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const copy = useCopy();

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setIssued(null);
      setError(null);
      copy.reset();
    }
  }

  const issue = () =>
    startTransition(async () => {
      const result: ActionResult<IssuedResetLink> = await action({ userId: member.userId }).catch(() => ({
        ok: false,
        code: 'internal',
        message: { key: 'errors.network' },
      }));
      if (result.ok) setIssued(result.data);
      setError(result.ok ? null : translate(result.message.key, result.message.values));
    });

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" size="sm" aria-label={t('issueNamed', { name: member.name })}>
          {t('issue')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,32rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{t('issueTitle', { name: member.name })}</Dialog.Title>
          {issued ? (
            <div role="status" className="mt-3 text-sm">
              <Dialog.Description className="text-slate-700">
                {issued.mailed ? t('issuedMailed', { email: issued.email }) : t('issuedCopy', { name: member.name })}
              </Dialog.Description>
              <div className="mt-2 flex flex-wrap items-center gap-2">
                <label htmlFor="password-reset-link" className="sr-only">
                  {t('link')}
                </label>
                <input
                  id="password-reset-link"
                  readOnly
                  value={issued.link}
                  onFocus={(e) => e.currentTarget.select()}
                  className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
                />
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => copy.copy(issued.link, () => selectField('password-reset-link'))}
                >
                  {copy.state === 'copied' ? t('copied') : t('copy')}
                </Button>
              </div>
              {copy.state === 'failed' ? <p className="mt-1 text-xs text-slate-700">{t('copyManually')}</p> : null}
            </div>
          ) : (
            <Dialog.Description className="mt-2 text-sm text-slate-600">{t('issueDescription')}</Dialog.Description>
          )}
          {error ? (
            <p role="alert" className="mt-3 text-sm text-red-700">
              {error}
            </p>
          ) : null}
          <div className="mt-5 flex justify-end gap-2">
            {issued ? (
              <Dialog.Close className={buttonClass('primary', 'sm')}>{t('done')}</Dialog.Close>
            ) : (
              <>
                <Dialog.Close className={buttonClass('secondary', 'sm')}>{translate('common.cancel')}</Dialog.Close>
                <Button size="sm" onClick={issue} disabled={pending}>
                  {t('issueAction')}
                </Button>
              </>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
