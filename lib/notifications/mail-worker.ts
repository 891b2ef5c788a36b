import 'server-only';
import { getDb } from '@/db/client';
import { mailConfigured } from '@/lib/mail';
import { sendDailyNotificationMails } from './daily-mail';

/**
 * Sends the daily mails of unread notifications from the server process: once an hour it sends those that are due
 * (lib/notifications/daily-mail.ts decides who, once per calendar day in each organization's time zone). Only with
 * SMTP_URL set; without APP_URL it sends nothing and says so once in the log.
 */

const EVERY_MS = 60 * 60_000;
/** The first run waits a minute, so it does not compete with the start-up work. */
const FIRST_AFTER_MS = 60_000;
let started = false;

export function startDailyMailWorker() {
  if (started) return;
  started = true;
  let running = false;
  let warned = false;
  const tick = async () => {
    if (running || !mailConfigured()) return;
    running = true;
    try {
      const run = await sendDailyNotificationMails(await getDb(), new Date());
      if (run.skipped === 'no_app_url' && !warned) {
        warned = true;
        console.warn('daily mails: APP_URL is not set, so no daily mail is sent (its links need the public address)');
      }
      if (run.failed > 0) console.warn(`daily mails: ${run.failed} could not be sent; they are tried again next hour`);
    } catch (error) {
      console.error('daily mails: the run failed; it will be tried again next hour', error);
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), EVERY_MS).unref();
  setTimeout(() => void tick(), FIRST_AFTER_MS).unref();
}
