import Link from 'next/link';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { requestPasswordResetAction } from '@/app/(auth)/forgot/actions';
import { AuthCard } from '@/components/auth/auth-card';
import { ForgotPasswordForm } from '@/components/auth/password-reset-forms';
import { publicMailConfigured } from '@/lib/mail';

export async function generateMetadata() {
  return { title: (await getTranslations('passwordReset'))('forgotTitle') };
}

export default async function ForgotPasswordPage() {
  await connection(); // SMTP_URL and APP_URL are read when the page is asked for, not when the app is built
  const t = await getTranslations('passwordReset');
  const signIn = (
    <Link className="font-medium text-brand-700 underline" href="/login">
      {t('backToSignIn')}
    </Link>
  );
  if (!publicMailConfigured()) {
    return (
      <AuthCard title={t('noMailTitle')} subtitle={t('askExecutive')}>
        <p className="text-sm">{signIn}</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('forgotTitle')} subtitle={t('forgotSubtitle')} footer={signIn}>
      <ForgotPasswordForm action={requestPasswordResetAction} />
    </AuthCard>
  );
}
