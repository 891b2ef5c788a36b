import { z } from 'zod';
import type { Database } from '@/db/client';
import { type ChangePosition, findChange, listChanges } from '@/db/queries/changes';
import { type ImpactOrganization, impactOrganization, storedCard } from '@/db/queries/impact';
import { touchpointsByReference } from '@/db/queries/responses';
import type { RatePolicy } from '@/lib/domain/rate';
import { addDays, dateIn } from '@/lib/domain/weeks';
import { changeKinds } from '@/lib/impact/card-schema';
import { computeImpactCard, mayComputeOnRequest } from '@/lib/impact-service/compute';
import { sameWindows, type Windows } from '@/lib/impact/settings';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { apiRatePolicy, authorizeApiRequest, unauthorized } from './authorize';
import { changeItemOf } from './change-item';
import {
  type ChangesReply,
  type ChangesStatus,
  changesQuerySchema,
  DEFAULT_RANGE_DAYS,
  type ImpactReply,
  type ImpactStatus,
  impactPathSchema,
  impactQuerySchema,
  MAX_PAGE,
  MAX_RANGE_DAYS,
  type ParameterError,
} from './changes-schema';
import { apiMessage } from './messages';
import { jsonReply } from './reply';

function changesReply<S extends ChangesStatus>(status: S, body: ChangesReply<S>): Response {
  return jsonReply(status, body);
}

function impactReply<S extends ImpactStatus>(
  status: S,
  body: ImpactReply<S>,
  headers?: Record<string, string>,
): Response {
  return jsonReply(status, body, headers);
}

/** 400 with each invalid query parameter: the reply of every read endpoint. */
export function badParameters(errors: ParameterError[]): Response {
  return jsonReply(400, {
    error: 'bad_request',
    message: apiMessage('apiKeys.api.badParameters', { count: errors.length }),
    errors,
  } satisfies ChangesReply<400>);
}

/** Each invalid query parameter with what is wrong with it, in English. */
export function parameterErrorsOf(error: z.ZodError): ParameterError[] {
  return Object.entries(fieldErrorsOf(error)).map(([field, message]) => {
    // A caller has no list to choose from: name the values the parameter takes.
    const choice = error.issues.find((i) => i.code === 'invalid_value' && i.path.join('.') === field);
    if (message.key === 'validation.choice' && choice?.code === 'invalid_value') {
      return { field, message: apiMessage('apiKeys.api.oneOf', { values: choice.values.join(', ') }) };
    }
    return { field, message: apiMessage(message.key, message.values) };
  });
}

export const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

/**
 * A read endpoint's caller (a key with the `read` scope) and its organization, with the calendar and impact settings
 * the endpoints answer in; otherwise the refusal to send.
 */
export async function authorizeRead(
  db: Database,
  request: Request,
  now: Date,
  rate: RatePolicy,
): Promise<{ refusal: Response } | { organizationId: string; organization: ImpactOrganization }> {
  const authorized = await authorizeApiRequest(db, request, 'read', now, rate);
  if ('refusal' in authorized) return authorized;
  const { organizationId } = authorized.caller;
  const organization = await impactOrganization(db, organizationId);
  if (!organization) return { refusal: unauthorized('unknownKey') };
  return { organizationId, organization };
}

/** The organization's touchpoint a caller names by id or by key, in any case (ids and keys are lowercase). */
export async function touchpointOfReference(
  db: Database,
  organizationId: string,
  reference: string,
): Promise<{ id: string } | undefined> {
  const key = reference.toLowerCase();
  return (await touchpointsByReference(db, organizationId, [key])).get(key);
}

/** The `touchpoint` parameter names no touchpoint of the organization. */
export const unknownTouchpoint = (reference: string): ParameterError => ({
  field: 'touchpoint',
  message: apiMessage('apiKeys.api.unknownTouchpoint', { touchpoint: reference }),
});

/** The cursor is opaque to callers: the last item's date, kind and id, as base64url JSON. */
export function encodeCursor(position: ChangePosition): string {
  return Buffer.from(JSON.stringify([position.date, position.kind, position.id])).toString('base64url');
}

const cursorSchema = z.tuple([z.iso.date(), z.enum(changeKinds), z.uuid()]);

export function decodeCursor(cursor: string): ChangePosition | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    const [date, kind, id] = parsed.data;
    return { date, kind, id: id.toLowerCase() };
  } catch {
    return null;
  }
}

/**
 * GET /api/v1/changes: the organization's changes dated in a range, newest first, a page at a time, each with its
 * stored impact card. Needs a key with the `read` scope.
 */
export async function listChangesRequest(
  db: Database,
  request: Request,
  now = new Date(),
  rate: RatePolicy = apiRatePolicy(),
): Promise<Response> {
  const authorized = await authorizeRead(db, request, now, rate);
  if ('refusal' in authorized) return authorized.refusal;
  const { organizationId, organization } = authorized;

  const parsed = changesQuerySchema.safeParse(queryOf(request));
  if (!parsed.success) return badParameters(parameterErrorsOf(parsed.error));
  const query = parsed.data;
  const to = query.to ?? dateIn(now, organization.timeZone);
  const from = query.from ?? addDays(to, -DEFAULT_RANGE_DAYS);
  const errors: ParameterError[] = [];
  if (from > to) {
    errors.push({ field: 'from', message: apiMessage('apiKeys.api.fromAfterTo', { from, to }) });
  } else if (addDays(from, MAX_RANGE_DAYS) < to) {
    errors.push({ field: 'from', message: apiMessage('apiKeys.api.rangeTooLong', { max: MAX_RANGE_DAYS }) });
  }
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (after === null) errors.push({ field: 'cursor', message: apiMessage('apiKeys.api.badCursor') });
  let touchpointId: string | undefined;
  if (query.touchpoint !== undefined) {
    touchpointId = (await touchpointOfReference(db, organizationId, query.touchpoint))?.id;
    if (!touchpointId) errors.push(unknownTouchpoint(query.touchpoint));
  }
  if (errors.length > 0) return badParameters(errors);

  const page = await listChanges(db, organizationId, {
    from,
    to,
    touchpointId,
    after: after ?? undefined,
    limit: query.limit ?? MAX_PAGE,
  });
  const last = page.changes.at(-1);
  return changesReply(200, {
    data: page.changes.map((change) => changeItemOf(change, change.card && { card: change.card, stale: change.stale })),
    nextCursor: page.hasMore && last ? encodeCursor(last) : null,
  });
}

/**
 * GET /api/v1/changes/{kind}/{id}/impact: one change and its card, the stored one for the organization's default
 * windows, or one computed now for other windows. Needs a key with the `read` scope.
 */
export async function changeImpactRequest(
  db: Database,
  request: Request,
  path: { kind: string; id: string },
  now = new Date(),
  rate: RatePolicy = apiRatePolicy(),
): Promise<Response> {
  const authorized = await authorizeRead(db, request, now, rate);
  if ('refusal' in authorized) return authorized.refusal;
  const { organizationId, organization } = authorized;
  const defaults = organization.settings.windows;

  const target = impactPathSchema.safeParse(path);
  // Another organization's id is answered exactly like an id that never existed.
  const change = target.success ? await findChange(db, organizationId, target.data.kind, target.data.id) : null;
  if (!change) return impactReply(404, { error: 'not_found', message: apiMessage('apiKeys.api.unknownChange') });

  const parsed = impactQuerySchema.safeParse(queryOf(request));
  if (!parsed.success) return badParameters(parameterErrorsOf(parsed.error));
  const windows: Windows = {
    baselineWeeks: parsed.data.baselineWeeks ?? defaults.baselineWeeks,
    washoutWeeks: parsed.data.washoutWeeks ?? defaults.washoutWeeks,
    afterWeeks: parsed.data.afterWeeks ?? defaults.afterWeeks,
  };

  if (sameWindows(windows, defaults)) {
    const stored = await storedCard(db, organizationId, change.kind, change.id);
    return impactReply(200, changeItemOf(change, stored.card && { card: stored.card, stale: stored.stale }));
  }
  // Computed now for these windows and never stored, so it is as fresh as it gets; within the organization's share.
  const allowed = await mayComputeOnRequest(db, organizationId, now);
  if (!allowed.allowed) {
    const seconds = allowed.retryAfterSeconds;
    const body = { error: 'rate_limited' as const, message: apiMessage('apiKeys.api.rateLimitedCards', { seconds }) };
    return impactReply(429, body, { 'Retry-After': String(seconds) });
  }
  const card = await computeImpactCard(db, organizationId, change, windows);
  if (!card) return unauthorized('unknownKey');
  return impactReply(200, changeItemOf(change, { card, stale: false }));
}
