import { getTranslations } from 'next-intl/server';
import type { FailureCode } from '@/lib/auth/errors';
import type { Message } from '@/lib/validation/messages';
import type { Translator } from '@/messages/types';

/**
 * The body of every error an internal route handler answers (everything under app/api except the published
 * /api/v1 and Auth.js). `code` is for programs, `message` and `fields` are for the person, in their language.
 */
export interface ApiErrorBody {
  error: {
    code: FailureCode;
    message: string;
    /** What is wrong with each field of a query or a body, by the field's name. */
    fields?: Record<string, string>;
    /** For a refused file: its first rows with a problem (the row counted from 1 after the header). */
    rows?: ApiRowError[];
  };
}

export interface ApiRowError {
  row: number;
  field: string;
  message: string;
}

/** Codes whose usual message says it all; the others carry their own (how long to wait, the request id). */
type PlainCode = Exclude<FailureCode, 'rate_limited' | 'internal'>;

/** A refusal before it is put in words: an ActionResult failure, or just a code with its usual message. */
export type Refusal = { fieldErrors?: Record<string, Message> } & (
  { code: PlainCode; message?: Message } | { code: Exclude<FailureCode, PlainCode>; message: Message }
);

const statusOf: Record<FailureCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

const usualMessage: Record<PlainCode, Message> = {
  unauthenticated: { key: 'errors.unauthenticated' },
  forbidden: { key: 'errors.forbidden' },
  not_found: { key: 'errors.notFound' },
  invalid: { key: 'errors.checkFields' },
  conflict: { key: 'errors.conflict' },
};

/** The error body in words, with `t` the translator of the whole catalog (for a line of a stream, say). */
export function errorBody(t: Translator, refusal: Refusal, rows?: ApiRowError[]): ApiErrorBody {
  const { key, values } =
    refusal.code === 'rate_limited' || refusal.code === 'internal'
      ? refusal.message
      : (refusal.message ?? usualMessage[refusal.code]);
  const fields = refusal.fieldErrors
    ? Object.fromEntries(Object.entries(refusal.fieldErrors).map(([field, m]) => [field, t(m.key, m.values)]))
    : undefined;
  return { error: { code: refusal.code, message: t(key, values), ...(fields && { fields }), ...(rows && { rows }) } };
}

/**
 * The one way an internal route handler refuses: the status follows the code (invalid: 400) unless `status`
 * says otherwise, and the texts are in the language of the person asking.
 */
export async function errorResponse(
  refusal: Refusal,
  init: { status?: number; headers?: HeadersInit; rows?: ApiRowError[] } = {},
): Promise<Response> {
  const body = errorBody(await getTranslations(), refusal, init.rows);
  return Response.json(body, { status: init.status ?? statusOf[refusal.code], headers: init.headers });
}
