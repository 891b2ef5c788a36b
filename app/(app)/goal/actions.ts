'use server';

import { runAsMember } from '@/lib/auth/run';
import { acknowledgeGoal, publishGoal, saveGoalDraft } from '@/lib/commands/goal';

// Thin wrappers: each runs one command as the signed-in member and refreshes the goal pages (and the plans that cite it).
const goalPages = ['/goal', '/plans'];

export const saveDraft = async (input: unknown) => runAsMember(saveGoalDraft, input, ['/goal/edit']);
export const publish = async (input: unknown) => runAsMember(publishGoal, input, goalPages);
export const confirmRead = async (input: unknown) => runAsMember(acknowledgeGoal, input, ['/goal']);
