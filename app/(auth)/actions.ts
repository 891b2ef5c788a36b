'use server';

import { headers } from 'next/headers';
import { CredentialsSignin } from 'next-auth';
import { getDb } from '@/db/client';
import { lockedMinutes } from '@/db/queries/throttle';
import { clientAddress, signIn, throttleKeys } from '@/lib/auth/auth';
import type { ActionResult } from '@/lib/auth/errors';
import { currentUser, rememberOrganization } from '@/lib/auth/session';
import { acceptInvitation, joinWithInvitation, signUp } from '@/lib/commands/accounts';
import { signInSchema } from '@/lib/validation/auth';
import { fieldErrorsOf, type Message } from '@/lib/validation/messages';

async function tooManyAttempts(email: string): Promise<ActionResult<null> | null> {
  const keys = throttleKeys(email, clientAddress(await headers()));
  const minutes = await lockedMinutes(await getDb(), [keys.account, keys.address]);
  return minutes > 0
    ? { ok: false, code: 'rate_limited', message: { key: 'auth.tooManyAttempts', values: { minutes } } }
    : null;
}

async function startSession(email: string, password: string) {
  await signIn('credentials', { email, password, redirect: false });
}

export async function signInAction(input: unknown): Promise<ActionResult<null>> {
  const parsed = signInSchema.safeParse(input, { reportInput: true });
  if (!parsed.success)
    return {
      ok: false,
      code: 'invalid',
      message: { key: 'errors.checkFields' },
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  const locked = await tooManyAttempts(parsed.data.email);
  if (locked) return locked;
  try {
    await startSession(parsed.data.email, parsed.data.password);
    return { ok: true, data: null };
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    const nowLocked = await tooManyAttempts(parsed.data.email);
    if (nowLocked) return nowLocked;
    const wrong: Message = { key: 'auth.wrongCredentials' };
    return { ok: false, code: 'unauthenticated', message: wrong, fieldErrors: { password: wrong } };
  }
}

export async function signUpAction(input: unknown): Promise<ActionResult<null>> {
  const result = await signUp(await getDb(), input);
  if (!result.ok) return result;
  const { email, password } = input as { email: string; password: string };
  await startSession(email, password);
  await rememberOrganization(result.data.organizationId);
  return { ok: true, data: null };
}

export async function acceptInvitationAction(input: unknown): Promise<ActionResult<null>> {
  const result = await acceptInvitation(await getDb(), input);
  if (!result.ok) return result;
  await startSession(result.data.email, (input as { password: string }).password);
  await rememberOrganization(result.data.organizationId);
  return { ok: true, data: null };
}

export async function joinOrganizationAction(input: unknown): Promise<ActionResult<null>> {
  const user = await currentUser();
  if (!user) return { ok: false, code: 'unauthenticated', message: { key: 'errors.unauthenticated' } };
  const token = typeof (input as { token?: unknown })?.token === 'string' ? (input as { token: string }).token : '';
  const result = await joinWithInvitation(await getDb(), user.id, token);
  if (!result.ok) return result;
  await rememberOrganization(result.data.organizationId);
  return { ok: true, data: null };
}
