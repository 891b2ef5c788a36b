import 'server-only';
import { findApiKey, insertApiKey, markApiKeyRevoked } from '@/db/queries/api-keys';
import { newApiKey } from '@/lib/api/keys';
import { command, organizationScope } from '@/lib/auth/command';
import { refuse } from '@/lib/auth/errors';
import { apiKeyScopeValues, createApiKeySchema, revokeApiKeySchema } from '@/lib/validation/api-keys';

/** Creates an API key with the scopes chosen. The key itself is returned this once and never stored. */
export const createApiKey = command({
  permission: 'apiKey.manage',
  input: createApiKeySchema,
  load: organizationScope,
  run: async ({ tx, actor, input, audit }) => {
    // A key that may do nothing would only confuse whoever holds it.
    if (input.scopes.length === 0) throw refuse.field('scopes', 'apiKeys.scopesRequired');
    const scopes = apiKeyScopeValues.filter((scope) => input.scopes.includes(scope));
    const { key, prefix, hash } = newApiKey();
    const created = await insertApiKey(tx, actor.organizationId, {
      name: input.name,
      prefix,
      keyHash: hash,
      createdBy: actor.userId,
      scopes,
    });
    audit({
      action: 'apiKey.create',
      entityType: 'apiKey',
      entityId: created.id,
      changes: { name: input.name, prefix, scopes },
    });
    return { id: created.id, name: input.name, prefix, scopes, key };
  },
});

/** Revokes a key: requests with it are refused from now on. A revoked key stays listed, for the record. */
export const revokeApiKey = command({
  permission: 'apiKey.manage',
  input: revokeApiKeySchema,
  load: (tx, organizationId, input) => findApiKey(tx, organizationId, input.apiKeyId),
  run: async ({ tx, actor, input, resource, audit }) => {
    if (resource.revokedAt) throw refuse.conflict('apiKeys.alreadyRevoked');
    await markApiKeyRevoked(tx, actor.organizationId, input.apiKeyId);
    audit({
      action: 'apiKey.revoke',
      entityType: 'apiKey',
      entityId: input.apiKeyId,
      changes: { name: resource.name, prefix: resource.prefix },
    });
    return null;
  },
});
