import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/(app)/shell-actions';
import { acceptInvitationAction, joinOrganizationAction } from '@/app/(auth)/actions';
import { AcceptInvitationForm, JoinOrganizationForm } from '@/components/auth/accept-invitation-form';
import { AuthCard } from '@/components/auth/auth-card';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { getDb } from '@/db/client';
import { currentUser } from '@/lib/auth/session';
import { describeInvitation } from '@/lib/commands/accounts';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('acceptInvitation') };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('auth');
  const tr = await getTranslations('roles');
  const invitation = await describeInvitation(await getDb(), token);
  if (!invitation) {
    return (
      <AuthCard title={t('invitationInvalidTitle')} subtitle={t('invitationInvalid')}>
        <Link href="/login" className="font-medium text-brand-700 underline">
          {t('signIn')}
        </Link>
      </AuthCard>
    );
  }
  const subtitle = t('invitedAs', { organization: invitation.organizationName, role: tr(invitation.role) });
  const user = await currentUser();
  if (user) {
    const matches = user.email.toLowerCase() === invitation.email.toLowerCase();
    return (
      <AuthCard title={t('invitationTitle')} subtitle={subtitle}>
        {matches ? (
          <JoinOrganizationForm
            token={token}
            organizationName={invitation.organizationName}
            action={joinOrganizationAction}
          />
        ) : (
          <div className="space-y-3 text-sm">
            <p>{t('invitationOtherAccount', { current: user.email, invited: invitation.email })}</p>
            <SignOutButton redirectTo={`/invite/${token}`} action={signOutAction} />
          </div>
        )}
      </AuthCard>
    );
  }
  if (invitation.accountExists) {
    return (
      <AuthCard title={t('invitationTitle')} subtitle={subtitle}>
        <p className="mb-4 text-sm">{t('invitationSignInFirst', { email: invitation.email })}</p>
        <Link
          href={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}
          className="font-medium text-brand-700 underline"
        >
          {t('signIn')}
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('invitationTitle')} subtitle={subtitle}>
      <AcceptInvitationForm token={token} email={invitation.email} action={acceptInvitationAction} />
    </AuthCard>
  );
}
