import type { Translator } from '@/messages/types';

/**
 * Who wrote an idea, as the viewer may know it: the author's own view of an anonymous idea says it is theirs and
 * hidden from others; everyone else sees "Anonymous" (the queries never return the name to them).
 */
export function authorLabel(
  t: Translator<'ideas.author'>,
  idea: { mine: boolean; anonymous: boolean; authorName: string | null },
): string {
  if (idea.mine) return idea.anonymous ? t('youAnonymous') : t('you');
  if (idea.anonymous || !idea.authorName) return t('anonymous');
  return idea.authorName;
}
