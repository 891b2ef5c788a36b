'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import { NewPasswordFields } from './new-password-fields';
import { PASSWORD_CHANGED_NOTICE } from './password-changed-notice';

/** The new password, typed twice; then sign in with it (every other session has ended). */
export function ResetPasswordForm({ token, action }: { token: string; action: ServerAction }) {
  const t = useTranslations('passwordReset');
  const form = useActionForm(action, {
    onSuccess: () => window.location.assign(`/login?notice=${PASSWORD_CHANGED_NOTICE}`),
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields name="password" fieldError={form.fieldError} />
      <FormError message={form.formError ?? form.fieldError('token')} />
      <Button type="submit" className="w-full" disabled={form.pending}>
        {t('save')}
      </Button>
    </form>
  );
}

/** "Forgot password": the same answer whether or not the address has an account. */
export function ForgotPasswordForm({ action }: { action: ServerAction }) {
  const t = useTranslations('passwordReset');
  const [sent, setSent] = useState(false);
  const form = useActionForm(action, { onSubmit: () => setSent(false), onSuccess: () => setSent(true) });
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
      <TextField
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={form.fieldError('email')}
      />
      <FormError message={form.formError} />
      {sent ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('sent')}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={form.pending}>
        {t('send')}
      </Button>
    </form>
  );
}
