/**
 * Item 17: the demo organization (public passwords) is seeded into an empty database by default only when it is the
 * embedded one; on PostgreSQL only with SEED_DEMO=true; and the start-up banner says its passwords are public.
 * startUp() runs as the server runs it, on the test's database, told which kind it is.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseKind } from '@/db/client';
import { organizations } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed';
import { useTestDatabase } from '@/tests/fixtures/database';

const state = vi.hoisted(() => ({ db: null as unknown, kind: 'pglite' as DatabaseKind }));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  processDatabase: async () => ({ db: state.db, kind: state.kind, close: async () => {} }),
}));

const db = useTestDatabase();

async function organizationCount(): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  return row?.n ?? 0;
}

/** Starts up as the server does, with this database kind and environment; returns what it printed. */
async function startUpWith(kind: DatabaseKind, seedDemo: string | undefined): Promise<string> {
  state.db = db;
  state.kind = kind;
  vi.stubEnv('SEED_DEMO', seedDemo ?? '');
  vi.resetModules(); // env() reads the environment once per module instance
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`start-up exited with ${code}`);
  });
  try {
    const { startUp } = await import('@/db/start-up');
    await startUp();
  } finally {
    log.mockRestore();
    error.mockRestore();
    exit.mockRestore();
  }
  return printed.join('\n');
}

afterEach(() => vi.unstubAllEnvs());

describe('item 17: the demo organization is seeded by default only on the embedded database', () => {
  it('on PostgreSQL, an empty database stays empty unless SEED_DEMO=true', async () => {
    const printed = await startUpWith('postgres', undefined);
    expect(await organizationCount()).toBe(0);
    expect(printed).not.toContain(DEMO_PASSWORD);
  });

  it('on the embedded database, SEED_DEMO=false keeps it empty too', async () => {
    await startUpWith('pglite', 'false');
    expect(await organizationCount()).toBe(0);
  });

  it('on PostgreSQL with SEED_DEMO=true it is seeded, and the banner says the demo passwords are public', async () => {
    const printed = await startUpWith('postgres', 'true');
    expect(await organizationCount()).toBe(1);
    expect(printed).toContain('Seeded the demo organization');
    expect(printed).toContain(`password: ${DEMO_PASSWORD}`);
    expect(printed).toMatch(/demo passwords are public/i);
    expect(printed).toContain('npm run db:seed -- --remove');
  });

  it('keeps warning at every start while the demo logins exist, without seeding again', async () => {
    const printed = await startUpWith('pglite', undefined);
    expect(await organizationCount()).toBe(1);
    expect(printed).not.toContain('Seeded the demo organization');
    expect(printed).toMatch(/demo passwords are public/i);
  });

  it('refuses a SEED_DEMO that is neither true nor false', async () => {
    await expect(startUpWith('pglite', 'yes')).rejects.toThrow('exited with 1');
  });
});
