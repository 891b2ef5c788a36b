import type { Message } from '@/lib/validation/messages';
import type { MessageKey } from '@/messages/types';

export type FailureCode =
  'unauthenticated' | 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'rate_limited' | 'internal';

export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; code: FailureCode; message: Message; fieldErrors?: Record<string, Message>; requestId?: string };

/** Thrown inside a command to refuse with a message the person can act on; the transaction rolls back. */
export class ActionError extends Error {
  constructor(
    readonly code: FailureCode,
    readonly userMessage: Message,
    readonly fieldErrors?: Record<string, Message>,
  ) {
    super(userMessage.key);
    this.name = 'ActionError';
  }
}

export const refuse = {
  notFound: () => new ActionError('not_found', { key: 'errors.notFound' }),
  forbidden: () => new ActionError('forbidden', { key: 'errors.forbidden' }),
  field: (field: string, key: MessageKey, values?: Record<string, string | number>) =>
    new ActionError('invalid', { key: 'errors.checkFields' }, { [field]: { key, values } }),
  conflict: (key: MessageKey) => new ActionError('conflict', { key }),
};
