'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import { selectField, useCopy } from '@/components/ui/use-copy';
import type { Option } from './touchpoint-form';

export function InviteForm({
  departments,
  action,
}: {
  departments: Option[];
  action: ServerAction<{ link: string; email: string; mailed: boolean }>;
}) {
  const t = useTranslations('settings.members');
  const tr = useTranslations('roles');
  const [sent, setSent] = useState<{ link: string; email: string; mailed: boolean } | null>(null);
  const copy = useCopy();
  const form = useActionForm(action, {
    reset: true,
    onSubmit: () => setSent(null),
    onSuccess: (data) => {
      setSent(data);
      copy.reset();
    },
  });

  return (
    <div className="space-y-4">
      <form onSubmit={form.onSubmit} className="grid items-start gap-3 sm:grid-cols-[2fr_1fr_1.5fr_auto]" noValidate>
        <TextField label={t('email')} name="email" type="email" required error={form.fieldError('email')} />
        <SelectField
          label={t('role')}
          name="role"
          defaultValue="staff"
          error={form.fieldError('role')}
          options={(['staff', 'lead', 'executive'] as const).map((r) => ({ value: r, label: tr(r) }))}
        />
        <SelectField
          label={t('department')}
          name="departmentId"
          defaultValue=""
          error={form.fieldError('departmentId')}
          options={[{ value: '', label: t('noDepartment') }, ...departments]}
        />
        <div className="sm:pt-6">
          <Button type="submit" disabled={form.pending}>
            {t('invite')}
          </Button>
        </div>
      </form>
      <FormError message={form.formError} />
      {sent ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">
            {t(sent.mailed ? 'invitedMailed' : 'invitedCopy', { email: sent.email })}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor="invitation-link" className="sr-only">
              {t('invitationLink')}
            </label>
            <input
              id="invitation-link"
              readOnly
              value={sent.link}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
            />
            <Button
              size="sm"
              variant="secondary"
              onClick={() => copy.copy(sent.link, () => selectField('invitation-link'))}
            >
              {copy.state === 'copied' ? t('copied') : t('copy')}
            </Button>
          </div>
          {copy.state === 'failed' ? <p className="mt-1 text-xs text-slate-700">{t('copyManually')}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
