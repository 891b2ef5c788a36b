'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';

export function ConfirmSignUpForm({ token, action }: { token: string; action: ServerAction }) {
  const t = useTranslations('auth');
  const form = useActionForm(action, { onSuccess: () => window.location.assign('/') });
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormError message={form.formError} />
      <Button type="submit" className="w-full" disabled={form.pending}>
        {t('confirmSignUp')}
      </Button>
    </form>
  );
}
