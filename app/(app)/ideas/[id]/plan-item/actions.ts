'use server';

import { runAsMember } from '@/lib/auth/run';
import { createPlanItem } from '@/lib/commands/plans';

export const addPlanItemFromIdea = async (input: unknown) =>
  runAsMember(createPlanItem, input, ['/plans', '/ideas', '/']);
