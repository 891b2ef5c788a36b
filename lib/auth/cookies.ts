import 'server-only';
import { cookies, headers } from 'next/headers';
import { env } from '@/lib/env';
import { deviceCookieName } from '@/lib/secrets/signed';

const YEAR = 60 * 60 * 24 * 365;
const DEVICE_COOKIE_PREFIX = 'tp_device_';

/**
 * Our cookies are httpOnly, same-site lax and, when the app is served over https, Secure. The protocol is APP_URL's,
 * or the one our server (scripts/server.mjs) passes on: it forwards a proxy's X-Forwarded-Proto only from
 * TRUSTED_PROXIES.
 */
async function cookieOptions(maxAge: number) {
  const https = env().APP_URL?.startsWith('https:') || (await headers()).get('x-forwarded-proto') === 'https';
  return { httpOnly: true, sameSite: 'lax', secure: https, path: '/', maxAge } as const;
}

export async function setCookie(name: string, value: string, maxAge = YEAR) {
  (await cookies()).set(name, value, await cookieOptions(maxAge));
}

/** Keeps the proof that this browser signed in to this account (OWASP's device cookie), for a year. */
export async function rememberDevice(email: string, token: string) {
  await setCookie(deviceCookieName(email), token);
}

/** The device cookies this browser holds, one per account it has signed in to. */
export async function deviceTokens(): Promise<string[]> {
  return (await cookies())
    .getAll()
    .filter((cookie) => cookie.name.startsWith(DEVICE_COOKIE_PREFIX))
    .map((cookie) => cookie.value)
    .slice(0, 20);
}
