import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { resetPasswordAction } from '@/app/(auth)/reset/[token]/actions';
import { AuthCard } from '@/components/auth/auth-card';
import { ResetPasswordForm } from '@/components/auth/password-reset-forms';
import { getDb } from '@/db/client';
import { findOpenPasswordReset } from '@/db/queries/password-resets';
import { publicMailConfigured } from '@/lib/mail';
import { linkSecretHash } from '@/lib/secrets/tokens';

export async function generateMetadata() {
  // The token is in this page's address: it must not travel on in a Referer header.
  return { title: (await getTranslations('passwordReset'))('pageTitle'), referrer: 'no-referrer' as const };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('passwordReset');
  const tokenHash = linkSecretHash(token);
  const account = tokenHash ? await findOpenPasswordReset(await getDb(), tokenHash, new Date()) : null;
  const signIn = (
    <Link className="font-medium text-brand-700 underline" href="/login">
      {t('backToSignIn')}
    </Link>
  );
  if (!account) {
    return (
      <AuthCard title={t('invalidTitle')} subtitle={t('invalid')}>
        <div className="space-y-3 text-sm">
          {publicMailConfigured() ? (
            <p>
              <Link className="font-medium text-brand-700 underline" href="/forgot">
                {t('askAgain')}
              </Link>
            </p>
          ) : (
            <p>{t('askExecutive')}</p>
          )}
          <p>{signIn}</p>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={t('pageTitle')}
      subtitle={t('forAccount', { name: account.name, email: account.email })}
      footer={signIn}
    >
      <ResetPasswordForm token={token} action={resetPasswordAction} />
    </AuthCard>
  );
}
