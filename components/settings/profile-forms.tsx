'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { NewPasswordFields } from '@/components/auth/new-password-fields';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';

function Saved({ show, text }: { show: boolean; text: string }) {
  return show ? (
    <p role="status" className="text-sm text-emerald-700">
      {text}
    </p>
  ) : null;
}

export function ProfileForm({ name, locale, action }: { name: string; locale: string | null; action: ServerAction }) {
  const t = useTranslations('profile');
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
      <TextField
        label={t('name')}
        name="name"
        defaultValue={name}
        autoComplete="name"
        required
        error={form.fieldError('name')}
      />
      <SelectField
        label={t('language')}
        name="locale"
        defaultValue={locale ?? ''}
        hint={t('languageHint')}
        error={form.fieldError('locale')}
        options={[
          { value: '', label: t('browserLanguage') },
          { value: 'en', label: 'English' },
        ]}
      />
      <FormError message={form.formError} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {t('save')}
        </Button>
        <Saved show={saved} text={t('saved')} />
      </div>
    </form>
  );
}

export function PasswordForm({ action }: { action: ServerAction }) {
  const t = useTranslations('profile');
  const [saved, setSaved] = useState(false);
  const form = useActionForm(action, { reset: true, onSuccess: () => setSaved(true) });
  return (
    <form
      onSubmit={(e) => {
        setSaved(false);
        form.onSubmit(e);
      }}
      className="max-w-md space-y-4"
      noValidate
    >
      <TextField
        label={t('currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={form.fieldError('currentPassword')}
      />
      <NewPasswordFields name="newPassword" fieldError={form.fieldError} />
      <FormError message={form.formError} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {t('changePassword')}
        </Button>
        <Saved show={saved} text={t('passwordChanged')} />
      </div>
    </form>
  );
}
