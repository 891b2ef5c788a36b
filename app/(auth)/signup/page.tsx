import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signUpAction } from '@/app/(auth)/actions';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('createOrganization') };
}

export default async function SignUpPage() {
  const t = await getTranslations('auth');
  return (
    <AuthCard
      title={t('signUpTitle')}
      subtitle={t('signUpSubtitle')}
      footer={
        <>
          {t('haveAccount')}{' '}
          <Link className="font-medium text-brand-700 underline" href="/login">
            {t('signIn')}
          </Link>
        </>
      }
    >
      <SignUpForm action={signUpAction} />
    </AuthCard>
  );
}
