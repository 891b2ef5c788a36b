'use server';

import { redirect } from 'next/navigation';
import { runAsMember } from '@/lib/auth/run';
import { createLever, deleteLever, setLeverState, updateLever } from '@/lib/commands/levers';

// Thin wrappers: each runs one command as the signed-in member and refreshes what shows levers: the register and
// every lever, the impact cards, the journey map and the touchpoint pages (open blockers).
const shown = ['/levers', '/changes', '/touchpoints'];

export const createLeverAction = async (input: unknown) => runAsMember(createLever, input, shown);
export const updateLeverAction = async (input: unknown) => runAsMember(updateLever, input, shown);
export const setLeverStateAction = async (input: unknown) => runAsMember(setLeverState, input, shown);

/** A deleted lever's page is gone: back to the register. */
export const deleteLeverAction = async (input: unknown) => {
  const result = await runAsMember(deleteLever, input, shown);
  if (result.ok) redirect('/levers');
  return result;
};
