import { createFormatter, createTranslator } from 'next-intl';
import { storedNotificationText, type NotificationDetails } from '@/lib/domain/stored-notifications';
import en from '@/messages/en/notifications.json';

// The notifications' texts outside a page (the daily mail, the unsubscribe page): only this catalog is loaded.
const catalogs = { en };
type NotificationLocale = keyof typeof catalogs;

/** The notifications' texts in the person's language, or English when that language has no catalog. */
export function notificationsTranslator(locale: string | null | undefined) {
  const chosen: NotificationLocale = locale && locale in catalogs ? (locale as NotificationLocale) : 'en';
  return {
    locale: chosen,
    t: createTranslator({ locale: chosen, messages: catalogs[chosen], namespace: 'notifications' }),
  };
}

type NotificationsTranslator = ReturnType<typeof notificationsTranslator>['t'];

/** One stored notification as a line of text, and its official reply when it has one. */
export function describeNotification(
  t: NotificationsTranslator,
  kind: string,
  details: NotificationDetails,
): { text: string; reply: string | null } {
  const { message, values, reply } = storedNotificationText(kind, details);
  return {
    text: t(`stored.${message}`, values),
    reply: reply === null ? null : t('stored.reply', { reply }),
  };
}

export interface DailyMailItem {
  kind: string;
  details: NotificationDetails;
  createdAt: Date;
  /** Absolute link to what it is about. */
  link: string;
}

/**
 * The plain-text daily mail: the newest `items` (each with its text, reply, time and link), how many more there
 * are, the link to all notifications and the unsubscribe link.
 */
export function dailyMailText(input: {
  locale: string | null;
  timeZone: string;
  name: string;
  organization: string;
  items: readonly DailyMailItem[];
  total: number;
  allLink: string;
  unsubscribeLink: string;
}): { subject: string; text: string } {
  const { locale, t } = notificationsTranslator(input.locale);
  const format = createFormatter({ locale, timeZone: input.timeZone });
  const lines = [
    t('mail.greeting', { name: input.name }),
    '',
    t('mail.intro', { count: input.total, organization: input.organization }),
    '',
  ];
  for (const item of input.items) {
    const { text, reply } = describeNotification(t, item.kind, item.details);
    lines.push(`- ${text}`);
    if (reply) lines.push(`  ${reply}`);
    lines.push(`  ${format.dateTime(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })} · ${item.link}`, '');
  }
  const more = input.total - input.items.length;
  if (more > 0) lines.push(t('mail.more', { count: more }), '');
  lines.push(
    t('mail.all', { link: input.allLink }),
    '',
    '-- ',
    t('mail.why'),
    t('mail.unsubscribe', { link: input.unsubscribeLink }),
  );
  return {
    subject: t('mail.subject', { count: input.total, organization: input.organization }),
    text: lines.join('\n'),
  };
}
