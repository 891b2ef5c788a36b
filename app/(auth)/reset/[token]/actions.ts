'use server';

import type { ActionResult } from '@/lib/auth/errors';
import { runPublic } from '@/lib/auth/run';
import { resetPassword } from '@/lib/commands/password-resets';

/** Sets the new password from a reset link; the person then signs in with it. */
export async function resetPasswordAction(input: unknown): Promise<ActionResult<null>> {
  return runPublic(resetPassword, input);
}
