import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/(app)/shell-actions';
import { AuthCard } from '@/components/auth/auth-card';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { currentMember, currentUser } from '@/lib/auth/session';

export default async function NoOrganizationPage() {
  if (!(await currentUser())) redirect('/login');
  if (await currentMember()) redirect('/');
  const t = await getTranslations('auth');
  return (
    <AuthCard title={t('noOrganizationTitle')} subtitle={t('noOrganizationText')}>
      <SignOutButton action={signOutAction} />
    </AuthCard>
  );
}
