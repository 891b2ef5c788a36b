import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/card';
import type { ServerAction } from '@/components/ui/server-action';
import type { listNotifications } from '@/db/queries/stored-notifications';
import { storedNotificationText } from '@/lib/domain/stored-notifications';
import { MarkReadButton } from './mark-read-button';

type StoredNotification = Awaited<ReturnType<typeof listNotifications>>['notifications'][number];

/** The id of the list's heading, which takes focus after marking read (the button it was on goes away). */
export const UPDATES_HEADING_ID = 'notifications-updates';

/**
 * The stored notifications, unread first. An unread one says "Unread" in words and is set in bold with a bar beside
 * it (not colour alone); its link opens what it is about through /notifications/<id>/open, which marks it read.
 */
export async function StoredNotificationList({
  notifications,
  now,
  timeZone,
  page,
  hasMore,
  markRead,
}: {
  notifications: StoredNotification[];
  now: Date;
  timeZone: string;
  page: number;
  hasMore: boolean;
  markRead: ServerAction;
}) {
  const t = await getTranslations('notifications');
  const format = await getFormatter();
  if (notifications.length === 0 && page === 1) {
    return <EmptyState title={t('updatesEmpty')}>{t('updatesEmptyHint')}</EmptyState>;
  }
  return (
    <>
      <ul className="divide-y divide-slate-200">
        {notifications.map((n) => {
          const unread = n.readAt === null;
          const { message, values, reply } = storedNotificationText(n.kind, n.details);
          const text = t(`stored.${message}`, values);
          return (
            <li
              key={n.id}
              className={`flex flex-wrap items-start justify-between gap-2 py-3 pr-1 ${
                unread ? 'border-l-4 border-brand-600 bg-brand-50/60 pl-3' : 'pl-4'
              }`}
            >
              <div className="min-w-0 flex-1 text-sm">
                <p>
                  {unread ? (
                    <span className="mr-2 inline-flex rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
                      {t('unread')}
                    </span>
                  ) : null}
                  {/* A plain link: a prefetch would open it, and opening marks it read. */}
                  <a
                    href={`/notifications/${n.id}/open`}
                    className={`text-brand-800 underline ${unread ? 'font-semibold' : ''}`}
                  >
                    {text}
                  </a>
                </p>
                {reply ? <p className="mt-1 text-slate-700">{t('stored.reply', { reply })}</p> : null}
                <p className="mt-1 text-xs text-slate-600">
                  <time
                    dateTime={n.createdAt.toISOString()}
                    title={format.dateTime(n.createdAt, { dateStyle: 'medium', timeStyle: 'short', timeZone })}
                  >
                    {format.relativeTime(n.createdAt, now)}
                  </time>
                </p>
              </div>
              {unread ? (
                <MarkReadButton
                  action={markRead}
                  input={{ notificationId: n.id }}
                  label={t('markReadNamed', { text })}
                  focusAfter={UPDATES_HEADING_ID}
                >
                  {t('markRead')}
                </MarkReadButton>
              ) : null}
            </li>
          );
        })}
      </ul>
      {page > 1 || hasMore ? (
        <nav aria-label={t('pages')} className="mt-4 flex items-center justify-between gap-3 text-sm">
          {page > 1 ? (
            <Link href={`/notifications?page=${page - 1}`} className="font-medium text-brand-800 underline">
              {t('previous')}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">{t('pageOf', { page })}</span>
          {hasMore ? (
            <Link href={`/notifications?page=${page + 1}`} className="font-medium text-brand-800 underline">
              {t('next')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
