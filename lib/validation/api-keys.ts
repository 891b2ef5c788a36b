import { z } from 'zod';
import { id, name } from './common';

export const createApiKeySchema = z.object({ name: name(60) });
export const revokeApiKeySchema = z.object({ apiKeyId: id });
