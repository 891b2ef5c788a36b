'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import type { ActionResult } from '@/lib/auth/errors';
import { currentUser } from '@/lib/auth/session';
import { changePassword, updateProfile } from '@/lib/commands/accounts';

const unauthenticated = { ok: false, code: 'unauthenticated', message: { key: 'errors.unauthenticated' } } as const;

export async function saveProfile(input: unknown): Promise<ActionResult<null>> {
  const user = await currentUser();
  if (!user) return unauthenticated;
  const result = await updateProfile(await getDb(), user.id, input);
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export async function savePassword(input: unknown): Promise<ActionResult<null>> {
  const user = await currentUser();
  if (!user) return unauthenticated;
  return changePassword(await getDb(), user.id, input);
}
