import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { signInThrottles } from '@/db/schema';
import { afterFailure, minutesLocked, type ThrottlePolicy } from '@/lib/domain/throttle';

async function state(db: Database, key: string) {
  const [row] = await db
    .select({
      failures: signInThrottles.failures,
      windowStartedAt: signInThrottles.windowStartedAt,
      lockedUntil: signInThrottles.lockedUntil,
    })
    .from(signInThrottles)
    .where(eq(signInThrottles.key, key));
  return row ?? null;
}

/** Minutes the longest-locked of these keys must still wait; 0 when none is locked. */
export async function lockedMinutes(db: Database, keys: string[], now = new Date()): Promise<number> {
  let longest = 0;
  for (const key of keys) longest = Math.max(longest, minutesLocked(await state(db, key), now));
  return longest;
}

/** Counts one more failure. The row is locked while it is read and written, so parallel guesses all count. */
export async function recordFailure(db: Database, key: string, policy: ThrottlePolicy, now = new Date()) {
  await db.transaction(async (tx) => {
    await tx.insert(signInThrottles).values({ key, failures: 0, windowStartedAt: now }).onConflictDoNothing();
    const [current] = await tx
      .select({
        failures: signInThrottles.failures,
        windowStartedAt: signInThrottles.windowStartedAt,
        lockedUntil: signInThrottles.lockedUntil,
      })
      .from(signInThrottles)
      .where(eq(signInThrottles.key, key))
      .for('update');
    const next = afterFailure(current && current.failures > 0 ? current : null, now, policy);
    await tx.update(signInThrottles).set(next).where(eq(signInThrottles.key, key));
  });
}

export async function clearFailures(db: Database, key: string) {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}
