import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { NavLinks } from '@/components/shell/nav-links';
import { requirePermission } from '@/lib/auth/session';

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requirePermission('settings.read');
  const t = await getTranslations('settings');
  const tabs = [
    { href: '/settings/organization', label: t('tabs.organization') },
    { href: '/settings/departments', label: t('tabs.departments') },
    { href: '/settings/journey', label: t('tabs.journey') },
    { href: '/settings/members', label: t('tabs.members') },
    { href: '/settings/impact', label: t('tabs.impact') },
    { href: '/settings/api-keys', label: t('tabs.apiKeys') },
    { href: '/settings/audit', label: t('tabs.audit') },
  ];
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <div className="mb-6 mt-3 border-b border-slate-200">
        <NavLinks items={tabs} label={t('sections')} />
      </div>
      {children}
    </div>
  );
}
