'use server';

import { runAsMember } from '@/lib/auth/run';
import { answerPlanRequest, createPlanItem, setPromiseOwner, updatePlanItemDetails } from '@/lib/commands/plans';

// Thin wrappers: each runs one command as the signed-in member and refreshes the plans pages.
const plans = ['/plans', '/'];

export const addPlanItem = async (input: unknown) => runAsMember(createPlanItem, input, plans);
export const savePlanItem = async (input: unknown) => runAsMember(updatePlanItemDetails, input, plans);
export const answerRequest = async (input: unknown) => runAsMember(answerPlanRequest, input, plans);
export const choosePromiseOwner = async (input: unknown) =>
  runAsMember(setPromiseOwner, input, ['/settings', '/plans']);
