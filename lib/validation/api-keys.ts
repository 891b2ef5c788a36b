import { z } from 'zod';
import { id, name } from './common';

/** What a key may do: send answers to POST /api/v1/responses, and read data from the read API. */
export const apiKeyScopeValues = ['ingest', 'read'] as const;
export type ApiKeyScopeValue = (typeof apiKeyScopeValues)[number];

const isScope = (value: string): value is ApiKeyScopeValue => (apiKeyScopeValues as readonly string[]).includes(value);

/**
 * The scopes chosen for a new key. A form sends a hidden empty entry before its checkboxes, so a form with none
 * checked arrives as an empty list (refused by the command, next to the field); a caller that sends no field at all
 * gets what every key had before scopes: 'ingest'.
 */
const scopes = z.preprocess(
  (v) =>
    v === undefined
      ? ['ingest']
      : [...new Set((Array.isArray(v) ? v : [v]).filter((scope) => scope !== '' && scope !== null))],
  z
    .array(z.string())
    // One message for the whole group (not per box), so the form shows it next to the field.
    .refine((list) => list.every(isScope), 'validation.choice')
    .transform((list) => list.filter(isScope)),
);

export const createApiKeySchema = z.object({ name: name(60), scopes });
export const revokeApiKeySchema = z.object({ apiKeyId: id });
