import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Notification } from '@/lib/domain/notifications';

/** The reminders worked out on this request: what waits for the person to do. */
export async function Reminders({ reminders }: { reminders: Notification[] }) {
  const t = await getTranslations('notifications');
  if (reminders.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {reminders.map((n) => (
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
  );
}
