'use client';

import { useTranslations } from 'next-intl';
import { TextField } from '@/components/ui/field';

/**
 * A new password and its repetition (`confirmPassword`), under sign-up's rules: the profile's password change and a
 * reset link both ask for it this way.
 */
export function NewPasswordFields({
  name,
  fieldError,
}: {
  /** The form field of the new password. */
  name: string;
  fieldError: (name: string) => string | undefined;
}) {
  const t = useTranslations('profile');
  return (
    <>
      <TextField
        label={t('newPassword')}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        hint={t('passwordHint')}
        error={fieldError(name)}
      />
      <TextField
        label={t('confirmPassword')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError('confirmPassword')}
      />
    </>
  );
}
