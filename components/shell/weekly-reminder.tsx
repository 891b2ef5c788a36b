import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** From the reminder day on, a lead whose area has no improvement this week sees this at the top of every page. */
export async function WeeklyReminder() {
  const t = await getTranslations('notifications');
  return (
    <p
      role="status"
      className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 print:hidden"
    >
      {t('weeklyReminder')}{' '}
      <Link href="/weekly" className="font-medium underline">
        {t('weeklyReminderAction')}
      </Link>
    </p>
  );
}
