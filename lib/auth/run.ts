import 'server-only';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { clientAddress, userAgentOf } from '@/lib/http/client-address';
import type { Command, PersonCommand, PublicCommand, Visitor } from './command';
import { deviceTokens } from './cookies';
import type { ActionResult } from './errors';
import { currentMember, currentPerson } from './session';

function refresh(result: ActionResult<unknown>, revalidate: string[]) {
  if (result.ok) for (const path of revalidate) revalidatePath(path, 'layout');
}

/** Runs a command as the signed-in member and refreshes the pages it changed. */
export async function runAsMember<R>(
  command: Command<R>,
  input: unknown,
  revalidate: string[] = [],
): Promise<ActionResult<R>> {
  const member = await currentMember();
  const result = await command.execute(await getDb(), member?.actor ?? null, input);
  refresh(result, revalidate);
  return result;
}

async function visitor(): Promise<Visitor> {
  const h = await headers();
  return { address: clientAddress(h), userAgent: userAgentOf(h), deviceTokens: await deviceTokens() };
}

/** Runs a command on the signed-in person's own account. */
export async function runAsPerson<R>(
  command: PersonCommand<R>,
  input: unknown,
  revalidate: string[] = [],
): Promise<ActionResult<R>> {
  const result = await command.execute(await getDb(), await currentPerson(), await visitor(), input);
  refresh(result, revalidate);
  return result;
}

/** Runs a command for someone not signed in (signing in, signing up, accepting an invitation). */
export async function runPublic<R>(command: PublicCommand<R>, input: unknown): Promise<ActionResult<R>> {
  return command.execute(await getDb(), await visitor(), input);
}
