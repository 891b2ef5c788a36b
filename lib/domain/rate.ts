/**
 * A request rate with bursts: a token bucket of `burst` tokens refilled at `perSecond`, kept in its equivalent
 * one-number form (the generic cell rate algorithm): the moment from which the next request is allowed. A request
 * at `now` is allowed when that moment has come; it moves the moment one interval (1 / perSecond) on from where it
 * was, or from where a full bucket would put it, whichever is later. So a key idle long enough has `burst` requests
 * at once, then one per interval. Pure rules; the state lives in the database (db/queries/throttle.ts).
 */
export interface RatePolicy {
  perSecond: number;
  burst: number;
}

/** The interval between two requests at the steady rate, and how far ahead of it a full bucket lets a key run. */
export function rateTerms(policy: RatePolicy): { intervalMs: number; toleranceMs: number } {
  const intervalMs = 1000 / policy.perSecond;
  return { intervalMs, toleranceMs: (policy.burst - 1) * intervalMs };
}

export type RateDecision = { allowed: true; allowedFrom: Date } | { allowed: false; retryAfterSeconds: number };

/** One request at `now` against a key whose next request is allowed from `allowedFrom` (null: never seen). */
export function takeRequest(allowedFrom: Date | null, now: Date, policy: RatePolicy): RateDecision {
  if (allowedFrom && allowedFrom > now) {
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((allowedFrom.getTime() - now.getTime()) / 1000)),
    };
  }
  const { intervalMs, toleranceMs } = rateTerms(policy);
  const full = now.getTime() - toleranceMs;
  return { allowed: true, allowedFrom: new Date(Math.max(allowedFrom?.getTime() ?? full, full) + intervalMs) };
}
