import { match } from '@formatjs/intl-localematcher';
import { supportedLocales } from '@/lib/validation/common';

export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = 'en';

/** The languages named in an Accept-Language header, most wanted first. */
export function acceptedLanguages(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag?.trim() ?? '', q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((l) => l.tag && l.tag !== '*' && Number.isFinite(l.q) && l.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}

/** The person's own setting first, then the browser's languages, then English. */
export function pickLocale(userLocale: string | null | undefined, acceptLanguage: string | null): Locale {
  if (userLocale && (supportedLocales as readonly string[]).includes(userLocale)) return userLocale as Locale;
  try {
    return match(acceptedLanguages(acceptLanguage), supportedLocales, defaultLocale) as Locale;
  } catch {
    return defaultLocale;
  }
}
