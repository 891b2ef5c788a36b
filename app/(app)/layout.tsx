import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { requireMember } from '@/lib/auth/session';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  return <AppShell member={member}>{children}</AppShell>;
}
