import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { saveImpactSettings } from '@/app/(app)/settings/actions';
import { ImpactSettingsForm } from '@/components/settings/impact-settings-form';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { impactOrganization } from '@/db/queries/impact';
import { requirePermission } from '@/lib/auth/session';

export async function generateMetadata() {
  return { title: (await getTranslations('settings.tabs'))('impact') };
}

export default async function ImpactSettingsPage() {
  const member = await requirePermission('impactSettings.update');
  const t = await getTranslations('settings.impact');
  const organization = await impactOrganization(await getDb(), member.organization.id);
  if (!organization) notFound();
  const settings = organization.settings;
  return (
    <Card title={t('title')} description={t('description')}>
      <ImpactSettingsForm settings={settings} action={saveImpactSettings} />
    </Card>
  );
}
