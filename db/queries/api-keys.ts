import 'server-only';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type ApiKeyScope, apiKeys, users } from '@/db/schema';

/** A key as settings show it: never its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  /** What the key may do: send answers ('ingest'), read data ('read'). */
  scopes: ApiKeyScope[];
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listApiKeys(db: Database, organizationId: string): Promise<ApiKeyView[]> {
  return (
    db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        scopes: apiKeys.scopes,
        createdByName: users.name,
        createdAt: apiKeys.createdAt,
        lastUsedAt: apiKeys.lastUsedAt,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .leftJoin(users, eq(users.id, apiKeys.createdBy))
      .where(eq(apiKeys.organizationId, organizationId))
      // Keys in use first, newest first within each group.
      .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt))
  );
}

export async function findApiKey(db: Database, organizationId: string, apiKeyId: string) {
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.organizationId, organizationId), eq(apiKeys.id, apiKeyId)));
  return row ?? null;
}

export async function insertApiKey(
  db: Database,
  organizationId: string,
  values: { name: string; prefix: string; keyHash: string; createdBy: string; scopes?: ApiKeyScope[] },
) {
  const [row] = await db
    .insert(apiKeys)
    .values({ organizationId, ...values })
    .returning({ id: apiKeys.id, prefix: apiKeys.prefix, scopes: apiKeys.scopes });
  return row!;
}

export async function markApiKeyRevoked(db: Database, organizationId: string, apiKeyId: string) {
  await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.organizationId, organizationId), eq(apiKeys.id, apiKeyId), isNull(apiKeys.revokedAt)));
}

/**
 * The key with this hash, in whichever organization holds it: the one lookup that cannot be scoped to an
 * organization in advance, because the key is what tells us the organization.
 */
export async function apiKeyByHash(db: Database, keyHash: string) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      organizationId: apiKeys.organizationId,
      scopes: apiKeys.scopes,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, keyHash));
  return row ?? null;
}

/** Notes that a key was used; written at most once a minute per key, so a busy sender does not cost a write per call. */
export async function touchApiKey(db: Database, organizationId: string, apiKeyId: string, now = new Date()) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.organizationId, organizationId),
        eq(apiKeys.id, apiKeyId),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - 60_000))),
      ),
    );
}
