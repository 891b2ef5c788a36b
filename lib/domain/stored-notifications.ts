/**
 * Stored notifications (one row per person and event): which message of the catalog tells each kind, with which
 * values from its details, and where its link goes. Pure: the page and the daily mail both use it.
 */

/** The kinds written today, each with a message of its own (`notifications.stored.<kind>`). */
export const storedNotificationKinds = ['ideaStatus', 'ideaComment', 'ideaMerged', 'ideaVerdict'] as const;
export type StoredNotificationKind = (typeof storedNotificationKinds)[number];

/** A kind this version does not know (written by a newer one, or since renamed) still shows, in general words. */
export type StoredNotificationMessage = StoredNotificationKind | 'other';

export type NotificationDetails = Record<string, string | number | null | undefined>;

export interface StoredNotificationText {
  message: StoredNotificationMessage;
  /** Every value the messages use, as text: a missing detail is empty, never "undefined". */
  values: { title: string; status: string; intoTitle: string; sentence: string };
  /** The official reply that came with a status change, shown below it; null when there is none. */
  reply: string | null;
}

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

function isKnownKind(kind: string): kind is StoredNotificationKind {
  return (storedNotificationKinds as readonly string[]).includes(kind);
}

/** The message for a stored notification and the values it needs. */
export function storedNotificationText(kind: string, details: NotificationDetails): StoredNotificationText {
  const message = isKnownKind(kind) ? kind : 'other';
  const reply = message === 'ideaStatus' ? text(details.reply).trim() : '';
  // A merge tells the followers of the idea that stays (its subject, its `title`) which idea went into it
  // (`mergedTitle`); an event that names the merged idea as its `title` names the other one `intoTitle`.
  const mergedInto =
    message === 'ideaMerged' && details.mergedTitle != null
      ? { title: text(details.mergedTitle), intoTitle: text(details.title) }
      : { title: text(details.title), intoTitle: text(details.intoTitle) };
  return {
    message,
    values: {
      ...mergedInto,
      status: text(details.status),
      sentence: text(details.sentence),
    },
    reply: reply === '' ? null : reply,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a notification's link goes (a path of this site): its subject's page, or the list for an unknown subject. */
export function subjectPath(subjectType: string, subjectId: string): string {
  if (!UUID.test(subjectId)) return '/notifications';
  switch (subjectType) {
    case 'idea':
      return `/ideas/${subjectId}`;
    default:
      return '/notifications';
  }
}

/** Stored notifications per page of the list. */
export const NOTIFICATIONS_PAGE_SIZE = 50;
/** At most this many are listed in one daily mail; the rest are counted ("and 12 more"). */
export const DAILY_MAIL_LISTED = 50;
/** The daily mail goes out once per calendar day in the organization's time zone, from this hour on. */
export const DAILY_MAIL_HOUR = 7;
