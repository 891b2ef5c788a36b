import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

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

/**
 * Takes the exclusive lock on `dir` for this process, or throws DataDirLockedError naming the holder.
 * A lock left by a process that no longer runs on this host is taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'touchpoint.lock');
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(1).map((a) => path.basename(a)).join(' ') || 'node',
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readHolder(file)?.pid === process.pid) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && holder.pid === process.pid && holder.host === me.host) {
        throw new DataDirLockedError(dir, holder); // opened twice in one process: a bug, never share silently
      }
      if (holder && (holder.host !== me.host || isAlive(holder.pid))) throw new DataDirLockedError(dir, holder);
      try {
        unlinkSync(file); // stale: its process is gone
      } catch {
        /* another process took it over first; try again */
      }
    }
  }
  throw new DataDirLockedError(dir, readHolder(file) ?? { pid: 0, host: '?', command: '?', since: '?' });
}
