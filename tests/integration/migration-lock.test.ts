/**
 * Servers that start together against one PostgreSQL database take turns migrating it (an advisory lock),
 * so none of them fails on a half-created schema. PostgreSQL only: PGlite has its own data-directory lock.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';

const serverUrl = process.env.TEST_DATABASE_URL;

describe('migrations on a shared PostgreSQL database', () => {
  (serverUrl ? it : it.skip)('succeed when four servers start at once on an empty database', async () => {
    const name = `touchpoint_test_${process.pid}_${randomBytes(6).toString('hex')}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(serverUrl!);
      url.pathname = `/${name}`;
      const opened = await Promise.allSettled([1, 2, 3, 4].map(() => openDatabase({ url: url.toString() })));
      for (const result of opened) if (result.status === 'fulfilled') await result.value.close();
      expect(opened.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    }
  });
});
