/**
 * Rate limiting, one rule for every limiter: attempts are counted per key in a fixed window, and the attempt that
 * reaches the allowance locks the key, for `lockMs` from then or, without it, until the window ends. Sign-in counts
 * its attempts per device, account and address (its policies: lib/domain/sign-in.ts); the public survey counts
 * answers per address.
 * Pure rules; the state lives in the database (db/queries/throttle.ts).
 */
export interface ThrottleState {
  attempts: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export interface ThrottlePolicy {
  maxAttempts: number;
  windowMs: number;
  /** How long the key stays locked from the attempt that locked it; absent: until its window ends. */
  lockMs?: number;
}

/** Milliseconds left before the key may try again, or 0 when it is not locked. */
function msLocked(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil || state.lockedUntil <= now) return 0;
  return state.lockedUntil.getTime() - now.getTime();
}

/** Whole minutes left before the key may try again (at least 1), or 0 when it is not locked. */
export function minutesLocked(state: ThrottleState | null, now: Date): number {
  const ms = msLocked(state, now);
  return ms === 0 ? 0 : Math.max(1, Math.ceil(ms / 60_000));
}

/** Whole seconds left before the key may try again (at least 1), or 0 when it is not locked. */
export function secondsLocked(state: ThrottleState | null, now: Date): number {
  const ms = msLocked(state, now);
  return ms === 0 ? 0 : Math.max(1, Math.ceil(ms / 1000));
}

/** The state after one more attempt. */
export function afterAttempt(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const windowOpen = state && now.getTime() - state.windowStartedAt.getTime() < policy.windowMs;
  const attempts = windowOpen ? state.attempts + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  const lockEnds =
    policy.lockMs === undefined ? windowStartedAt.getTime() + policy.windowMs : now.getTime() + policy.lockMs;
  const lockedUntil = attempts >= policy.maxAttempts ? new Date(lockEnds) : null;
  return { attempts, windowStartedAt, lockedUntil };
}

/** Whole minutes to tell a person to wait, from the seconds a refused attempt must wait. */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
