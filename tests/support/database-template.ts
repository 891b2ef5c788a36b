/**
 * Vitest global setup of the integration project: migrates one database per run, which every test file then
 * copies (tests/fixtures/database.ts). Runs once in the main process, so parallel workers cannot race on it.
 * - PGlite: an in-memory database is migrated and its data directory dumped to a temporary file; each file
 *   starts its own PGlite from that dump (skipping initdb and the migrations, most of the cost of a new one).
 * - PostgreSQL (TEST_DATABASE_URL): a migrated template database; each file gets `CREATE DATABASE ... TEMPLATE`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db/client';

/** Where a test file finds the migrated database to copy. */
export type DatabaseTemplate =
  { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; serverUrl: string; template: string; prefix: string };

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

/** Names of this run's databases: the template and every copy share it, so teardown finds leftovers. */
function runPrefix() {
  return `touchpoint_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function pgliteTemplate(): Promise<{ template: DatabaseTemplate; teardown: () => Promise<void> }> {
  const open = await openDatabase({ dir: 'memory' });
  const dir = await mkdtemp(path.join(tmpdir(), 'touchpoint-test-'));
  try {
    const client: unknown = (open.db as { $client?: unknown }).$client;
    if (!(client instanceof PGlite)) throw new Error('expected openDatabase to wrap a PGlite client');
    const dump = await client.dumpDataDir('gzip');
    const dumpFile = path.join(dir, 'migrated.tar.gz');
    await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
    return { template: { kind: 'pglite', dumpFile }, teardown: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await open.close();
  }
}

async function postgresTemplate(serverUrl: string) {
  const prefix = runPrefix();
  const template = `${prefix}_template`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  // Drops the template and any copy a crashed worker left behind.
  const dropAll = async () => {
    const names = await admin<{ datname: string }[]>`
      select datname from pg_database where starts_with(datname, ${`${prefix}_`})`;
    for (const { datname } of names) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  };
  try {
    await admin.unsafe(`CREATE DATABASE "${template}"`);
    // Migrated, then closed: PostgreSQL copies a template only while nobody is connected to it.
    const open = await openDatabase({ url: databaseUrl(serverUrl, template) });
    await open.close();
  } catch (error) {
    await dropAll().finally(() => admin.end({ timeout: 5 }));
    throw error;
  }
  return {
    template: { kind: 'postgres', serverUrl, template, prefix } satisfies DatabaseTemplate,
    teardown: () => dropAll().finally(() => admin.end({ timeout: 5 })),
  };
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const { template, teardown } = serverUrl ? await postgresTemplate(serverUrl) : await pgliteTemplate();
  project.provide('databaseTemplate', template);
  return teardown;
}
