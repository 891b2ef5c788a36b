import type { ThrottlePolicy } from './throttle';

/** How long a reset link works, from the moment it is issued; it works once. */
export const RESET_LINK_MINUTES = 60;

/** Asking for a link by mail ("forgot password"): a few an hour per address asked for, and per client address. */
export const resetAccountPolicy: ThrottlePolicy = { maxAttempts: 3, windowMs: 60 * 60_000 };
export const resetAddressPolicy: ThrottlePolicy = { maxAttempts: 10, windowMs: 60 * 60_000 };

/** The throttle keys of one request for a link: the client's address first, then the account asked for. */
export function resetThrottles(email: string, address: string): [string, ThrottlePolicy][] {
  return [
    [`reset:address:${address}`, resetAddressPolicy],
    [`reset:account:${email.trim().toLowerCase()}`, resetAccountPolicy],
  ];
}
