import 'server-only';
import type { Database } from '@/db/client';
import { claimDailyMail, dueDailyMails, releaseDailyMail } from '@/db/queries/daily-mail';
import { markMailed, unreadUnmailed } from '@/db/queries/stored-notifications';
import { DAILY_MAIL_HOUR, DAILY_MAIL_LISTED, subjectPath } from '@/lib/domain/stored-notifications';
import { env } from '@/lib/env';
import { type Mail, sendMail } from '@/lib/mail';
import { unsubscribeToken } from '@/lib/secrets/signed';
import { dailyMailText } from './text';

/** Sends one mail; answers whether it went out (lib/mail.ts's sendMail, or a stand-in in tests). */
export type MailSender = (mail: Mail) => Promise<boolean>;

export interface DailyMailRun {
  sent: number;
  /** Mails the sender could not send: they are tried again at the next run. */
  failed: number;
  /** Why nothing was tried: without APP_URL a mail's links would have no host to point to. */
  skipped?: 'no_app_url';
}

/** An absolute link on this site: APP_URL (without a trailing slash) and a path. */
const absolute = (appUrl: string, path: string) => `${appUrl.replace(/\/+$/, '')}${path}`;

/**
 * Sends the daily mail of unread notifications to everyone whose mail is due at `now` (they chose it, it is 7 or
 * later in their organization's time zone, none went out earlier that day there, and something unread was not in a
 * mail yet). Each mail lists the newest unread notifications no mail listed before; they are then marked mailed, so
 * a notification is mailed once. Needs APP_URL for the links; without it, sends nothing.
 */
export async function sendDailyNotificationMails(
  db: Database,
  now = new Date(),
  send: MailSender = sendMail,
): Promise<DailyMailRun> {
  const appUrl = env().APP_URL;
  const run: DailyMailRun = { sent: 0, failed: 0 };
  if (!appUrl) return { ...run, skipped: 'no_app_url' };
  for (const due of await dueDailyMails(db, now, DAILY_MAIL_HOUR)) {
    const { organizationId, userId } = due;
    // Taken first, so two servers on one database never both send it; given back when it cannot go out.
    if (!(await claimDailyMail(db, organizationId, userId, due.sentAt, now))) continue;
    const unread = await unreadUnmailed(db, organizationId, userId);
    if (unread.length === 0) {
      await releaseDailyMail(db, organizationId, userId, now, due.sentAt); // read meanwhile
      continue;
    }
    const { subject, text } = dailyMailText({
      locale: due.locale,
      timeZone: due.timeZone,
      name: due.name,
      organization: due.organizationName,
      items: unread.slice(0, DAILY_MAIL_LISTED).map((n) => ({
        kind: n.kind,
        details: n.details,
        createdAt: n.createdAt,
        link: absolute(appUrl, subjectPath(n.subjectType, n.subjectId)),
      })),
      total: unread.length,
      allLink: absolute(appUrl, '/notifications'),
      unsubscribeLink: absolute(appUrl, `/unsubscribe?token=${unsubscribeToken(organizationId, userId)}`),
    });
    if (await send({ to: due.email, subject, text })) {
      await markMailed(
        db,
        organizationId,
        userId,
        unread.map((n) => n.id),
        now,
      );
      run.sent++;
    } else {
      await releaseDailyMail(db, organizationId, userId, now, due.sentAt);
      run.failed++;
    }
  }
  return run;
}
