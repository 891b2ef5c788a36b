import { linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { makePrivateDir } from '@/lib/env';

/** PGlite has no lock of its own: two processes on one data directory would lose data. */
export class DataDirLockedError extends Error {
  constructor(dir: string, holder: LockHolder) {
    super(
      `The embedded database in ${dir} is in use by process ${holder.pid} on ${holder.host} ` +
        `(${holder.command}, since ${holder.since}). Stop that process first, ` +
        'or set DATA_DIR to another folder, or DATABASE_URL to use a PostgreSQL server.',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

function pause(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function sameHolder(a: LockHolder | null, b: LockHolder | null) {
  return a !== null && b !== null && a.pid === b.pid && a.host === b.host && a.since === b.since;
}

/**
 * Takes the exclusive lock on `dir` for this process, or throws DataDirLockedError naming the holder.
 * The lock file appears atomically with its content (written aside, then hard-linked into place), so another
 * process never reads a half-written lock. A lock left by a process that no longer runs on this host is taken
 * over: renamed away first, so two processes cannot both take over the same stale lock. The directory is made
 * its owner's alone (0700) and the lock file is written 0600.
 */
export function lockDataDir(dir: string): () => void {
  makePrivateDir(dir);
  const file = path.join(dir, 'touchpoint.lock');
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command:
      process.argv
        .slice(1)
        .map((a) => path.basename(a))
        .join(' ') || 'node',
    since: new Date().toISOString(),
  };
  const draft = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(draft, JSON.stringify(me), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        linkSync(draft, file);
        return releaser(file, me);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      if (!holder) {
        pause(25); // vanished or unreadable for a moment: look again, never treat it as stale
        continue;
      }
      if (holder.host !== me.host || isAlive(holder.pid)) throw new DataDirLockedError(dir, holder);
      takeOverStale(file, holder);
    }
    throw new DataDirLockedError(dir, readHolder(file) ?? { pid: 0, host: '?', command: 'unknown', since: '?' });
  } finally {
    rmSync(draft, { force: true });
  }
}

function takeOverStale(file: string, stale: LockHolder) {
  const aside = `${file}.stale.${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // another process moved it first; try again from the start
  }
  if (!sameHolder(readHolder(aside), stale)) {
    // A live lock was created between our read and the rename: put it back untouched.
    try {
      linkSync(aside, file);
    } catch {
      /* its place is taken again; the next attempt reports the holder */
    }
  }
  rmSync(aside, { force: true });
}

function releaser(file: string, me: LockHolder) {
  const release = () => {
    process.off('exit', release);
    try {
      if (sameHolder(readHolder(file), me)) unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
  process.on('exit', release);
  return release;
}
