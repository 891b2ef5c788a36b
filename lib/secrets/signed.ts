import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/env';

/**
 * Short signed values the server hands itself through a cookie or through Auth.js: `payload.signature`, where the
 * signature is an HMAC keyed by AUTH_SECRET and a purpose, so a value signed for one purpose is no good for another.
 */
function signature(purpose: string, payload: string): string {
  return createHmac('sha256', authSecret()).update(`${purpose}\n${payload}`).digest('base64url');
}

function sign(purpose: string, payload: string): string {
  return `${payload}.${signature(purpose, payload)}`;
}

function verify(purpose: string, value: string): string | null {
  const cut = value.lastIndexOf('.');
  if (cut <= 0) return null;
  const payload = value.slice(0, cut);
  const given = Buffer.from(value.slice(cut + 1));
  const expected = Buffer.from(signature(purpose, payload));
  return given.length === expected.length && timingSafeEqual(given, expected) ? payload : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The device cookie of OWASP's scheme against password guessing: proof that this browser once signed in to this
 * account. It names the person and the browser's device id.
 */
export function deviceToken(userId: string, deviceId: string): string {
  return sign('device', `${userId}.${deviceId}`);
}

export function readDeviceToken(value: string): { userId: string; deviceId: string } | null {
  const payload = verify('device', value);
  const [userId, deviceId, rest] = payload?.split('.') ?? [];
  if (!userId || !deviceId || rest !== undefined || !UUID.test(userId) || !UUID.test(deviceId)) return null;
  return { userId, deviceId };
}

/** The name of the device cookie for an account: one per account, so a shared browser keeps one for each person. */
export function deviceCookieName(email: string): string {
  const tag = createHmac('sha256', authSecret()).update(`device-cookie\n${email.trim().toLowerCase()}`);
  return `tp_device_${tag.digest('hex').slice(0, 16)}`;
}

const GRANT_SECONDS = 60;

/**
 * What a sign-in command hands Auth.js once it has checked the password (or created the account): the person and
 * the browser's device, valid for a minute. Auth.js never sees a password, and its endpoint is useless without one.
 */
export function signInGrant(userId: string, deviceId: string, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + GRANT_SECONDS;
  return sign('sign-in', `${userId}.${deviceId}.${expires}`);
}

export function readSignInGrant(value: string, now = new Date()): { userId: string; deviceId: string } | null {
  const payload = verify('sign-in', value);
  const [userId, deviceId, expires, rest] = payload?.split('.') ?? [];
  if (!userId || !deviceId || !expires || rest !== undefined || !UUID.test(userId) || !UUID.test(deviceId)) {
    return null;
  }
  return Number(expires) * 1000 > now.getTime() ? { userId, deviceId } : null;
}

/**
 * The token of the unsubscribe link in every daily mail: it names the organization and the person and needs no
 * session (a mail is read anywhere). It does not expire: an old mail's link still stops the mail.
 */
export function unsubscribeToken(organizationId: string, userId: string): string {
  return sign('unsubscribe', `${organizationId}.${userId}`);
}

export function readUnsubscribeToken(value: string): { organizationId: string; userId: string } | null {
  const payload = verify('unsubscribe', value);
  const [organizationId, userId, rest] = payload?.split('.') ?? [];
  if (!organizationId || !userId || rest !== undefined || !UUID.test(organizationId) || !UUID.test(userId)) {
    return null;
  }
  return { organizationId, userId };
}
