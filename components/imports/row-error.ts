import type { useTranslations } from 'next-intl';
import type { Message } from '@/lib/validation/messages';

/** A row's problem in words: the import's own wording when it has one, the shared validation message otherwise. */
export function rowErrorText(t: ReturnType<typeof useTranslations>, message: Message): string {
  const own = `imports.rowError.${message.key.replace(/^validation\./, '')}`;
  if (t.has(own as never)) return t(own as never, message.values as never);
  return t.has(message.key as never) ? t(message.key as never, message.values as never) : t('validation.invalid');
}
