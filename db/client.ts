import 'server-only';
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { dataDir, env, makePrivateDir } from '@/lib/env';
import { lockDataDir } from './lock';
import * as schema from './schema';

/** A database or a transaction: queries take either. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenDatabase {
  db: Database;
  kind: DatabaseKind;
  close: () => Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Any fixed number: the key of the advisory lock that lets one server at a time migrate a shared database. */
const MIGRATION_LOCK_KEY = 7_325_001;

/** Runs the migrations while holding a session advisory lock, so servers starting together take turns. */
async function withMigrationLock(url: string, migrate: () => Promise<unknown>) {
  const lock = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate();
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    await lock.end({ timeout: 5 });
  }
}

/**
 * The one place that decides the driver: a PostgreSQL URL -> postgres.js; otherwise embedded PGlite,
 * stored in `dir` (locked for this process) or in memory. Migrations are applied before it is returned.
 */
export async function openDatabase(options: {
  url?: string;
  dir?: string | 'memory';
  /** In memory only: start from this dump of a data directory (PGlite's dumpDataDir), e.g. a migrated one. */
  loadDataDir?: Blob;
}): Promise<OpenDatabase> {
  if (options.url) {
    const client = postgres(options.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres({ client, schema }) as unknown as Database;
    try {
      await withMigrationLock(options.url, () => migratePostgres(db as never, { migrationsFolder }));
    } catch (error) {
      await client.end({ timeout: 5 });
      throw error;
    }
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const dir = options.dir ?? 'memory';
  const release = dir === 'memory' ? () => {} : lockDataDir(dir);
  const files = dir === 'memory' ? null : path.join(dir, 'pglite');
  let client: PGlite | undefined;
  try {
    if (files) makePrivateDir(files);
    client = files ? new PGlite(files) : new PGlite({ loadDataDir: options.loadDataDir });
    await client.waitReady;
    const db = drizzlePglite({ client, schema }) as unknown as Database;
    await migratePglite(db as never, { migrationsFolder });
    if (files) makeOwnerOnly(files);
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await client?.close();
        if (files) makeOwnerOnly(files);
        release();
      },
    };
  } catch (error) {
    await client?.close().catch(() => {});
    release();
    throw error;
  }
}

/**
 * PGlite writes its files readable and writable by everyone (0666, whatever the umask): make every file 0600 and
 * every folder 0700. Files it adds later stay behind folders only the owner may enter.
 */
function makeOwnerOnly(dir: string) {
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, name);
    try {
      const entry = lstatSync(file);
      if (entry.isDirectory() || entry.isFile()) chmodSync(file, entry.isDirectory() ? 0o700 : 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // a file PGlite removed meanwhile
    }
  }
  chmodSync(dir, 0o700);
}

interface ProcessDatabase {
  opening: Promise<OpenDatabase>;
  ready: boolean;
}

// One database per process, shared by every bundle Next builds (route handlers, pages, instrumentation).
const holder = globalThis as typeof globalThis & { __touchpointDatabase?: ProcessDatabase };

/** This process's database, opened and migrated on first use. */
export function processDatabase(): Promise<OpenDatabase> {
  if (!holder.__touchpointDatabase) {
    const url = env().DATABASE_URL;
    const state: ProcessDatabase = {
      ready: false,
      opening: openDatabase(url ? { url } : { dir: dataDir() }).then((open) => {
        state.ready = true;
        return open;
      }),
    };
    state.opening.catch(() => {
      delete holder.__touchpointDatabase; // let the next request try again and report the cause
    });
    holder.__touchpointDatabase = state;
  }
  return holder.__touchpointDatabase.opening;
}

export async function getDb(): Promise<Database> {
  return (await processDatabase()).db;
}

/** True once migrations have been applied in this process. */
export function isDatabaseReady(): boolean {
  return holder.__touchpointDatabase?.ready ?? false;
}

export function configuredKind(): DatabaseKind {
  return env().DATABASE_URL ? 'postgres' : 'pglite';
}
