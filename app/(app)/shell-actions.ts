'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signOut as endAuthSession } from '@/lib/auth/auth';
import { runAsPerson } from '@/lib/auth/run';
import { rememberOrganization } from '@/lib/auth/session';
import { safeNext } from '@/lib/auth/safe-next';
import { signOut, switchOrganization } from '@/lib/commands/accounts';

const redirectSchema = z.string().catch('/login');

/**
 * Signs this browser out: the server ends its session too, so a copied cookie is no good afterwards. The cookie goes
 * whatever the command answers (someone already signed out is signed out).
 */
export async function signOutAction(form: FormData) {
  await runAsPerson(signOut, {});
  await endAuthSession({ redirectTo: safeNext(redirectSchema.parse(form.get('redirectTo'))) });
}

/** Switches the active organization; only to one the person belongs to (checked here and on every request). */
export async function switchOrganizationAction(form: FormData) {
  const result = await runAsPerson(switchOrganization, { organizationId: form.get('organizationId') });
  if (result.ok) await rememberOrganization(result.data.organizationId);
  redirect('/');
}
