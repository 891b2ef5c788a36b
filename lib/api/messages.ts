import { createTranslator } from 'use-intl/core';
import messages from '@/messages/en';
import type { MessageKey } from '@/messages/types';

/** API replies are in English, from the same catalog as the app, so a rule reads the same everywhere. */
const t = createTranslator({ locale: 'en', messages, onError: () => {} });

export function apiMessage(key: MessageKey, values?: Record<string, string | number>): string {
  // A key missing from a catalog still gives a readable sentence rather than the key itself.
  return t.has(key) ? t(key, values) : t('validation.invalid');
}
