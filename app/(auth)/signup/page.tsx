import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signUpAction } from '@/app/(auth)/actions';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getDb } from '@/db/client';
import { countOrganizations } from '@/db/queries/organizations';
import { signUpOpen } from '@/lib/domain/sign-in';
import { env } from '@/lib/env';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('createOrganization') };
}

export default async function SignUpPage() {
  const t = await getTranslations('auth');
  const open = signUpOpen(env().SIGN_UP, await countOrganizations(await getDb()));
  const signIn = (
    <Link className="font-medium text-brand-700 underline" href="/login">
      {t('signIn')}
    </Link>
  );
  if (!open) {
    return (
      <AuthCard title={t('signUpClosedTitle')} subtitle={t('signUpClosed')}>
        {signIn}
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={t('signUpTitle')}
      subtitle={t('signUpSubtitle')}
      footer={
        <>
          {t('haveAccount')} {signIn}
        </>
      }
    >
      <SignUpForm action={signUpAction} />
    </AuthCard>
  );
}
