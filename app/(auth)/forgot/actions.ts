'use server';

import { after } from 'next/server';
import type { ActionResult } from '@/lib/auth/errors';
import { runPublic } from '@/lib/auth/run';
import { type ForgotPasswordOutcome, requestPasswordReset } from '@/lib/commands/password-resets';
import { RESET_LINK_MINUTES } from '@/lib/domain/password-reset';
import { sendPasswordResetMail } from '@/lib/mail';
import { publicOrigin } from '@/lib/public-origin';

/** Every answer takes at least this long, so the work done for an address with an account does not show. */
const ANSWER_MS = 400;

/**
 * "Forgot password": mails a link when the address has an account, and answers the same whether or not it has
 * one. The mail goes out after the answer, so the time the mail server takes does not show either.
 */
export async function requestPasswordResetAction(input: unknown): Promise<ActionResult<null>> {
  const answerAt = Date.now() + ANSWER_MS;
  const origin = await publicOrigin();
  const result = await runPublic(requestPasswordReset, input);
  if (result.ok) mailAfterAnswering(result.data, origin);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, answerAt - Date.now())));
  if (!result.ok) return result;
  if (result.data.outcome === 'throttled') {
    return {
      ok: false,
      code: 'rate_limited',
      message: { key: 'passwordReset.tooManyRequests', values: { minutes: result.data.minutes } },
    };
  }
  return { ok: true, data: null };
}

function mailAfterAnswering(outcome: ForgotPasswordOutcome, origin: string) {
  if (outcome.outcome !== 'answered' || !outcome.mail) return;
  const { to, token } = outcome.mail;
  after(() => sendPasswordResetMail(to, `${origin}/reset/${token}`, RESET_LINK_MINUTES));
}
