'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import type { ActionResult } from '@/lib/auth/errors';

/** "I have read this version": asked of every member for each published version. */
export function ReadReceipt({
  goalVersionId,
  version,
  readOn,
  action,
}: {
  goalVersionId: string;
  version: number;
  readOn: string | null;
  /** Records that this member has read the version. */
  action: ServerAction;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (readOn || confirmed) {
    return (
      <p
        role="status"
        className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
      >
        {readOn ? t('goal.read.done', { version, date: readOn }) : t('goal.read.doneNow', { version })}
      </p>
    );
  }
  const confirm = () =>
    startTransition(async () => {
      const result: ActionResult<unknown> = await action({ goalVersionId }).catch(() => ({
        ok: false as const,
        code: 'internal' as const,
        message: { key: 'errors.network' },
      }));
      if (!result.ok) return setError(t(result.message.key, result.message.values));
      setConfirmed(true);
      router.refresh(); // the read status (for executives) counts this reader at once
    });
  return (
    <Card
      title={t('goal.read.title')}
      description={t('goal.read.description')}
      className="border-brand-100 bg-brand-50"
    >
      <Button onClick={confirm} disabled={pending}>
        {t('goal.read.confirm')}
      </Button>
      <div className="mt-2">
        <FormError message={error} />
      </div>
    </Card>
  );
}
