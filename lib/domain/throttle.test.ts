import { describe, expect, it } from 'vitest';
import { accountPolicy, addressPolicy } from './sign-in';
import { afterAttempt, minutesLocked, secondsLocked, type ThrottlePolicy, type ThrottleState } from './throttle';

const t0 = new Date('2030-01-01T12:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

describe('policies', () => {
  it('locks accounts after 5 failures in 15 minutes for 15 minutes, addresses after 20', () => {
    expect(accountPolicy).toEqual({ maxAttempts: 5, windowMs: 15 * MIN, lockMs: 15 * MIN });
    expect(addressPolicy).toEqual({ maxAttempts: 20, windowMs: 15 * MIN, lockMs: 15 * MIN });
  });
});

describe('afterAttempt', () => {
  it('starts a window at the first attempt', () => {
    expect(afterAttempt(null, t0, accountPolicy)).toEqual({ attempts: 1, windowStartedAt: t0, lockedUntil: null });
  });

  it('counts failures inside the window and keeps its start', () => {
    const state: ThrottleState = { attempts: 2, windowStartedAt: t0, lockedUntil: null };
    expect(afterAttempt(state, at(14 * MIN + 59_999), accountPolicy)).toEqual({
      attempts: 3,
      windowStartedAt: t0,
      lockedUntil: null,
    });
  });

  it('starts over once the window has passed (exactly windowMs later counts as passed)', () => {
    const state: ThrottleState = { attempts: 4, windowStartedAt: t0, lockedUntil: null };
    const now = at(15 * MIN);
    expect(afterAttempt(state, now, accountPolicy)).toEqual({ attempts: 1, windowStartedAt: now, lockedUntil: null });
  });

  it('does not lock at the 4th failure and locks at the 5th, for lockMs from now', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) state = afterAttempt(state, at(i * MIN), accountPolicy);
    expect(state).toEqual({ attempts: 4, windowStartedAt: t0, lockedUntil: null });
    const fifth = afterAttempt(state, at(10 * MIN), accountPolicy);
    expect(fifth).toEqual({ attempts: 5, windowStartedAt: t0, lockedUntil: at(25 * MIN) });
  });

  it('extends the lock on further failures in the same window', () => {
    const state: ThrottleState = { attempts: 5, windowStartedAt: t0, lockedUntil: at(20 * MIN) };
    expect(afterAttempt(state, at(6 * MIN), accountPolicy)).toEqual({
      attempts: 6,
      windowStartedAt: t0,
      lockedUntil: at(21 * MIN),
    });
  });

  it('follows the policy it is given', () => {
    const policy: ThrottlePolicy = { maxAttempts: 2, windowMs: 1000, lockMs: 500 };
    const first = afterAttempt(null, t0, policy);
    expect(afterAttempt(first, at(999), policy)).toEqual({ attempts: 2, windowStartedAt: t0, lockedUntil: at(1499) });
    expect(afterAttempt(first, at(1000), policy)).toEqual({
      attempts: 1,
      windowStartedAt: at(1000),
      lockedUntil: null,
    });
  });
});

describe('minutesLocked', () => {
  const locked = (until: Date): ThrottleState => ({ attempts: 5, windowStartedAt: t0, lockedUntil: until });

  it('is 0 without state, without lock, or once the lock has passed', () => {
    expect(minutesLocked(null, t0)).toBe(0);
    expect(minutesLocked({ attempts: 3, windowStartedAt: t0, lockedUntil: null }, t0)).toBe(0);
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

  it('reads the lock afterAttempt sets at the 5th failure', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 5; i++) state = afterAttempt(state, t0, accountPolicy);
    expect(minutesLocked(state, t0)).toBe(15);
    expect(minutesLocked(state, at(7.5 * MIN))).toBe(8);
    expect(minutesLocked(state, at(15 * MIN))).toBe(0);
  });
});

describe('a lock until the window ends (no lockMs)', () => {
  const policy: ThrottlePolicy = { maxAttempts: 3, windowMs: 10 * MIN };

  it('locks at the attempt that reaches the allowance, until the window that attempt counts in ends', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 2; i++) state = afterAttempt(state, at(i * MIN), policy);
    expect(state).toEqual({ attempts: 2, windowStartedAt: t0, lockedUntil: null });
    expect(afterAttempt(state, at(4 * MIN), policy)).toEqual({
      attempts: 3,
      windowStartedAt: t0,
      lockedUntil: at(10 * MIN),
    });
  });

  it('does not move the end of the lock on later attempts in the window', () => {
    const locked: ThrottleState = { attempts: 3, windowStartedAt: t0, lockedUntil: at(10 * MIN) };
    expect(afterAttempt(locked, at(9 * MIN), policy).lockedUntil).toEqual(at(10 * MIN));
  });

  it('starts over with a new window once the lock has passed', () => {
    const locked: ThrottleState = { attempts: 3, windowStartedAt: t0, lockedUntil: at(10 * MIN) };
    expect(secondsLocked(locked, at(10 * MIN))).toBe(0);
    expect(afterAttempt(locked, at(10 * MIN), policy)).toEqual({
      attempts: 1,
      windowStartedAt: at(10 * MIN),
      lockedUntil: null,
    });
  });
});

describe('secondsLocked', () => {
  const locked = (until: Date): ThrottleState => ({ attempts: 3, windowStartedAt: t0, lockedUntil: until });

  it('is 0 without a lock or once it has passed, and rounds the time left up to whole seconds', () => {
    expect(secondsLocked(null, t0)).toBe(0);
    expect(secondsLocked(locked(t0), t0)).toBe(0);
    expect(secondsLocked(locked(at(1)), t0)).toBe(1);
    expect(secondsLocked(locked(at(1000)), t0)).toBe(1);
    expect(secondsLocked(locked(at(1001)), t0)).toBe(2);
    expect(secondsLocked(locked(at(9 * MIN)), t0)).toBe(540);
  });
});
