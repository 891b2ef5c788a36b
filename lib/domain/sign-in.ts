import type { ThrottlePolicy } from './throttle';

/**
 * The limits on guessing passwords, after OWASP's device cookies: a browser that has signed in to an account before
 * (it holds a valid device cookie) has an allowance of its own; every other browser shares the account's allowance
 * and its address's. Each attempt is counted before the password is checked, and a throttled one is never checked.
 */
export const devicePolicy: ThrottlePolicy = { maxAttempts: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Creating organizations from one address. */
export const signUpPolicy: ThrottlePolicy = { maxAttempts: 5, windowMs: 60 * 60_000 };

/** Guessing the current password from a session (someone at an unlocked computer). */
export const currentPasswordPolicy: ThrottlePolicy = { maxAttempts: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** The throttle keys of one sign-in: the browser's device when it has a valid cookie, else the account and address. */
export function signInKeys(email: string, address: string, deviceId: string | null): string[] {
  if (deviceId) return [`device:${deviceId}`];
  return [`account:${email.trim().toLowerCase()}`, `address:${address}`];
}

export type SignUpSetting = 'open' | 'first' | 'closed';

/** Whether a new organization may be created by signing up, under the SIGN_UP setting. */
export function signUpOpen(setting: SignUpSetting, organizationsOnServer: number): boolean {
  return setting === 'open' || (setting === 'first' && organizationsOnServer === 0);
}
