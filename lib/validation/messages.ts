import type { z } from 'zod';
import common from '@/messages/en/common.json';
import type { MessageKey } from '@/messages/types';

/** A user-visible message as a key of the catalog with its values; the page translates it. */
export interface Message {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** One message per field (the first problem found), keyed by the field's path. */
export function fieldErrorsOf(error: z.ZodError): Record<string, Message> {
  const out: Record<string, Message> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form';
    if (!out[field]) out[field] = messageOf(issue);
  }
  return out;
}

type ValidationKey = `validation.${keyof typeof common.validation}`;

/** zod carries a schema's message as a plain string: it is ours when it names a key of the validation section. */
function isValidationKey(text: string): text is ValidationKey {
  return text.startsWith('validation.') && Object.hasOwn(common.validation, text.slice('validation.'.length));
}

function messageOf(issue: z.core.$ZodIssue): Message {
  const { message } = issue;
  if (isValidationKey(message)) {
    // A custom rule may carry the numbers its message needs ("from {min} to {max}").
    const values = issue.code === 'custom' ? (issue.params as Message['values']) : undefined;
    return values ? { key: message, values } : { key: message };
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { key: 'validation.required' }
          : { key: 'validation.tooShort', values: { min: Number(issue.minimum) } };
      }
      return { key: 'validation.tooSmall', values: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'validation.tooLong', values: { max: Number(issue.maximum) } }
        : { key: 'validation.tooBig', values: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return issue.format === 'email' ? { key: 'validation.email' } : { key: 'validation.format' };
    case 'invalid_value':
      return { key: 'validation.choice' };
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? { key: 'validation.required' }
        : { key: 'validation.invalid' };
    default:
      return { key: 'validation.invalid' };
  }
}
