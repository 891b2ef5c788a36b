import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { signInAction } from '@/app/(auth)/actions';
import { AuthCard } from '@/components/auth/auth-card';
import { PASSWORD_CHANGED_NOTICE, PasswordChangedNotice } from '@/components/auth/password-changed-notice';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getDb } from '@/db/client';
import { countOrganizations } from '@/db/queries/organizations';
import { safeNext } from '@/lib/auth/safe-next';
import { currentUser } from '@/lib/auth/session';
import { signUpOpen } from '@/lib/domain/sign-in';
import { env } from '@/lib/env';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('signIn') };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; notice?: string }>;
}) {
  const query = await searchParams;
  const next = safeNext(query.next);
  if (await currentUser()) redirect(next);
  const t = await getTranslations('auth');
  const canSignUp = signUpOpen(env().SIGN_UP, await countOrganizations(await getDb()));
  return (
    <AuthCard
      title={t('signInTitle')}
      subtitle={t('signInSubtitle')}
      footer={
        canSignUp ? (
          <>
            {t('noAccount')}{' '}
            <Link className="font-medium text-brand-700 underline" href="/signup">
              {t('createOrganization')}
            </Link>
          </>
        ) : null
      }
    >
      {query.notice === PASSWORD_CHANGED_NOTICE ? <PasswordChangedNotice /> : null}
      <SignInForm next={next} action={signInAction} />
      <p className="mt-4 text-center text-sm">
        <Link className="font-medium text-brand-700 underline" href="/forgot">
          {t('forgotPassword')}
        </Link>
      </p>
    </AuthCard>
  );
}
