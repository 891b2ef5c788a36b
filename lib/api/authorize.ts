import type { z } from 'zod';
import type { Database } from '@/db/client';
import { apiKeyByHash, touchApiKey } from '@/db/queries/api-keys';
import { takeRequestToken } from '@/db/queries/throttle';
import type { ApiKeyScope } from '@/db/schema';
import type { RatePolicy } from '@/lib/domain/rate';
import { env } from '@/lib/env';
import { hashToken } from '@/lib/secrets/tokens';
import type { forbiddenSchema, rateLimitedSchema, unauthorizedSchema } from '@/lib/validation/responses-api';
import { bearerKeyOf, keyAllows } from './keys';
import { apiMessage } from './messages';
import { jsonReply } from './reply';

const REALM = 'Bearer realm="touchpoint"';

/** The request rate each API key is allowed (API_RATE_PER_SECOND, API_RATE_BURST), shared by every endpoint. */
export function apiRatePolicy(): RatePolicy {
  const { API_RATE_PER_SECOND, API_RATE_BURST } = env();
  return { perSecond: API_RATE_PER_SECOND, burst: API_RATE_BURST };
}

/** Who is calling: a live key of one organization, allowed the endpoint's scope, within its rate. */
export interface ApiCaller {
  apiKeyId: string;
  organizationId: string;
}

/** 401 with the bearer challenge RFC 6750 asks for. */
export function unauthorized(reason: 'missingKey' | 'unknownKey' | 'revokedKey'): Response {
  const challenge = reason === 'missingKey' ? REALM : `${REALM}, error="invalid_token"`;
  const body: z.input<typeof unauthorizedSchema> = {
    error: 'unauthorized',
    message: apiMessage(`apiKeys.api.${reason}`),
  };
  return jsonReply(401, body, { 'WWW-Authenticate': challenge });
}

/**
 * The checks every /api/v1 endpoint makes before it reads anything else of the request: a live key (401), the
 * scope the endpoint needs (403), a request from the key's rate (429, shared by all endpoints). Notes that the key
 * was used. Either the caller or the reply to send.
 */
export async function authorizeApiRequest(
  db: Database,
  request: Request,
  scope: ApiKeyScope,
  now: Date,
  rate: RatePolicy,
): Promise<{ caller: ApiCaller } | { refusal: Response }> {
  const authorization = request.headers.get('authorization');
  const key = bearerKeyOf(authorization);
  if (!key) return { refusal: unauthorized(authorization ? 'unknownKey' : 'missingKey') };
  const apiKey = await apiKeyByHash(db, hashToken(key));
  if (!apiKey) return { refusal: unauthorized('unknownKey') };
  if (apiKey.revokedAt) return { refusal: unauthorized('revokedKey') };
  if (!keyAllows(apiKey.scopes, scope)) {
    const body: z.input<typeof forbiddenSchema> = {
      error: 'forbidden',
      message: apiMessage('apiKeys.api.missingScope', { scope }),
    };
    return { refusal: jsonReply(403, body) };
  }
  const taken = await takeRequestToken(db, `api:${apiKey.id}`, rate, now);
  if (!taken.allowed) {
    const body: z.input<typeof rateLimitedSchema> = {
      error: 'rate_limited',
      // Senders of answers also hear that nothing was stored, and that larger batches help.
      message: apiMessage(scope === 'ingest' ? 'apiKeys.api.rateLimited' : 'apiKeys.api.rateLimitedRead', {
        seconds: taken.retryAfterSeconds,
      }),
    };
    return { refusal: jsonReply(429, body, { 'Retry-After': String(taken.retryAfterSeconds) }) };
  }
  await touchApiKey(db, apiKey.organizationId, apiKey.id, now);
  return { caller: { apiKeyId: apiKey.id, organizationId: apiKey.organizationId } };
}
