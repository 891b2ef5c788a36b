'use server';

import { runAsMember } from '@/lib/auth/run';
import { logImprovement, updateImprovementDetails } from '@/lib/commands/weekly';

// Thin wrappers; the grid refreshes itself through TanStack Query, the weekly pages through revalidation.
export const logImprovementAction = async (input: unknown) => runAsMember(logImprovement, input, ['/weekly']);
export const saveImprovementAction = async (input: unknown) =>
  runAsMember(updateImprovementDetails, input, ['/weekly']);
