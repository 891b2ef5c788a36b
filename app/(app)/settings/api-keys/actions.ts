'use server';

import { runAsMember } from '@/lib/auth/run';
import { createApiKey, revokeApiKey } from '@/lib/commands/api-keys';

// Thin wrappers: each runs one command as the signed-in member and refreshes the key list.
export const addApiKey = async (input: unknown) => runAsMember(createApiKey, input, ['/settings/api-keys']);
export const revokeApiKeyAction = async (input: unknown) => runAsMember(revokeApiKey, input, ['/settings/api-keys']);
