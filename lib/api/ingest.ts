import { z } from 'zod';
import type { Database } from '@/db/client';
import { findOrganization } from '@/db/queries/organizations';
import { type NewResponse, recordResponses, touchpointsByReference } from '@/db/queries/responses';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { MAX_BATCH, responseBatchSchema, storedScore } from '@/lib/validation/responses';
import { type IngestReply, type IngestStatus, type ItemError, MAX_BODY_BYTES } from '@/lib/validation/responses-api';
import { apiMessage } from './messages';
import { readBody } from '@/lib/http/read-body';
import { apiRatePolicy, authorizeApiRequest, unauthorized } from './authorize';
import { jsonReply } from './reply';

// Kept here too: the rate tests and the bench import it from the ingestion API.
export { apiRatePolicy };

/** A JSON reply whose body must have the shape documented for its status. */
export function reply<S extends IngestStatus>(
  status: S,
  body: IngestReply<S>,
  headers: Record<string, string> = {},
): Response {
  return jsonReply(status, body, headers);
}

/**
 * POST /api/v1/responses: authenticates the organization's key, checks its `ingest` scope and takes a request
 * from its rate (all before the body is read), validates the whole batch, resolves every touchpoint in the key's
 * organization, and stores all answers in one transaction, or none of them.
 */
export async function ingestResponses(
  db: Database,
  request: Request,
  now = new Date(),
  rate = apiRatePolicy(),
): Promise<Response> {
  const authorized = await authorizeApiRequest(db, request, 'ingest', now, rate);
  if ('refusal' in authorized) return authorized.refusal;
  const apiKey = authorized.caller;

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
    // The key's organization was deleted between the two statements: the key no longer exists.
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
