/**
 * The PGlite data-directory lock (db/lock.ts). Always runs on PGlite on disk, whatever TEST_DATABASE_URL says.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase } from '@/db/client';
import { DataDirLockedError } from '@/db/lock';

const dirs: string[] = [];
const opened: OpenDatabase[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-lock-test-'));
  dirs.push(dir);
  return dir;
}
async function open(dir: string): Promise<OpenDatabase> {
  const database = await openDatabase({ dir });
  opened.push(database);
  return database;
}
async function close(database: OpenDatabase) {
  opened.splice(opened.indexOf(database), 1);
  await database.close();
}
const lockFile = (dir: string) => path.join(dir, 'touchpoint.lock');
const holderOf = (dir: string) => JSON.parse(readFileSync(lockFile(dir), 'utf8')) as { pid: number; host: string };
function writeLock(dir: string, pid: number, host = hostname()) {
  writeFileSync(lockFile(dir), JSON.stringify({ pid, host, command: 'x', since: '2030-01-01T00:00:00.000Z' }));
}
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('refuses a second open in the same process, naming this process', async () => {
    const dir = tempDir();
    const first = await open(dir);
    expect(holderOf(dir)).toMatchObject({ pid: process.pid, host: hostname() });

    const second = openDatabase({ dir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`in use by process ${process.pid} on ${hostname()}`);
    await expect(second).rejects.toThrow(dir);

    // The first connection is unharmed and still holds the lock.
    expect(await first.db.execute(sql`select 1 as one`)).toBeTruthy();
    expect(holderOf(dir).pid).toBe(process.pid);
  });

  it('releases the lock on close, so the directory opens again with its data', async () => {
    const dir = tempDir();
    const first = await open(dir);
    await first.db.execute(sql`create table kept (v text)`);
    await first.db.execute(sql`insert into kept values ('still here')`);
    await close(first);
    expect(existsSync(lockFile(dir))).toBe(false);

    const again = await open(dir);
    const result = (await again.db.execute(sql`select v from kept`)) as unknown as { rows: { v: string }[] };
    expect(result.rows).toEqual([{ v: 'still here' }]);
    expect(holderOf(dir).pid).toBe(process.pid);
  });

  it('takes over a stale lock left by a process that no longer runs', async () => {
    expect(isAlive(999999), 'pid 999999 must not be running for this test').toBe(false);
    const dir = tempDir();
    writeLock(dir, 999999);
    const database = await open(dir);
    expect(holderOf(dir)).toMatchObject({ pid: process.pid, host: hostname() });
    await close(database);
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it('refuses a lock held by another running process on this host, and leaves it in place', async () => {
    const dir = tempDir();
    writeLock(dir, process.ppid);
    await expect(openDatabase({ dir })).rejects.toThrow(new RegExp(`in use by process ${process.ppid} on `));
    expect(holderOf(dir).pid).toBe(process.ppid);
  });

  it('refuses a lock held on another host, even with a pid that is not running here', async () => {
    const dir = tempDir();
    writeLock(dir, 999999, 'some-other-host');
    await expect(openDatabase({ dir })).rejects.toBeInstanceOf(DataDirLockedError);
    expect(holderOf(dir)).toMatchObject({ pid: 999999, host: 'some-other-host' });
  });
});
