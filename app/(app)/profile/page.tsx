import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PasswordForm, ProfileForm } from '@/components/settings/profile-forms';
import { Card, PageHeader } from '@/components/ui/card';
import { requireMember } from '@/lib/auth/session';
import { savePassword, saveProfile } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('profile'))('title') };
}

export default async function ProfilePage() {
  const member = await requireMember();
  const t = await getTranslations('profile');
  return (
    <>
      <PageHeader title={t('title')} description={member.user.email} />
      <div className="space-y-6">
        <Card title={t('detailsTitle')}>
          <ProfileForm name={member.user.name} locale={member.user.locale} action={saveProfile} />
        </Card>
        <Card title={t('passwordTitle')}>
          <PasswordForm action={savePassword} />
        </Card>
        <Card title={t('securityTitle')} description={t('securityHint')}>
          <Link href="/profile/security" className="font-medium text-brand-700 underline">
            {t('securityLink')}
          </Link>
        </Card>
      </div>
    </>
  );
}
