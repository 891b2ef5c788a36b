import type { ApiKeyScope } from '@/db/schema';
import { hashToken, newToken } from '@/lib/secrets/tokens';

/** Every key starts with this, so a leaked one is recognisable (and secret scanners can find it). */
const API_KEY_PREFIX = 'tp_';
/** How much of the key is kept in clear, to tell keys apart in settings. */
const DISPLAY_LENGTH = 10;
const KEY_PATTERN = /^tp_[A-Za-z0-9_-]{40,100}$/;

/** A new key: shown once to its creator; only its SHA-256 hash and a short display prefix are stored. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${newToken().token}`;
  return { key, prefix: key.slice(0, DISPLAY_LENGTH), hash: hashToken(key) };
}

/** The key in an `Authorization: Bearer <key>` header, or null when the header is missing or malformed. */
export function bearerKeyOf(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const key = match?.[1];
  return key && KEY_PATTERN.test(key) ? key : null;
}

/** Whether a key with these scopes may call an endpoint that needs `scope`: the one check every endpoint uses. */
export function keyAllows(scopes: readonly string[], scope: ApiKeyScope): boolean {
  return scopes.includes(scope);
}
