'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';

/**
 * The choice of a daily mail of unread notifications, off until the person turns it on. Without mail on the server
 * the box cannot be changed, and the hint says why.
 */
export function DailyMailForm({
  dailyMail,
  organization,
  available,
  action,
}: {
  dailyMail: boolean;
  /** The organization's name: the choice is made per organization. */
  organization: string;
  /** Whether the server can send mail (SMTP_URL is set). */
  available: boolean;
  action: ServerAction;
}) {
  const t = useTranslations('notifications.dailyMail');
  const id = useId();
  const [saved, setSaved] = useState(false);
  const form = useActionForm(action, { onSuccess: () => setSaved(true) });
  return (
    <form
      onSubmit={(e) => {
        setSaved(false);
        form.onSubmit(e);
      }}
      className="max-w-md space-y-4"
      noValidate
    >
      <div>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            name="dailyMail"
            defaultChecked={dailyMail}
            disabled={!available}
            aria-describedby={`${id}-hint`}
            className="h-4 w-4 rounded border-slate-300"
          />
          {t('label')}
        </label>
        <p id={`${id}-hint`} className="ml-6 text-xs text-slate-600">
          {available ? t('hint', { organization }) : t('notConfigured')}
        </p>
      </div>
      <FormError message={form.formError ?? form.fieldError('dailyMail')} />
      {available ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={form.pending}>
            {t('save')}
          </Button>
          {saved ? (
            <p role="status" className="text-sm text-emerald-700">
              {t('saved')}
            </p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
