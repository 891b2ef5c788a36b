import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/**
 * How much waits, as the layout counted it: the unread stored notifications plus the reminders worked out on this
 * request (the goal to read, requests to answer, overdue items, the weekly reminder). The page lists them.
 */
export async function NotificationBell({ reminders, unread }: { reminders: number; unread: number }) {
  const t = await getTranslations('notifications');
  const count = reminders + unread;
  return (
    <Link
      href="/notifications"
      aria-label={t('bell', { count })}
      aria-describedby="notification-bell-detail"
      className="relative inline-flex h-8 w-8 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" strokeLinejoin="round" />
        <path d="M10.3 20a1.9 1.9 0 0 0 3.4 0" strokeLinecap="round" />
      </svg>
      {/* Described, not named: the name keeps the total ("Notifications, 3 waiting"), this says what it is made of. */}
      <span id="notification-bell-detail" hidden>
        {t('bellDetail', { unread, reminders })}
      </span>
      {count > 0 ? (
        <span
          aria-hidden
          className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white"
        >
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
