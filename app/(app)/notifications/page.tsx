import { getTranslations } from 'next-intl/server';
import { MarkReadButton } from '@/components/notifications/mark-read-button';
import { Reminders } from '@/components/notifications/reminders';
import { StoredNotificationList, UPDATES_HEADING_ID } from '@/components/notifications/stored-list';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listNotifications } from '@/db/queries/stored-notifications';
import { myNotifications, myUnreadCount } from '@/lib/auth/notifications';
import { requireMember } from '@/lib/auth/session';
import { NOTIFICATIONS_PAGE_SIZE } from '@/lib/domain/stored-notifications';
import { notificationsPageSchema } from '@/lib/validation/notifications';
import { markAllNotificationsReadAction, markNotificationReadAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('notifications'))('title') };
}

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember();
  const t = await getTranslations('notifications');
  const { page } = notificationsPageSchema.parse(await searchParams);
  const [reminders, unread, stored] = await Promise.all([
    myNotifications(member),
    myUnreadCount(member),
    listNotifications(await getDb(), member.organization.id, member.actor.userId, {
      page,
      pageSize: NOTIFICATIONS_PAGE_SIZE,
    }),
  ]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="space-y-6">
        <Card title={t('waitingTitle')}>
          <Reminders reminders={reminders} />
        </Card>
        <section
          aria-labelledby={UPDATES_HEADING_ID}
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:p-5"
        >
          <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
            <div>
              {/* Focus lands here after "Mark read", whose button goes away with the item's unread state. */}
              <h2 id={UPDATES_HEADING_ID} tabIndex={-1} className="text-base font-semibold">
                {t('updatesTitle')}
              </h2>
              <p className="mt-0.5 text-sm text-slate-600">{t('updatesDescription', { unread })}</p>
            </div>
            {unread > 0 ? (
              <MarkReadButton action={markAllNotificationsReadAction} input={{}} focusAfter={UPDATES_HEADING_ID}>
                {t('markAllRead')}
              </MarkReadButton>
            ) : null}
          </div>
          <StoredNotificationList
            notifications={stored.notifications}
            now={new Date()}
            timeZone={member.organization.timeZone}
            page={page}
            hasMore={stored.hasMore}
            markRead={markNotificationReadAction}
          />
        </section>
      </div>
    </>
  );
}
