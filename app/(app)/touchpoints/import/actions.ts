'use server';

import { runAsMember } from '@/lib/auth/run';
import { undoImport } from '@/lib/commands/imports';

export const undoImportAction = async (input: unknown) => runAsMember(undoImport, input, ['/touchpoints']);
