import { createTranslator } from 'next-intl';
import messages from '@/messages/en';

/** API replies are in English, from the same catalog as the app, so a rule reads the same everywhere. */
const t = createTranslator({ locale: 'en', messages, onError: () => {} });

export function apiMessage(key: string, values?: Record<string, string | number>): string {
  const known = t.has(key as never);
  // A key missing from the catalog still gives a readable sentence rather than the key itself.
  return known ? t(key as never, values as never) : t('validation.invalid' as never);
}
