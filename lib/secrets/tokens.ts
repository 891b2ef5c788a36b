import { createHash, randomBytes } from 'node:crypto';

/** A secret for a link; only its hash is stored, so a database leak does not leak usable links. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The token in an invitation link: the organization's id and the secret. The id lets the lookup stay within one
 * organization (its index starts with organization_id, like every tenant index); the secret is the proof.
 */
export function invitationLinkToken(organizationId: string, secret: string): string {
  return `${organizationId}.${secret}`;
}

export function parseInvitationLinkToken(token: string): { organizationId: string; tokenHash: string } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{20,})$/i.exec(token);
  return match ? { organizationId: match[1]!.toLowerCase(), tokenHash: hashToken(match[2]!) } : null;
}

/** 128 random bits as URL-safe base64: 22 characters, unguessable, short enough for a QR code. */
export function newSurveyToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Whether a string could be a survey token at all (URL-safe, 22 or more characters), so garbage never reaches the database. */
export function isSurveyToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(value);
}

/** The hash to look up a bare link secret (as `newToken` makes them), or null when the text cannot be one. */
export function linkSecretHash(token: string): string | null {
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? hashToken(token) : null;
}
