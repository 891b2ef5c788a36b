import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { signInAction } from '@/app/(auth)/actions';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { currentUser } from '@/lib/auth/session';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('signIn') };
}

/** Only same-site paths, so the link cannot send people elsewhere after signing in. */
function safeNext(next: string | undefined) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  const t = await getTranslations('auth');
  return (
    <AuthCard
      title={t('signInTitle')}
      subtitle={t('signInSubtitle')}
      footer={
        <>
          {t('noAccount')}{' '}
          <Link className="font-medium text-brand-700 underline" href="/signup">
            {t('createOrganization')}
          </Link>
        </>
      }
    >
      <SignInForm next={next} action={signInAction} />
    </AuthCard>
  );
}
