'use client';

import { AlertDialog } from 'radix-ui';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';

/** "Publish as version N", asked once more: publishing asks every member to read the goal again. */
export function PublishDialog({
  nextVersion,
  disabled,
  onPublish,
}: {
  nextVersion: number;
  disabled: boolean;
  onPublish: () => void;
}) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <AlertDialog.Trigger asChild>
        <Button disabled={disabled}>{t('goal.edit.publish', { version: nextVersion })}</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold">
            {t('goal.edit.publishTitle', { version: nextVersion })}
          </AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            {t('goal.edit.publishDescription')}
          </AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel className={buttonClass('secondary', 'sm')}>{t('common.cancel')}</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClass('primary', 'sm')} onClick={onPublish}>
              {t('goal.edit.publishConfirm')}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
