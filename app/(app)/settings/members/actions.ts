'use server';

import { runAsMember } from '@/lib/auth/run';
import { issuePasswordReset } from '@/lib/commands/password-resets';
import { RESET_LINK_MINUTES } from '@/lib/domain/password-reset';
import { sendPasswordResetMail } from '@/lib/mail';
import { publicOrigin } from '@/lib/public-origin';

/** Issues a reset link for a member and returns it to copy, once; mails it too when SMTP_URL is set. */
export async function issueResetLink(input: unknown) {
  const result = await runAsMember(issuePasswordReset, input);
  if (!result.ok) return result;
  const link = `${await publicOrigin()}/reset/${result.data.token}`;
  const mailed = await sendPasswordResetMail(result.data.email, link, RESET_LINK_MINUTES);
  return { ok: true as const, data: { link, email: result.data.email, mailed } };
}
