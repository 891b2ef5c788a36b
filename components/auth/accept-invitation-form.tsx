'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';

export function AcceptInvitationForm({ token, email, action }: { token: string; email: string; action: ServerAction }) {
  const t = useTranslations('auth');
  const form = useActionForm(action, { onSuccess: () => window.location.assign('/') });
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField label={t('email')} value={email} readOnly disabled />
      <TextField label={t('yourName')} name="name" autoComplete="name" required error={form.fieldError('name')} />
      <TextField
        label={t('choosePassword')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t('passwordHint')}
        error={form.fieldError('password')}
      />
      <FormError message={form.formError ?? form.fieldError('token')} />
      <Button type="submit" className="w-full" disabled={form.pending}>
        {t('acceptInvitation')}
      </Button>
    </form>
  );
}

export function JoinOrganizationForm({
  token,
  organizationName,
  action,
}: {
  token: string;
  organizationName: string;
  action: ServerAction;
}) {
  const t = useTranslations('auth');
  const form = useActionForm(action, { onSuccess: () => window.location.assign('/') });
  return (
    <form onSubmit={form.onSubmit} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={form.formError} />
      <Button type="submit" className="w-full" disabled={form.pending}>
        {t('joinOrganization', { organization: organizationName })}
      </Button>
    </form>
  );
}
