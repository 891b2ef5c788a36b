'use server';

import { after } from 'next/server';
import { signIn as startAuthSession } from '@/lib/auth/auth';
import { rememberDevice } from '@/lib/auth/cookies';
import type { ActionResult } from '@/lib/auth/errors';
import { runAsPerson, runPublic } from '@/lib/auth/run';
import { rememberOrganization } from '@/lib/auth/session';
import {
  acceptInvitation,
  confirmSignUp,
  joinOrganization,
  type SessionStart,
  signIn,
  signUp,
} from '@/lib/commands/accounts';
import { addressTakenMail, confirmSignUpMail, sendMail } from '@/lib/mail';
import { publicOrigin } from '@/lib/public-origin';
import type { Message } from '@/lib/validation/messages';

/** The command checked the password (or created the account): keep the device cookie and start the session. */
async function startSession(start: SessionStart) {
  await rememberDevice(start.email, start.deviceToken);
  await startAuthSession('credentials', { grant: start.grant, redirect: false });
}

export async function signInAction(input: unknown): Promise<ActionResult<null>> {
  const result = await runPublic(signIn, input);
  if (!result.ok) return result;
  const outcome = result.data;
  if (outcome.outcome === 'throttled') {
    return {
      ok: false,
      code: 'rate_limited',
      message: { key: 'auth.tooManyAttempts', values: { minutes: outcome.minutes } },
    };
  }
  if (outcome.outcome === 'wrong') {
    const wrong: Message = { key: 'auth.wrongCredentials' };
    return { ok: false, code: 'unauthenticated', message: wrong, fieldErrors: { password: wrong } };
  }
  await startSession(outcome);
  return { ok: true, data: null };
}

/** Signs up; with mail configured the answer is "check your mail", the same whether or not the address is taken. */
export async function signUpAction(input: unknown): Promise<ActionResult<{ checkMail: boolean }>> {
  const result = await runPublic(signUp, input);
  if (!result.ok) return result;
  const outcome = result.data;
  if (outcome.outcome === 'email_taken') {
    return {
      ok: false,
      code: 'invalid',
      message: { key: 'errors.checkFields' },
      fieldErrors: { email: { key: 'validation.emailTaken' } },
    };
  }
  if (outcome.outcome === 'check_mail') {
    const link = outcome.confirmToken && `${await publicOrigin()}/signup/confirm/${outcome.confirmToken}`;
    // After the answer, so the mail server's time does not tell a taken address from a free one.
    const mail = link ? confirmSignUpMail(outcome.email, link, outcome.hours) : addressTakenMail(outcome.email);
    after(() => sendMail(mail));
    return { ok: true, data: { checkMail: true } };
  }
  await startSession(outcome);
  await rememberOrganization(outcome.organizationId);
  return { ok: true, data: { checkMail: false } };
}

/** Opens the link of a sign-up's confirmation mail: creates the account and organization, and signs in. */
export async function confirmSignUpAction(input: unknown): Promise<ActionResult<null>> {
  const result = await runPublic(confirmSignUp, input);
  if (!result.ok) return result;
  await startSession(result.data);
  await rememberOrganization(result.data.organizationId);
  return { ok: true, data: null };
}

export async function acceptInvitationAction(input: unknown): Promise<ActionResult<null>> {
  const result = await runPublic(acceptInvitation, input);
  if (!result.ok) return result;
  await startSession(result.data);
  await rememberOrganization(result.data.organizationId);
  return { ok: true, data: null };
}

export async function joinOrganizationAction(input: unknown): Promise<ActionResult<null>> {
  const result = await runAsPerson(joinOrganization, input);
  if (!result.ok) return result;
  await rememberOrganization(result.data.organizationId);
  return { ok: true, data: null };
}
