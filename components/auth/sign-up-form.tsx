'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';

export function SignUpForm({ action }: { action: ServerAction<{ checkMail: boolean }> }) {
  const t = useTranslations('auth');
  const [checkMail, setCheckMail] = useState(false);
  const form = useActionForm(action, {
    onSuccess: (data) => (data.checkMail ? setCheckMail(true) : window.location.assign('/')),
  });
  if (checkMail) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
        {t('signUpCheckMail')}
      </p>
    );
  }
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
      <TextField
        label={t('organizationName')}
        name="organizationName"
        autoComplete="organization"
        required
        error={form.fieldError('organizationName')}
      />
      <TextField label={t('yourName')} name="name" autoComplete="name" required error={form.fieldError('name')} />
      <TextField
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={form.fieldError('email')}
      />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t('passwordHint')}
        error={form.fieldError('password')}
      />
      <FormError message={form.formError} />
      <Button type="submit" className="w-full" disabled={form.pending}>
        {t('createOrganization')}
      </Button>
    </form>
  );
}
