import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { confirmSignUpAction } from '@/app/(auth)/actions';
import { AuthCard } from '@/components/auth/auth-card';
import { ConfirmSignUpForm } from '@/components/auth/confirm-sign-up-form';
import { getDb } from '@/db/client';
import { findPendingSignUp } from '@/db/queries/accounts';
import { linkSecretHash } from '@/lib/secrets/tokens';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('confirmSignUpTitle') };
}

/**
 * The link of a sign-up's confirmation mail. Opening it changes nothing (mail scanners open links); the button does.
 */
export default async function ConfirmSignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('auth');
  const tokenHash = linkSecretHash(token);
  const pending = tokenHash ? await findPendingSignUp(await getDb(), tokenHash) : null;
  if (!pending) {
    return (
      <AuthCard title={t('confirmSignUpTitle')} subtitle={t('signUpLinkInvalid')}>
        <Link href="/login" className="font-medium text-brand-700 underline">
          {t('signIn')}
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={t('confirmSignUpTitle')}
      subtitle={t('confirmSignUpText', { organization: pending.organizationName, email: pending.email })}
    >
      <ConfirmSignUpForm token={token} action={confirmSignUpAction} />
    </AuthCard>
  );
}
