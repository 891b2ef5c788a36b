import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { FormAction } from '@/components/ui/server-action';
import type { Member } from '@/lib/auth/session';
import type { Notification } from '@/lib/domain/notifications';
import { can } from '@/lib/domain/permissions';
import { NavLinks } from './nav-links';
import { NotificationBell } from './notification-bell';
import { WeeklyReminder } from './weekly-reminder';
import { OrganizationSwitcher } from './organization-switcher';
import { SignOutButton } from './sign-out-button';

/** The app's frame: who you are, where you are, and the sections built so far. */
export async function AppShell({
  member,
  notifications,
  unreadNotifications,
  actions,
  children,
}: {
  member: Member;
  /** What waits for this member, loaded once by the layout. */
  notifications: Notification[];
  /** How many of the member's stored notifications are unread. */
  unreadNotifications: number;
  actions: { signOut: FormAction; switchOrganization: FormAction };
  children: ReactNode;
}) {
  const t = await getTranslations('shell');
  const items = [
    { href: '/', label: t('nav.overview') },
    { href: '/goal', label: t('nav.goal') },
    { href: '/plans', label: t('nav.plans') },
    { href: '/weekly', label: t('nav.weekly') },
    { href: '/touchpoints', label: t('nav.touchpoints') },
    { href: '/ideas', label: t('nav.ideas') },
    { href: '/levers', label: t('nav.levers') },
  ];
  if (can(member.actor, 'settings.read')) items.push({ href: '/settings', label: t('nav.settings') });
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t('skipToContent')}
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 pt-3">
          <div className="flex min-w-0 items-center gap-3">
            <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold">
              <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-brand-600" />
              <span className="sr-only sm:not-sr-only">Touchpoint</span>
            </Link>
            <span aria-hidden className="text-slate-300">
              /
            </span>
            <OrganizationSwitcher
              current={member.organization}
              organizations={member.organizations}
              action={actions.switchOrganization}
            />
          </div>
          <div className="flex shrink-0 items-center gap-2">
            <NotificationBell reminders={notifications.length} unread={unreadNotifications} />
            <Link href="/profile" className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
              <span className="sr-only">{t('profile')}: </span>
              <span className="hidden sm:inline">{member.user.name}</span>
              <span aria-hidden className="sm:hidden">
                {initials(member.user.name)}
              </span>
            </Link>
            <SignOutButton variant="ghost" action={actions.signOut} />
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-2 sm:px-4">
          <NavLinks items={items} label={t('mainNavigation')} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {notifications.some((n) => n.kind === 'weeklyReminder') ? <WeeklyReminder /> : null}
        {children}
      </main>
    </div>
  );
}

function initials(name: string) {
  return name
    .split(/\s+/)
    .map((part) => part[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
}
