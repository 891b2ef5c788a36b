/**
 * Item 16: the data directory is its owner's alone. Runs on PGlite on disk in a temporary folder, whatever
 * TEST_DATABASE_URL says.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/db/client';
import { lockDataDir } from '@/db/lock';

const root = mkdtempSync(path.join(tmpdir(), 'touchpoint-data-dir-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (file: string) => statSync(file).mode & 0o777;

/** Every file and folder under `dir` that someone other than the owner may read, write or enter. */
function openToOthers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => (modeOf(file) & 0o077) !== 0)
    .map((file) => `${path.relative(dir, file)} ${modeOf(file).toString(8)}`);
}

describe('item 16: the data directory and its files are readable by the owner only', () => {
  const dir = path.join(root, 'fresh', 'data');

  it('creates the directory 0700, and the database files and the lock 0600', async () => {
    const open = await openDatabase({ dir });
    try {
      expect(modeOf(path.join(root, 'fresh', 'data'))).toBe(0o700);
      expect(modeOf(path.join(dir, 'touchpoint.lock'))).toBe(0o600);
      expect(readdirSync(path.join(dir, 'pglite')).length).toBeGreaterThan(5);
      expect(openToOthers(dir)).toEqual([]);
    } finally {
      await open.close();
    }
    expect(openToOthers(dir)).toEqual([]);
  });

  it('tightens a directory and database files that were open to others', async () => {
    chmodSync(dir, 0o755);
    for (const name of readdirSync(path.join(dir, 'pglite'), { recursive: true, encoding: 'utf8' })) {
      const file = path.join(dir, 'pglite', name);
      chmodSync(file, statSync(file).isDirectory() ? 0o777 : 0o666);
    }
    const open = await openDatabase({ dir });
    try {
      expect(openToOthers(dir)).toEqual([]);
      expect(modeOf(dir)).toBe(0o700);
    } finally {
      await open.close();
    }
  });

  it('the lock alone makes the directory private too', () => {
    const lockOnly = path.join(root, 'lock-only');
    mkdirSync(lockOnly, { mode: 0o755 });
    chmodSync(lockOnly, 0o755);
    const release = lockDataDir(lockOnly);
    try {
      expect(modeOf(lockOnly)).toBe(0o700);
      expect(modeOf(path.join(lockOnly, 'touchpoint.lock'))).toBe(0o600);
    } finally {
      release();
    }
  });

  it('writes the generated auth secret 0600 in a 0700 directory, and tightens one copied in loosely', async () => {
    const secretDir = path.join(root, 'secret');
    vi.stubEnv('DATA_DIR', secretDir);
    vi.stubEnv('AUTH_SECRET', '');
    try {
      vi.resetModules(); // env() reads the environment once per module instance
      const first = await import('@/lib/env');
      const secret = first.authSecret();
      expect(modeOf(secretDir)).toBe(0o700);
      expect(modeOf(path.join(secretDir, 'auth-secret'))).toBe(0o600);

      chmodSync(secretDir, 0o755);
      writeFileSync(path.join(secretDir, 'auth-secret'), secret, { mode: 0o644 });
      chmodSync(path.join(secretDir, 'auth-secret'), 0o644);
      vi.resetModules();
      const second = await import('@/lib/env');
      expect(second.authSecret()).toBe(secret);
      expect(openToOthers(secretDir)).toEqual([]);
      expect(modeOf(secretDir)).toBe(0o700);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
