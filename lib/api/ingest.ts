import { z } from 'zod';
import type { Database } from '@/db/client';
import { apiKeyByHash, touchApiKey } from '@/db/queries/api-keys';
import { findOrganization } from '@/db/queries/organizations';
import { type NewResponse, recordResponses, touchpointsByReference } from '@/db/queries/responses';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { MAX_BATCH, responseBatchSchema, storedScore } from '@/lib/validation/responses';
import { type IngestReply, type IngestStatus, type ItemError, MAX_BODY_BYTES } from '@/lib/validation/responses-api';
import { apiMessage } from './messages';
import { hashToken } from '@/lib/secrets/tokens';
import { bearerKeyOf } from './keys';
import { readBody } from '@/lib/http/read-body';
import { takeRequestToken } from '@/db/queries/throttle';
import type { RatePolicy } from '@/lib/domain/rate';
import { env } from '@/lib/env';

const REALM = 'Bearer realm="touchpoint"';

/** A JSON reply whose body must have the shape documented for its status. */
export function reply<S extends IngestStatus>(
  status: S,
  body: IngestReply<S>,
  headers: Record<string, string> = {},
): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

function unauthorized(reason: 'missingKey' | 'unknownKey' | 'revokedKey'): Response {
  const challenge = reason === 'missingKey' ? REALM : `${REALM}, error="invalid_token"`;
  return reply(
    401,
    { error: 'unauthorized', message: apiMessage(`apiKeys.api.${reason}`) },
    { 'WWW-Authenticate': challenge },
  );
}

/** The request rate each API key is allowed (API_RATE_PER_SECOND, API_RATE_BURST). */
export function apiRatePolicy(): RatePolicy {
  const { API_RATE_PER_SECOND, API_RATE_BURST } = env();
  return { perSecond: API_RATE_PER_SECOND, burst: API_RATE_BURST };
}

/**
 * POST /api/v1/responses: authenticates the organization's key and takes a request from its rate (both before the
 * body is read), validates the whole batch, resolves every touchpoint in the key's organization, and stores all
 * answers in one transaction, or none of them.
 */
export async function ingestResponses(
  db: Database,
  request: Request,
  now = new Date(),
  rate = apiRatePolicy(),
): Promise<Response> {
  const authorization = request.headers.get('authorization');
  const key = bearerKeyOf(authorization);
  if (!key) return unauthorized(authorization ? 'unknownKey' : 'missingKey');
  const apiKey = await apiKeyByHash(db, hashToken(key));
  if (!apiKey) return unauthorized('unknownKey');
  if (apiKey.revokedAt) return unauthorized('revokedKey');
  const taken = await takeRequestToken(db, `api:${apiKey.id}`, rate, now);
  if (!taken.allowed) {
    return reply(
      429,
      {
        error: 'rate_limited',
        message: apiMessage('apiKeys.api.rateLimited', { seconds: taken.retryAfterSeconds }),
      },
      { 'Retry-After': String(taken.retryAfterSeconds) },
    );
  }
  await touchApiKey(db, apiKey.organizationId, apiKey.id, now);

  const text = await readBody(request, MAX_BODY_BYTES);
  if (text === null)
    return reply(413, {
      error: 'too_large',
      message: apiMessage('apiKeys.api.tooLarge', { limit: MAX_BODY_BYTES / 1024 / 1024 }),
    });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reply(400, { error: 'bad_request', message: apiMessage('apiKeys.api.notJson') });
  }
  const parsed = responseBatchSchema.safeParse(body);
  if (!parsed.success) return invalid(parsed.error.issues.map(itemErrorOf));
  // Ids and keys are lowercase, so a reference matches whatever case the sender used.
  const items = parsed.data.responses.map((item) => ({ ...item, reference: item.touchpoint.toLowerCase() }));

  return db.transaction(async (tx) => {
    const organization = await findOrganization(tx, apiKey.organizationId);
    if (!organization) return unauthorized('unknownKey');
    const touchpoints = await touchpointsByReference(
      tx,
      organization.id,
      items.map((i) => i.reference),
    );
    const unknown = items.flatMap((item, index) =>
      touchpoints.has(item.reference)
        ? []
        : [
            {
              index,
              field: 'touchpoint',
              touchpoint: item.touchpoint,
              message: apiMessage('apiKeys.api.unknownTouchpoint', { touchpoint: item.touchpoint }),
            },
          ],
    );
    if (unknown.length > 0) {
      return reply(404, {
        error: 'unknown_touchpoint',
        message: apiMessage('apiKeys.api.unknownTouchpoints', { count: unknown.length }),
        errors: unknown,
      });
    }
    const archived = items.flatMap((item, index) =>
      touchpoints.get(item.reference)!.archived
        ? [
            {
              index,
              field: 'touchpoint',
              message: apiMessage('apiKeys.api.archivedTouchpoint', { touchpoint: item.touchpoint }),
            },
          ]
        : [],
    );
    if (archived.length > 0) return invalid(archived);
    const responses: NewResponse[] = items.map((item) => ({
      touchpointId: touchpoints.get(item.reference)!.id,
      metric: item.metric,
      score: storedScore(item.metric, item.score),
      comment: item.comment ?? null,
      respondedAt: item.respondedAt ? new Date(item.respondedAt) : now,
      source: 'api',
      externalId: item.externalId ?? null,
      persona: item.persona ?? null,
      channel: item.channel ?? null,
    }));
    return reply(201, await recordResponses(tx, { id: organization.id, timeZone: organization.timeZone }, responses));
  });
}

function invalid(errors: ItemError[]): Response {
  return reply(422, { error: 'invalid', message: apiMessage('apiKeys.api.invalid', { count: errors.length }), errors });
}

/** A validation issue as the sender should read it: which answer, which field, what is wrong. */
function itemErrorOf(issue: z.core.$ZodIssue): ItemError {
  const [top, index, ...rest] = issue.path;
  if (top === 'responses' && typeof index === 'number') {
    const field = rest.join('.') || 'item';
    const [message] = Object.values(fieldErrorsOf(new z.ZodError([issue])));
    return { index, field, message: apiMessage(message?.key ?? 'validation.invalid', message?.values) };
  }
  const field = issue.path.join('.') || 'body';
  if (field === 'responses' && (issue.code === 'too_small' || issue.code === 'too_big')) {
    return { index: null, field, message: apiMessage('apiKeys.api.batchSize', { max: MAX_BATCH }) };
  }
  const [message] = Object.values(fieldErrorsOf(new z.ZodError([issue])));
  return { index: null, field, message: apiMessage(message?.key ?? 'validation.invalid', message?.values) };
}
