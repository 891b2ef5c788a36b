import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { myNotifications } from '@/lib/auth/notifications';
import { requireMember } from '@/lib/auth/session';

export async function generateMetadata() {
  return { title: (await getTranslations('notifications'))('title') };
}

export default async function NotificationsPage() {
  const member = await requireMember();
  const t = await getTranslations('notifications');
  const notifications = await myNotifications(member);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        {notifications.length === 0 ? (
          <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {notifications.map((n) => (
              <li
                key={
                  n.kind === 'goalToRead' || n.kind === 'weeklyReminder'
                    ? n.kind
                    : `${n.kind}-${'requestId' in n ? n.requestId : n.planItemId}`
                }
                className="py-3 text-sm"
              >
                {n.kind === 'weeklyReminder' ? (
                  <Link href="/weekly" className="font-medium text-brand-800 underline">
                    {t('weeklyReminder')}
                  </Link>
                ) : n.kind === 'goalToRead' ? (
                  <Link href="/goal" className="font-medium text-brand-800 underline">
                    {t('goalToRead', { version: n.version })}
                  </Link>
                ) : n.kind === 'requestToAnswer' ? (
                  <Link href={`/plans/${n.departmentId}`} className="font-medium text-brand-800 underline">
                    {t(n.promise ? 'promiseToCheck' : 'requestToAnswer', { title: n.itemTitle })}
                  </Link>
                ) : (
                  <Link
                    href={`/plans/${n.departmentId}#item-${n.planItemId}`}
                    className="font-medium text-brand-800 underline"
                  >
                    {t('itemOverdue', { title: n.itemTitle, date: n.dueDate })}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
