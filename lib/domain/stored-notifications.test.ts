import { describe, expect, it } from 'vitest';
import { storedNotificationKinds, storedNotificationText, subjectPath } from './stored-notifications';

const ideaId = '2f1c9a3e-8b4d-4e6f-9a1b-3c5d7e9f1a2b';

describe('storedNotificationText', () => {
  it('tells each known kind by its own message, with the details it needs', () => {
    expect(storedNotificationText('ideaStatus', { title: 'Bookmark', status: 'accepted', reply: 'Yes' })).toEqual({
      message: 'ideaStatus',
      values: { title: 'Bookmark', status: 'accepted', intoTitle: '', sentence: '' },
      reply: 'Yes',
    });
    expect(storedNotificationText('ideaMerged', { title: 'Bookmarks', intoTitle: 'Bookmark' })).toMatchObject({
      message: 'ideaMerged',
      values: { title: 'Bookmarks', intoTitle: 'Bookmark' },
      reply: null,
    });
    // As the merge command writes it: the subject is the idea that stays.
    expect(
      storedNotificationText('ideaMerged', { title: 'Bookmark', mergedTitle: 'Bookmarks', mergedId: ideaId }),
    ).toMatchObject({ values: { title: 'Bookmarks', intoTitle: 'Bookmark' } });
    expect(storedNotificationText('ideaVerdict', { title: 'Bookmark', sentence: 'NEV rose.' }).values.sentence).toBe(
      'NEV rose.',
    );
    for (const kind of storedNotificationKinds) expect(storedNotificationText(kind, {}).message).toBe(kind);
  });

  it('shows an unknown kind in general words rather than failing', () => {
    expect(storedNotificationText('planItemDone', { title: 'x' }).message).toBe('other');
    expect(storedNotificationText('', {}).message).toBe('other');
  });

  it('turns missing and null details into empty text, and numbers into text', () => {
    expect(storedNotificationText('ideaComment', { title: null }).values.title).toBe('');
    expect(storedNotificationText('ideaComment', {}).values.title).toBe('');
    expect(storedNotificationText('ideaComment', { title: 42 }).values.title).toBe('42');
  });

  it('keeps an official reply only for a status change, and only when it says something', () => {
    expect(storedNotificationText('ideaStatus', { reply: '  We try it in March. ' }).reply).toBe('We try it in March.');
    expect(storedNotificationText('ideaStatus', { reply: '   ' }).reply).toBeNull();
    expect(storedNotificationText('ideaStatus', { reply: null }).reply).toBeNull();
    expect(storedNotificationText('ideaComment', { reply: 'not a reply' }).reply).toBeNull();
  });
});

describe('subjectPath', () => {
  it('links an idea to its page', () => {
    expect(subjectPath('idea', ideaId)).toBe(`/ideas/${ideaId}`);
  });

  it('falls back to the list for an unknown subject, or an id that is no uuid (never a path of its own)', () => {
    expect(subjectPath('weeklyImprovement', ideaId)).toBe('/notifications');
    expect(subjectPath('idea', '../settings')).toBe('/notifications');
    expect(subjectPath('idea', `${ideaId}/../../settings`)).toBe('/notifications');
  });
});
