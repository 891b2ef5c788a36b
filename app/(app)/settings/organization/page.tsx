import { getTranslations } from 'next-intl/server';
import { saveOrganization } from '@/app/(app)/settings/actions';
import { OrganizationForm } from '@/components/settings/organization-form';
import { Card } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';

export async function generateMetadata() {
  return { title: (await getTranslations('settings.tabs'))('organization') };
}

export default async function OrganizationSettingsPage() {
  const member = await requirePermission('settings.read');
  const t = await getTranslations('settings.organization');
  const timeZones = Intl.supportedValuesOf('timeZone');
  if (!timeZones.includes(member.organization.timeZone)) timeZones.unshift(member.organization.timeZone);
  return (
    <Card title={t('title')} description={t('description')}>
      <OrganizationForm organization={member.organization} timeZones={timeZones} action={saveOrganization} />
    </Card>
  );
}
