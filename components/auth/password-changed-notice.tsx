import { useTranslations } from 'next-intl';

/** The query the reset page sends people to sign in with: `/login?notice=password-changed`. */
export const PASSWORD_CHANGED_NOTICE = 'password-changed';

/** On the sign-in page after a reset: the password was changed, sign in with the new one. */
export function PasswordChangedNotice() {
  const t = useTranslations('passwordReset');
  return (
    <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
      {t('changed')}
    </p>
  );
}
