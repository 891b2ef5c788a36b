/**
 * API keys in settings: who may create and revoke them, what they may do (their scopes), what is stored (only a
 * hash), and that revoking works at once.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertApiKey, listApiKeys } from '@/db/queries/api-keys';
import { apiKeys } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { snapshotOrganization, withNewAuditEvents } from '@/tests/fixtures/snapshots';
import { hashToken } from '@/lib/secrets/tokens';
import { ingestResponses } from '@/lib/api/ingest';
import { createApiKey, revokeApiKey } from '@/lib/commands/api-keys';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();
let own: OrganizationFixture;
let other: OrganizationFixture;
beforeAll(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
});

const run = auditedRun(() => db, { entityType: 'apiKey' });

function send(key: string, touchpointId: string) {
  return ingestResponses(
    db,
    new Request('http://test/api/v1/responses', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ responses: [{ touchpoint: touchpointId, metric: 'csat', score: 4 }] }),
    }),
  );
}

describe('creating a key', () => {
  it('lets an executive create a key, shown once, of which only the hash and a prefix are stored', async () => {
    const created = dataOf(
      await run(createApiKey, own.executive.actor, { name: ' Helpdesk export ' }, 'apiKey.create'),
    );
    expect(created.key).toMatch(/^tp_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row).toMatchObject({
      organizationId: own.organizationId,
      name: 'Helpdesk export',
      keyHash: hashToken(created.key),
      createdBy: own.executive.userId,
    });
    expect(JSON.stringify(row)).not.toContain(created.key.slice(created.prefix.length));
    const listed = await listApiKeys(db, own.organizationId);
    expect(listed.find((k) => k.id === created.id)).toEqual({
      id: created.id,
      name: 'Helpdesk export',
      prefix: created.prefix,
      scopes: ['ingest'],
      createdByName: expect.any(String),
      createdAt: expect.any(Date),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(row!.keyHash);
  });

  it('gives every key a different secret', async () => {
    const a = dataOf(await run(createApiKey, own.executive.actor, { name: 'A' }));
    const b = dataOf(await run(createApiKey, own.executive.actor, { name: 'A' }));
    expect(a.key).not.toBe(b.key);
  });

  it('refuses leads and staff, whatever the scopes, and stores nothing', async () => {
    const before = await snapshotOrganization(db, own.organizationId);
    for (const actor of [own.lead.actor, own.staff.actor]) {
      for (const scopes of [undefined, ['read'], ['ingest', 'read']]) {
        expect(await run(createApiKey, actor, { name: 'Sneaky', scopes })).toMatchObject({
          ok: false,
          code: 'forbidden',
        });
      }
    }
    expect(await snapshotOrganization(db, own.organizationId)).toBe(before);
  });

  it('asks for a name', async () => {
    for (const name of ['', '   ', 'x'.repeat(61)]) {
      expect(await run(createApiKey, own.executive.actor, { name })).toMatchObject({
        ok: false,
        code: 'invalid',
        fieldErrors: { name: expect.any(Object) },
      });
    }
  });
});

describe('issue 11: choosing what a key may do', () => {
  const scopesOf = async (id: string) =>
    (await db.select({ scopes: apiKeys.scopes }).from(apiKeys).where(eq(apiKeys.id, id)))[0]!.scopes;

  it('lets an executive create a read-only key, or one with both scopes, as the form sends them', async () => {
    // The form sends a hidden empty entry, then the boxes checked.
    const readOnly = dataOf(
      await run(createApiKey, own.executive.actor, { name: 'BI export', scopes: ['', 'read'] }, 'apiKey.create'),
    );
    expect(readOnly.scopes).toEqual(['read']);
    expect(await scopesOf(readOnly.id)).toEqual(['read']);
    const both = dataOf(await run(createApiKey, own.executive.actor, { name: 'Both', scopes: ['', 'read', 'ingest'] }));
    expect(await scopesOf(both.id)).toEqual(['ingest', 'read']);
    const listed = await listApiKeys(db, own.organizationId);
    expect(listed.find((k) => k.id === readOnly.id)?.scopes).toEqual(['read']);
    expect(listed.find((k) => k.id === both.id)?.scopes).toEqual(['ingest', 'read']);
  });

  it('records the scopes in the audit event', async () => {
    const { result, events } = await withNewAuditEvents(db, own.organizationId, () =>
      createApiKey.execute(db, own.executive.actor, { name: 'Audited', scopes: ['read'] }),
    );
    expect(result.ok).toBe(true);
    expect(events[0]?.changes).toMatchObject({ name: 'Audited', scopes: ['read'] });
  });

  it('asks for at least one scope, next to the field, and stores nothing', async () => {
    const before = await snapshotOrganization(db, own.organizationId);
    for (const scopes of ['', [''], []]) {
      expect(await run(createApiKey, own.executive.actor, { name: 'Nothing', scopes })).toMatchObject({
        ok: false,
        code: 'invalid',
        fieldErrors: { scopes: { key: 'apiKeys.scopesRequired' } },
      });
    }
    expect(await run(createApiKey, own.executive.actor, { name: 'Admin', scopes: ['admin'] })).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { scopes: expect.any(Object) },
    });
    expect(await snapshotOrganization(db, own.organizationId)).toBe(before);
  });

  it('gives a key made without choosing (as before scopes existed) the ingest scope', async () => {
    const created = dataOf(await run(createApiKey, own.executive.actor, { name: 'Old way' }));
    expect(await scopesOf(created.id)).toEqual(['ingest']);
    const inserted = await insertApiKey(db, own.organizationId, {
      name: 'Stored before scopes',
      prefix: 'tp_before',
      keyHash: hashToken(`tp_${'b'.repeat(43)}`),
      createdBy: own.executive.userId,
    });
    expect(inserted.scopes).toEqual(['ingest']);
  });

  it('a read-only key cannot send answers: 403, nothing stored', async () => {
    const readOnly = dataOf(await run(createApiKey, own.executive.actor, { name: 'Reader', scopes: ['read'] }));
    const before = await snapshotOrganization(db, own.organizationId);
    const response = await send(readOnly.key, own.touchpointId);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'forbidden' });
    expect(await snapshotOrganization(db, own.organizationId)).toBe(before);
  });
});

describe('revoking a key', () => {
  it('lets an executive revoke a key, which stops working at once', async () => {
    const created = dataOf(await run(createApiKey, own.executive.actor, { name: 'To revoke' }));
    expect((await send(created.key, own.touchpointId)).status).toBe(201);
    await run(revokeApiKey, own.executive.actor, { apiKeyId: created.id }, 'apiKey.revoke');
    expect((await send(created.key, own.touchpointId)).status).toBe(401);
    const listed = (await listApiKeys(db, own.organizationId)).find((k) => k.id === created.id);
    expect(listed?.revokedAt).toBeInstanceOf(Date);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('refuses leads and staff; the key keeps working', async () => {
    const created = dataOf(await run(createApiKey, own.executive.actor, { name: 'Kept' }));
    for (const actor of [own.lead.actor, own.staff.actor]) {
      expect(await run(revokeApiKey, actor, { apiKeyId: created.id })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect((await send(created.key, own.touchpointId)).status).toBe(201);
  });

  it("treats another organization's key as not found and leaves it working", async () => {
    const theirs = dataOf(await run(createApiKey, other.executive.actor, { name: 'Theirs' }));
    const before = await snapshotOrganization(db, other.organizationId);
    expect(await run(revokeApiKey, own.executive.actor, { apiKeyId: theirs.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await snapshotOrganization(db, other.organizationId)).toBe(before);
    expect((await send(theirs.key, other.touchpointId)).status).toBe(201);
  });

  it('says so when the key is already revoked, or the id is not a key', async () => {
    const created = dataOf(await run(createApiKey, own.executive.actor, { name: 'Twice' }));
    await run(revokeApiKey, own.executive.actor, { apiKeyId: created.id });
    expect(await run(revokeApiKey, own.executive.actor, { apiKeyId: created.id })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: { key: 'apiKeys.alreadyRevoked' },
    });
    expect(await run(revokeApiKey, own.executive.actor, { apiKeyId: 'not-an-id' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });
});
