import type { ThrottlePolicy } from './throttle';

/**
 * The limits on guessing passwords, after OWASP's device cookies: a browser that has signed in to an account before
 * (it holds a valid device cookie) has an allowance of its own; every other browser shares the account's allowance
 * and its address's. Each attempt is counted before the password is checked, and a throttled one is never checked.
 */
export const devicePolicy: ThrottlePolicy = { maxAttempts: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** Browsers without this account's device cookie, together. */
export const accountPolicy: ThrottlePolicy = { maxAttempts: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** One address, whatever accounts it tries (a success gives its attempt back). */
export const addressPolicy: ThrottlePolicy = { maxAttempts: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Creating organizations from one address. */
export const signUpPolicy: ThrottlePolicy = { maxAttempts: 5, windowMs: 60 * 60_000 };

/** Guessing the current password from a session (someone at an unlocked computer). */
export const currentPasswordPolicy: ThrottlePolicy = { maxAttempts: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** The throttle key of an account, shared by every browser without its device cookie. */
export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

/**
 * What one sign-in attempt is counted against: the browser's device when it has a valid cookie for the account, else
 * the account and the address. The first is cleared by a success; the others get their attempt back.
 */
export function signInLimits(
  email: string,
  address: string,
  deviceId: string | null,
): { key: string; policy: ThrottlePolicy }[] {
  if (deviceId) return [{ key: `device:${deviceId}`, policy: devicePolicy }];
  return [
    { key: accountKey(email), policy: accountPolicy },
    { key: `address:${address}`, policy: addressPolicy },
  ];
}

export type SignUpSetting = 'open' | 'first' | 'closed';

/** Whether a new organization may be created by signing up, under the SIGN_UP setting. */
export function signUpOpen(setting: SignUpSetting, organizationsOnServer: number): boolean {
  return setting === 'open' || (setting === 'first' && organizationsOnServer === 0);
}
