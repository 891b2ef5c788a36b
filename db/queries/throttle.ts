import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { signInThrottles } from '@/db/schema';
import { afterFailure, minutesLocked, type ThrottlePolicy } from '@/lib/domain/throttle';

async function state(db: Database, key: string) {
  const [row] = await db
    .select({ failures: signInThrottles.failures, windowStartedAt: signInThrottles.windowStartedAt, lockedUntil: signInThrottles.lockedUntil })
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

export async function recordFailure(db: Database, key: string, policy: ThrottlePolicy, now = new Date()) {
  await db.transaction(async (tx) => {
    const next = afterFailure(await state(tx, key), now, policy);
    await tx
      .insert(signInThrottles)
      .values({ key, ...next })
      .onConflictDoUpdate({ target: signInThrottles.key, set: next });
  });
}

export async function clearFailures(db: Database, key: string) {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}
