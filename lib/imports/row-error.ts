import { type ImportField, importFields } from '@/lib/imports/columns';
import type { Message } from '@/lib/validation/messages';
import type { MessageKey, Translator } from '@/messages/types';

/** Validation messages an import words its own way: about a row of a file rather than a field of a form. */
const rowWording: Partial<Record<MessageKey, MessageKey>> = {
  'validation.required': 'imports.rowError.required',
  'validation.choice': 'imports.rowError.choice',
  'validation.invalid': 'imports.rowError.invalid',
  'validation.tooLong': 'imports.rowError.tooLong',
  'validation.scoreRange': 'imports.rowError.scoreRange',
  'validation.ttrHours': 'imports.rowError.ttrHours',
  'validation.dateTime': 'imports.rowError.dateTime',
  'validation.inFuture': 'imports.rowError.inFuture',
};

/** A row's problem in words: the import's own wording when it has one, the shared validation message otherwise. */
export function rowErrorText(t: Translator, message: Message): string {
  const own = rowWording[message.key];
  if (own) return t(own, message.values);
  return t.has(message.key) ? t(message.key, message.values) : t('validation.invalid');
}

const fieldNames: ReadonlySet<string> = new Set(importFields);
const isImportField = (field: string): field is ImportField => fieldNames.has(field);

/** The name of a field a row error is about ("Answered at"), or null for anything that is not an import field. */
export function importFieldLabel(t: Translator<'imports'>, field: string): string | null {
  return isImportField(field) ? t(`field.${field}`) : null;
}
