import { createTranslator } from 'use-intl/core';
import messages from '@/messages/en';
import type { MessageKey } from '@/messages/types';

/**
 * Text the server writes once, outside any page: API replies, and the official reply stored with an automatic status
 * change of an idea. In English, from the same catalog as the app, so a rule reads the same everywhere.
 * (`use-intl/core` rather than `next-intl`: it also loads in scripts run with the react-server condition.)
 */
const t = createTranslator({ locale: 'en', messages, onError: () => {} });

export function englishMessage(key: MessageKey, values?: Record<string, string | number>): string {
  // A key missing from a catalog still gives a readable sentence rather than the key itself.
  return t.has(key) ? t(key, values) : t('validation.invalid');
}
