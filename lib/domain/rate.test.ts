import { describe, expect, it } from 'vitest';
import { type RateDecision, type RatePolicy, takeRequest } from './rate';

const policy: RatePolicy = { perSecond: 20, burst: 40 };
const at = (ms: number) => new Date(Date.UTC(2030, 0, 1) + ms);

/** Sends requests at the given moments and says which were allowed, carrying the state along. */
function send(moments: number[], rate = policy) {
  let allowedFrom: Date | null = null;
  return moments.map((ms) => {
    const decision: RateDecision = takeRequest(allowedFrom, at(ms), rate);
    if (decision.allowed) allowedFrom = decision.allowedFrom;
    return decision;
  });
}

describe('item 12: the request rate per API key (token bucket)', () => {
  it('allows a burst of 40 at once, refuses the 41st with the seconds to wait, rounded up', () => {
    const decisions = send(Array.from({ length: 41 }, () => 0));
    expect(decisions.slice(0, 40).every((d) => d.allowed)).toBe(true);
    expect(decisions[40]).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills one request per interval: 20 per second once the burst is spent', () => {
    const burst = Array.from({ length: 40 }, () => 0);
    const nextSecond = Array.from({ length: 21 }, () => 1000);
    const decisions = send([...burst, ...nextSecond]);
    expect(decisions.filter((d) => d.allowed)).toHaveLength(60);
    expect(decisions.at(-1)?.allowed).toBe(false);
  });

  it('a steady 20 per second is never refused, and an idle key gets its whole burst back', () => {
    const steady = Array.from({ length: 200 }, (_, i) => i * 50);
    expect(send(steady).every((d) => d.allowed)).toBe(true);
    const later = [...steady, ...Array.from({ length: 40 }, () => 60_000)];
    expect(send(later).every((d) => d.allowed)).toBe(true);
  });

  it('takes its numbers from the policy: 2 per second with a burst of 3', () => {
    const decisions = send([0, 0, 0, 0, 400, 500], { perSecond: 2, burst: 3 });
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false, true]);
    expect(decisions[3]).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
