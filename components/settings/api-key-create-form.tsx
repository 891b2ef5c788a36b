'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import { selectField, useCopy } from '@/components/ui/use-copy';

/** Names and creates a key, then shows it this one time with a copy button. */
export function ApiKeyCreateForm({ action }: { action: ServerAction<{ name: string; key: string }> }) {
  const t = useTranslations('apiKeys');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const copy = useCopy();
  const form = useActionForm(action, {
    reset: true,
    onSubmit: () => setCreated(null),
    onSuccess: (data) => {
      setCreated(data);
      copy.reset();
    },
  });

  return (
    <div className="space-y-4">
      <form onSubmit={form.onSubmit} className="grid items-start gap-3 sm:grid-cols-[1fr_auto]" noValidate>
        <TextField
          label={t('name')}
          name="name"
          required
          maxLength={60}
          hint={t('nameHint')}
          error={form.fieldError('name')}
        />
        <div className="sm:pt-6">
          <Button type="submit" disabled={form.pending}>
            {t('create')}
          </Button>
        </div>
      </form>
      <FormError message={form.formError} />
      {created ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">{t('created', { name: created.name })}</p>
          <p className="mt-1 text-emerald-900">{t('onceNote')}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor="new-api-key" className="sr-only">
              {t('newKey')}
            </label>
            <input
              id="new-api-key"
              readOnly
              value={created.key}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
            />
            <Button
              size="sm"
              variant="secondary"
              onClick={() => copy.copy(created.key, () => selectField('new-api-key'))}
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
