import { describe, expect, it } from 'vitest';
import {
  accountPolicy,
  addressPolicy,
  afterFailure,
  minutesLocked,
  type ThrottlePolicy,
  type ThrottleState,
} from './throttle';

const t0 = new Date('2030-01-01T12:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

describe('policies', () => {
  it('locks accounts after 5 failures in 15 minutes for 15 minutes, addresses after 20', () => {
    expect(accountPolicy).toEqual({ maxFailures: 5, windowMs: 15 * MIN, lockMs: 15 * MIN });
    expect(addressPolicy).toEqual({ maxFailures: 20, windowMs: 15 * MIN, lockMs: 15 * MIN });
  });
});

describe('afterFailure', () => {
  it('starts a window at the first failure', () => {
    expect(afterFailure(null, t0, accountPolicy)).toEqual({ failures: 1, windowStartedAt: t0, lockedUntil: null });
  });

  it('counts failures inside the window and keeps its start', () => {
    const state: ThrottleState = { failures: 2, windowStartedAt: t0, lockedUntil: null };
    expect(afterFailure(state, at(14 * MIN + 59_999), accountPolicy)).toEqual({
      failures: 3,
      windowStartedAt: t0,
      lockedUntil: null,
    });
  });

  it('starts over once the window has passed (exactly windowMs later counts as passed)', () => {
    const state: ThrottleState = { failures: 4, windowStartedAt: t0, lockedUntil: null };
    const now = at(15 * MIN);
    expect(afterFailure(state, now, accountPolicy)).toEqual({ failures: 1, windowStartedAt: now, lockedUntil: null });
  });

  it('does not lock at the 4th failure and locks at the 5th, for lockMs from now', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) state = afterFailure(state, at(i * MIN), accountPolicy);
    expect(state).toEqual({ failures: 4, windowStartedAt: t0, lockedUntil: null });
    const fifth = afterFailure(state, at(10 * MIN), accountPolicy);
    expect(fifth).toEqual({ failures: 5, windowStartedAt: t0, lockedUntil: at(25 * MIN) });
  });

  it('extends the lock on further failures in the same window', () => {
    const state: ThrottleState = { failures: 5, windowStartedAt: t0, lockedUntil: at(20 * MIN) };
    expect(afterFailure(state, at(6 * MIN), accountPolicy)).toEqual({
      failures: 6,
      windowStartedAt: t0,
      lockedUntil: at(21 * MIN),
    });
  });

  it('follows the policy it is given', () => {
    const policy: ThrottlePolicy = { maxFailures: 2, windowMs: 1000, lockMs: 500 };
    const first = afterFailure(null, t0, policy);
    expect(afterFailure(first, at(999), policy)).toEqual({ failures: 2, windowStartedAt: t0, lockedUntil: at(1499) });
    expect(afterFailure(first, at(1000), policy)).toEqual({
      failures: 1,
      windowStartedAt: at(1000),
      lockedUntil: null,
    });
  });
});

describe('minutesLocked', () => {
  const locked = (until: Date): ThrottleState => ({ failures: 5, windowStartedAt: t0, lockedUntil: until });

  it('is 0 without state, without lock, or once the lock has passed', () => {
    expect(minutesLocked(null, t0)).toBe(0);
    expect(minutesLocked({ failures: 3, windowStartedAt: t0, lockedUntil: null }, t0)).toBe(0);
    expect(minutesLocked(locked(t0), t0)).toBe(0);
    expect(minutesLocked(locked(t0), at(1))).toBe(0);
  });

  it('rounds the time left up to whole minutes', () => {
    expect(minutesLocked(locked(at(1)), t0)).toBe(1);
    expect(minutesLocked(locked(at(MIN)), t0)).toBe(1);
    expect(minutesLocked(locked(at(MIN + 1)), t0)).toBe(2);
    expect(minutesLocked(locked(at(14 * MIN + 1)), t0)).toBe(15);
    expect(minutesLocked(locked(at(15 * MIN)), t0)).toBe(15);
  });

  it('reads the lock afterFailure sets at the 5th failure', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 5; i++) state = afterFailure(state, t0, accountPolicy);
    expect(minutesLocked(state, t0)).toBe(15);
    expect(minutesLocked(state, at(7.5 * MIN))).toBe(8);
    expect(minutesLocked(state, at(15 * MIN))).toBe(0);
  });
});
