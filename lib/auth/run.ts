import 'server-only';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import type { Command } from './command';
import type { ActionResult } from './errors';
import { currentMember } from './session';

/** Runs a command as the signed-in member and refreshes the pages it changed. */
export async function runAsMember<R>(
  command: Command<R>,
  input: unknown,
  revalidate: string[] = [],
): Promise<ActionResult<R>> {
  const member = await currentMember();
  const result = await command.execute(await getDb(), member?.actor ?? null, input);
  if (result.ok) for (const path of revalidate) revalidatePath(path, 'layout');
  return result;
}
