'use server';

import type { ActionResult } from '@/lib/auth/errors';
import { runAsPerson } from '@/lib/auth/run';
import { changePassword, signOutDevice, signOutEverywhere, updateProfile } from '@/lib/commands/accounts';

export async function saveProfile(input: unknown): Promise<ActionResult<null>> {
  return runAsPerson(updateProfile, input, ['/']);
}

export async function savePassword(input: unknown): Promise<ActionResult<null>> {
  const result = await runAsPerson(changePassword, input, ['/profile']);
  if (!result.ok) return result;
  if (!result.data.changed) {
    return {
      ok: false,
      code: 'invalid',
      message: { key: 'errors.checkFields' },
      fieldErrors: { currentPassword: { key: 'validation.wrongPassword' } },
    };
  }
  return { ok: true, data: null };
}

export async function signOutEverywhereAction(input: unknown): Promise<ActionResult<null>> {
  return runAsPerson(signOutEverywhere, input, ['/profile']);
}

export async function signOutDeviceAction(input: unknown): Promise<ActionResult<null>> {
  return runAsPerson(signOutDevice, input, ['/profile']);
}
