import 'server-only';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { throttles } from '@/db/schema';
import { type RateDecision, type RatePolicy, rateTerms, takeRequest } from '@/lib/domain/rate';
import {
  afterAttempt,
  minutesLocked,
  secondsLocked,
  type ThrottlePolicy,
  type ThrottleState,
} from '@/lib/domain/throttle';
import { rowsOf } from './raw-rows';

/**
 * The rate limiters' storage: a row per key (lib/domain/throttle.ts and lib/domain/rate.ts have the rules). Callers
 * prefix their keys ('account:', 'address:', 'survey:', 'api:') so that limits of different kinds never share a count.
 */

const stateColumns = {
  attempts: throttles.attempts,
  windowStartedAt: throttles.windowStartedAt,
  lockedUntil: throttles.lockedUntil,
};

/** Every policy's window is far shorter than a day, so a row this old says nothing any more. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;
/**
 * Stale rows forgotten per new window. Each new window adds at most one row and forgets up to this many, so stale
 * rows never pile up, and no request pays for a whole table of them (they are found through the index).
 */
const FORGET_AT_ONCE = 100;

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
  const oldest = db
    .select({ key: throttles.key })
    .from(throttles)
    .where(
      and(
        lt(throttles.windowStartedAt, new Date(now.getTime() - FORGET_AFTER_MS)),
        or(isNull(throttles.lockedUntil), lt(throttles.lockedUntil, now)),
      ),
    )
    .orderBy(throttles.windowStartedAt)
    .limit(FORGET_AT_ONCE);
  await db.delete(throttles).where(inArray(throttles.key, oldest));
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

/**
 * One request against the key's rate (lib/domain/rate.ts), in one statement so that parallel requests, from any
 * number of server processes, each take their own token. The row's locked_until is the moment the next request is
 * allowed; window_started_at notes the last request, so a key idle for a day is forgotten like the others.
 */
export async function takeRequestToken(
  db: Database,
  key: string,
  policy: RatePolicy,
  now = new Date(),
): Promise<RateDecision> {
  const { intervalMs, toleranceMs } = rateTerms(policy);
  const at = now.toISOString();
  // Where a full bucket puts a key: `burst` requests ahead of the steady rate.
  const full = new Date(now.getTime() - toleranceMs).toISOString();
  const interval = sql`make_interval(secs => ${intervalMs / 1000}::double precision)`;
  const [row] = rowsOf<{ taken: Date | string | null; current: Date | string | null }>(
    await db.execute(sql`
      WITH taken AS (
        INSERT INTO sign_in_throttles AS t (key, failures, window_started_at, locked_until)
        VALUES (${key}, 0, ${at}::timestamptz, ${full}::timestamptz + ${interval})
        ON CONFLICT (key) DO UPDATE
          SET locked_until = greatest(t.locked_until, ${full}::timestamptz) + ${interval},
            window_started_at = excluded.window_started_at
          WHERE t.locked_until IS NULL OR t.locked_until <= ${at}::timestamptz
        RETURNING locked_until
      )
      SELECT (SELECT locked_until FROM taken) AS taken,
        (SELECT locked_until FROM sign_in_throttles WHERE key = ${key}) AS current`),
  );
  if (row?.taken) return { allowed: true, allowedFrom: new Date(row.taken) };
  // Refused, and the row left as it was: the rule says how long to wait from it.
  const decision = takeRequest(row?.current ? new Date(row.current) : null, now, policy);
  return decision.allowed ? { allowed: false, retryAfterSeconds: 1 } : decision;
}

/**
 * Gives back one attempt that turned out to be legitimate (a successful sign-in counted against its address), so
 * that people signing in from one office address do not use up the allowance meant for guesses.
 */
export async function refundAttempt(db: Database, key: string) {
  await db
    .update(throttles)
    .set({ attempts: sql`greatest(${throttles.attempts} - 1, 0)` })
    .where(and(eq(throttles.key, key), isNull(throttles.lockedUntil)));
}
