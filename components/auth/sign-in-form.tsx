'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';

export function SignInForm({ next, action }: { next: string; action: ServerAction }) {
  const t = useTranslations('auth');
  const form = useActionForm(action, { onSuccess: () => window.location.assign(next) });
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
      <TextField
        label={t('email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        error={form.fieldError('email')}
      />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={form.fieldError('password')}
      />
      <FormError message={form.formError} />
      <Button type="submit" className="w-full" disabled={form.pending}>
        {form.pending ? t('signingIn') : t('signIn')}
      </Button>
    </form>
  );
}
