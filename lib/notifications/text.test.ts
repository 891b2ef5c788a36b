import { describe, expect, it } from 'vitest';
import { dailyMailText, describeNotification, notificationsTranslator } from './text';

const { t } = notificationsTranslator('en');

describe('describeNotification', () => {
  it('says what happened from the catalog, with the status in words and the reply apart', () => {
    expect(
      describeNotification(t, 'ideaStatus', { title: 'Bookmark', status: 'under_review', reply: 'Looking at it' }),
    ).toEqual({ text: '“Bookmark” is now under review.', reply: 'Official reply: Looking at it' });
    expect(describeNotification(t, 'ideaMerged', { title: 'Bookmarks', intoTitle: 'Bookmark' }).text).toBe(
      '“Bookmarks” was merged into “Bookmark”: its votes and comments are there now.',
    );
    expect(describeNotification(t, 'somethingNew', { title: 'x' })).toEqual({
      text: 'Something you follow changed.',
      reply: null,
    });
  });

  it('keeps titles as they were typed, braces and quotes included', () => {
    expect(describeNotification(t, 'ideaComment', { title: "It's {not} a placeholder" }).text).toBe(
      "New comment on “It's {not} a placeholder”.",
    );
  });
});

describe('dailyMailText', () => {
  const item = (title: string) => ({
    kind: 'ideaComment',
    details: { title },
    createdAt: new Date('2026-03-02T09:15:00Z'),
    link: 'https://cx.example.test/ideas/1',
  });

  it('lists the items with their time in the time zone, their links, the rest as a count, and the unsubscribe link', () => {
    const mail = dailyMailText({
      locale: 'en',
      timeZone: 'Europe/Berlin',
      name: 'Sam',
      organization: 'Bookshelf',
      items: [item('First'), item('Second')],
      total: 5,
      allLink: 'https://cx.example.test/notifications',
      unsubscribeLink: 'https://cx.example.test/unsubscribe?token=abc',
    });
    expect(mail.subject).toBe('5 unread notifications in Bookshelf');
    expect(mail.text).toContain('Hello Sam,');
    expect(mail.text).toContain('You have 5 unread notifications in Bookshelf:');
    expect(mail.text).toContain('- New comment on “First”.');
    expect(mail.text).toContain('- New comment on “Second”.');
    // 09:15 UTC is 10:15 in Berlin in March.
    expect(mail.text).toContain('10:15 AM · https://cx.example.test/ideas/1');
    expect(mail.text).toContain('…and 3 more.');
    expect(mail.text).toContain('All your notifications: https://cx.example.test/notifications');
    expect(mail.text).toContain('Stop these mails: https://cx.example.test/unsubscribe?token=abc');
  });

  it('says nothing of more when every item is listed', () => {
    const mail = dailyMailText({
      locale: null,
      timeZone: 'UTC',
      name: 'Sam',
      organization: 'Bookshelf',
      items: [item('Only')],
      total: 1,
      allLink: 'https://cx.example.test/notifications',
      unsubscribeLink: 'https://cx.example.test/unsubscribe?token=abc',
    });
    expect(mail.subject).toBe('1 unread notification in Bookshelf');
    expect(mail.text).not.toContain('more.');
  });
});
