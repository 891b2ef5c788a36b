import { randomBytes } from 'node:crypto';

/** 128 random bits as URL-safe base64: 22 characters, unguessable, short enough for a QR code. */
export function newSurveyToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Whether a string could be a survey token at all (URL-safe, 22 or more characters), so garbage never reaches the database. */
export function isSurveyToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(value);
}

/** The public address of a survey link, with optional persona, channel and external id. */
export function surveyUrl(origin: string, token: string, context: Record<string, string | undefined> = {}): string {
  const url = new URL(`/s/${token}`, origin);
  for (const [name, value] of Object.entries(context)) if (value?.trim()) url.searchParams.set(name, value.trim());
  return url.toString();
}
