'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { membershipsOfUser } from '@/db/queries/users';
import { signOut } from '@/lib/auth/auth';
import { currentUser, rememberOrganization } from '@/lib/auth/session';

const redirectSchema = z
  .string()
  .regex(/^\/(?!\/)/)
  .catch('/login');

export async function signOutAction(form: FormData) {
  await signOut({ redirectTo: redirectSchema.parse(form.get('redirectTo')) });
}

/** Switches the active organization; only to one the person belongs to (checked here and on every request). */
export async function switchOrganizationAction(form: FormData) {
  const user = await currentUser();
  if (!user) redirect('/login');
  const organizationId = z.string().uuid().safeParse(form.get('organizationId'));
  if (organizationId.success) {
    const mine = await membershipsOfUser(await getDb(), user.id);
    if (mine.some((m) => m.organizationId === organizationId.data)) {
      await rememberOrganization(organizationId.data);
    }
  }
  redirect('/');
}
