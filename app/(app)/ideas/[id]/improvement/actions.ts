'use server';

import { runAsMember } from '@/lib/auth/run';
import { logImprovement } from '@/lib/commands/weekly';

export const logImprovementFromIdea = async (input: unknown) =>
  runAsMember(logImprovement, input, ['/weekly', '/ideas', '/']);
