import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DailyMailForm } from '@/components/notifications/daily-mail-form';
import { PasswordForm, ProfileForm } from '@/components/settings/profile-forms';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { dailyMailOf } from '@/db/queries/daily-mail';
import { requireMember } from '@/lib/auth/session';
import { mailConfigured } from '@/lib/mail';
import { setDailyMailAction } from '../notifications/actions';
import { savePassword, saveProfile } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('profile'))('title') };
}

export default async function ProfilePage() {
  const member = await requireMember();
  const t = await getTranslations('profile');
  const tn = await getTranslations('notifications.dailyMail');
  const dailyMail = await dailyMailOf(await getDb(), member.organization.id, member.actor.userId);
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
        <Card title={tn('title')}>
          <DailyMailForm
            dailyMail={dailyMail ?? false}
            organization={member.organization.name}
            available={mailConfigured()}
            action={setDailyMailAction}
          />
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
