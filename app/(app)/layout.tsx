import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { myNotifications, myUnreadCount } from '@/lib/auth/notifications';
import { requireMember } from '@/lib/auth/session';
import { signOutAction, switchOrganizationAction } from './shell-actions';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const [notifications, unreadNotifications] = await Promise.all([myNotifications(member), myUnreadCount(member)]);
  return (
    <AppShell
      member={member}
      notifications={notifications}
      unreadNotifications={unreadNotifications}
      actions={{ signOut: signOutAction, switchOrganization: switchOrganizationAction }}
    >
      {children}
    </AppShell>
  );
}
