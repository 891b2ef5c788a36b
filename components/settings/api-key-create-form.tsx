'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import { selectField, useCopy } from '@/components/ui/use-copy';
import { apiKeyScopeValues, type ApiKeyScopeValue } from '@/lib/validation/api-keys';

interface CreatedKey {
  name: string;
  key: string;
  scopes: ApiKeyScopeValue[];
}

/** Names a key and chooses what it may do, creates it, then shows it this one time with a copy button. */
export function ApiKeyCreateForm({ action }: { action: ServerAction<CreatedKey> }) {
  const t = useTranslations('apiKeys');
  const [created, setCreated] = useState<CreatedKey | null>(null);
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
      <form onSubmit={form.onSubmit} className="max-w-xl space-y-4" noValidate>
        <TextField
          label={t('name')}
          name="name"
          required
          maxLength={60}
          hint={t('nameHint')}
          error={form.fieldError('name')}
        />
        {/* With no box checked the form still sends the field, empty, so the server can say a scope is needed. */}
        <input type="hidden" name="scopes" value="" />
        <CheckboxGroup
          legend={t('scopes')}
          name="scopes"
          options={apiKeyScopeValues.map((scope) => ({ value: scope, label: t(`scopeOptions.${scope}`) }))}
          defaultValues={['ingest']}
          hint={t('scopesHint')}
          error={form.fieldError('scopes')}
        />
        <Button type="submit" disabled={form.pending}>
          {t('create')}
        </Button>
      </form>
      <FormError message={form.formError} />
      {created ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">{t('created', { name: created.name })}</p>
          <p className="mt-1 text-emerald-900">
            {t('createdScopes', { scopes: created.scopes.map((scope) => t(`scopeNames.${scope}`)).join(', ') })}
          </p>
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
