import { getFormatter, getTranslations } from 'next-intl/server';
import { cancelInvitation, deleteMember, invite, saveMember } from '@/app/(app)/settings/actions';
import { issueResetLink } from '@/app/(app)/settings/members/actions';
import { InviteForm } from '@/components/settings/invite-form';
import { MemberRow } from '@/components/settings/member-row';
import { ActionButton } from '@/components/ui/action-button';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { listMembers, listPendingInvitations } from '@/db/queries/members';
import { requirePermission } from '@/lib/auth/session';

export async function generateMetadata() {
  return { title: (await getTranslations('settings.tabs'))('members') };
}

export default async function MembersPage() {
  const member = await requirePermission('settings.read');
  const t = await getTranslations('settings.members');
  const tr = await getTranslations('roles');
  const format = await getFormatter();
  const db = await getDb();
  const orgId = member.organization.id;
  const [members, invitations, departments] = await Promise.all([
    listMembers(db, orgId),
    listPendingInvitations(db, orgId),
    listDepartments(db, orgId),
  ]);
  const departmentOptions = departments.map((d) => ({ value: d.id, label: d.name }));
  return (
    <div className="space-y-6">
      <Card title={t('inviteTitle')} description={t('inviteDescription')}>
        <InviteForm departments={departmentOptions} action={invite} />
      </Card>
      <Card title={t('pendingTitle', { count: invitations.length })}>
        {invitations.length === 0 ? (
          <EmptyState title={t('noPending')} />
        ) : (
          <ul className="divide-y divide-slate-200">
            {invitations.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5">
                <div className="min-w-0">
                  <p className="truncate font-medium">{inv.email}</p>
                  <p className="flex flex-wrap items-center gap-1 text-sm text-slate-600">
                    <Badge>{tr(inv.role)}</Badge>
                    {inv.departmentName ? <Badge tone="blue">{inv.departmentName}</Badge> : null}
                    <span>{t('expires', { date: format.dateTime(inv.expiresAt, { dateStyle: 'medium' }) })}</span>
                  </p>
                </div>
                <ActionButton
                  action={cancelInvitation}
                  input={{ invitationId: inv.id }}
                  variant="danger"
                  label={t('revokeNamed', { email: inv.email })}
                >
                  {t('revoke')}
                </ActionButton>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('membersTitle', { count: members.length })}>
        {members.length === 0 ? (
          <EmptyState title={t('noMembers')} />
        ) : (
          <ul className="divide-y divide-slate-200">
            {members.map((m) => (
              <MemberRow
                key={m.userId}
                member={m}
                departments={departmentOptions}
                isSelf={m.userId === member.user.id}
                actions={{ saveMember, deleteMember, issueResetLink }}
              />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
