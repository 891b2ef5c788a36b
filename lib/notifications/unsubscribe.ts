import 'server-only';
import type { Database } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { setDailyMail } from '@/db/queries/daily-mail';
import { findOrganization } from '@/db/queries/organizations';
import { readUnsubscribeToken } from '@/lib/secrets/signed';
import { escapeHtml, htmlDocument } from '@/lib/survey/html';
import { notificationsTranslator } from './text';

/**
 * The unsubscribe link of the daily mail, without a session: its signed token names the organization and the
 * person. Opening it (GET) only asks, since mail scanners open links; the button posts, and that turns the mail off.
 * A token that is not ours is a 400 page, never an error.
 */

export interface UnsubscribeReply {
  status: number;
  html: string;
}

type Translator = ReturnType<typeof notificationsTranslator>['t'];

/** A small page in the organization's language, naming it (or "this organization" when it is gone). */
async function reply(
  db: Database,
  status: number,
  organizationId: string | null,
  render: (t: Translator, organization: string) => { title: string; body: string },
): Promise<UnsubscribeReply> {
  const organization = organizationId ? await findOrganization(db, organizationId) : null;
  const { locale, t } = notificationsTranslator(organization?.defaultLocale);
  const { title, body } = render(t, organization?.name ?? t('unsubscribe.unknownOrganization'));
  return {
    status,
    html: htmlDocument({
      lang: locale,
      title,
      body: `<div class="card"><h1>${escapeHtml(title)}</h1>${body}</div>`,
    }),
  };
}

const invalid = (db: Database) =>
  reply(db, 400, null, (t) => ({
    title: t('unsubscribe.invalidTitle'),
    body: `<p>${escapeHtml(t('unsubscribe.invalid'))}</p>`,
  }));

/** GET: the question, with a button that posts the token back. */
export async function showUnsubscribe(db: Database, token: string | null): Promise<UnsubscribeReply> {
  const named = token ? readUnsubscribeToken(token) : null;
  if (!token || !named) return invalid(db);
  return reply(db, 200, named.organizationId, (t, organization) => ({
    title: t('unsubscribe.title'),
    body:
      `<p>${escapeHtml(t('unsubscribe.question', { organization }))}</p>` +
      `<form method="post" action="/unsubscribe"><input type="hidden" name="token" value="${escapeHtml(token)}">` +
      `<button type="submit">${escapeHtml(t('unsubscribe.confirm'))}</button></form>`,
  }));
}

/** POST: turns the daily mail off (already off, or no longer a member: the same answer, nothing to stop). */
export async function confirmUnsubscribe(db: Database, token: string | null): Promise<UnsubscribeReply> {
  const named = token ? readUnsubscribeToken(token) : null;
  if (!named) return invalid(db);
  const { organizationId, userId } = named;
  await db.transaction(async (tx) => {
    if (await setDailyMail(tx, organizationId, userId, false)) {
      await recordAudit(tx, organizationId, userId, {
        action: 'member.dailyMail',
        entityType: 'member',
        entityId: userId,
        changes: { dailyMail: false, by: 'unsubscribe link' },
      });
    }
  });
  return reply(db, 200, organizationId, (t, organization) => ({
    title: t('unsubscribe.doneTitle'),
    body: `<p>${escapeHtml(t('unsubscribe.done', { organization }))}</p>`,
  }));
}
