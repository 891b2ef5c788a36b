import 'server-only';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { throttles } from '@/db/schema';
import {
  afterAttempt,
  minutesLocked,
  secondsLocked,
  type ThrottlePolicy,
  type ThrottleState,
} from '@/lib/domain/throttle';

/**
 * The one rate limiter's storage: a row per key (lib/domain/throttle.ts has the rule). Callers prefix their keys
 * ('account:', 'address:', 'survey:') so that limits of different kinds never share a count.
 */

const stateColumns = {
  attempts: throttles.attempts,
  windowStartedAt: throttles.windowStartedAt,
  lockedUntil: throttles.lockedUntil,
};

/** Every policy's window is far shorter than a day, so a row this old says nothing any more. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

async function state(db: Database, key: string): Promise<ThrottleState | null> {
  const [row] = await db.select(stateColumns).from(throttles).where(eq(throttles.key, key));
  return row ?? null;
}

/**
 * Runs `decide` on the key's state with its row locked, and stores what it returns, so parallel attempts all
 * count. The state is null for a key without attempts.
 */
async function withLockedState<T>(
  db: Database,
  key: string,
  now: Date,
  decide: (current: ThrottleState | null) => { next: ThrottleState | null; result: T },
): Promise<T> {
  const { next, result } = await db.transaction(async (tx) => {
    await tx.insert(throttles).values({ key, attempts: 0, windowStartedAt: now }).onConflictDoNothing();
    const [current] = await tx.select(stateColumns).from(throttles).where(eq(throttles.key, key)).for('update');
    const decided = decide(current && current.attempts > 0 ? current : null);
    if (decided.next) await tx.update(throttles).set(decided.next).where(eq(throttles.key, key));
    return decided;
  });
  // A new window is a good moment to forget keys not seen for a day, so the table stays small.
  if (next?.attempts === 1) await forgetStale(db, now);
  return result;
}

async function forgetStale(db: Database, now: Date) {
  await db
    .delete(throttles)
    .where(
      and(
        lt(throttles.windowStartedAt, new Date(now.getTime() - FORGET_AFTER_MS)),
        or(isNull(throttles.lockedUntil), lt(throttles.lockedUntil, now)),
      ),
    );
}

/** Minutes the longest-locked of these keys must still wait; 0 when none is locked. */
export async function lockedMinutes(db: Database, keys: string[], now = new Date()): Promise<number> {
  let longest = 0;
  for (const key of keys) longest = Math.max(longest, minutesLocked(await state(db, key), now));
  return longest;
}

/** Counts one more attempt against the key (sign-in counts its failures), whether or not it is locked. */
export async function countAttempt(db: Database, key: string, policy: ThrottlePolicy, now = new Date()) {
  await withLockedState(db, key, now, (current) => ({ next: afterAttempt(current, now, policy), result: null }));
}

/**
 * Takes an attempt if the key is not locked, in one step so that parallel requests cannot all slip through: a
 * locked key is refused with the seconds it must wait, and the refused attempt is not counted.
 */
export async function takeAttempt(db: Database, key: string, policy: ThrottlePolicy, now = new Date()) {
  return withLockedState<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>(db, key, now, (current) => {
    const wait = secondsLocked(current, now);
    return wait > 0
      ? { next: null, result: { allowed: false, retryAfterSeconds: wait } }
      : { next: afterAttempt(current, now, policy), result: { allowed: true } };
  });
}

/** Forgets the key's attempts (a successful sign-in clears its account). */
export async function clearAttempts(db: Database, key: string) {
  await db.delete(throttles).where(eq(throttles.key, key));
}
