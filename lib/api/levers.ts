import type { Database } from '@/db/client';
import { findDepartment } from '@/db/queries/departments';
import type { LeverFilters } from '@/db/queries/levers';
import type { RatePolicy } from '@/lib/domain/rate';
import { type RankedLever, rankedRegister, type UnrankedLever } from '@/lib/levers/ranked-register';
import { apiRatePolicy } from './authorize';
import { apiImpactOf } from './change-item';
import {
  authorizeRead,
  badParameters,
  parameterErrorsOf,
  queryOf,
  touchpointOfReference,
  unknownTouchpoint,
} from './changes';
import type { ParameterError } from './changes-schema';
import { type LeverItem, type LeversReply, type LeversStatus, leversQuerySchema } from './levers-schema';
import { apiMessage } from './messages';
import { jsonReply } from './reply';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function leversReply<S extends LeversStatus>(status: S, body: LeversReply<S>): Response {
  return jsonReply(status, body);
}

/** One lever of the register as the API serves it: its fields, its place in the ranking or why not, its card. */
export function leverItemOf(lever: RankedLever | UnrankedLever): LeverItem {
  const ranking = 'ranking' in lever ? lever.ranking : null;
  return {
    id: lever.id,
    kind: lever.kind,
    name: lever.name,
    description: lever.description,
    state: lever.state,
    knownSince: lever.knownSince,
    effectiveDate: lever.effectiveDate,
    department: { id: lever.departmentId, name: lever.departmentName },
    touchpoints: lever.touchpoints,
    metric: lever.metric,
    direction: lever.direction,
    ranking: ranking && {
      rank: ranking.rank,
      scaled: ranking.scaled,
      scaledLow: ranking.scaledLow,
      scaledHigh: ranking.scaledHigh,
      shrunk: ranking.shrunk,
      clear: ranking.clear,
    },
    notRanked: 'reason' in lever ? lever.reason : null,
    impact: apiImpactOf(lever.card && { card: lever.card, stale: lever.stale }, lever.touchpoints),
  };
}

/**
 * GET /api/v1/levers: the organization's accelerators and blockers, the measured ones ranked by what they did (the
 * register page's own ranking), each with its impact card. Needs a key with the `read` scope.
 */
export async function listLeversRequest(
  db: Database,
  request: Request,
  now = new Date(),
  rate: RatePolicy = apiRatePolicy(),
): Promise<Response> {
  const authorized = await authorizeRead(db, request, now, rate);
  if ('refusal' in authorized) return authorized.refusal;
  const { organizationId } = authorized;

  const parsed = leversQuerySchema.safeParse(queryOf(request));
  if (!parsed.success) return badParameters(parameterErrorsOf(parsed.error));
  const query = parsed.data;
  const filters: LeverFilters = { kind: query.kind, state: query.state };
  const errors: ParameterError[] = [];
  if (query.touchpoint !== undefined) {
    filters.touchpointId = (await touchpointOfReference(db, organizationId, query.touchpoint))?.id;
    if (!filters.touchpointId) errors.push(unknownTouchpoint(query.touchpoint));
  }
  if (query.department !== undefined) {
    const department = UUID.test(query.department)
      ? await findDepartment(db, organizationId, query.department.toLowerCase())
      : null;
    filters.departmentId = department?.id;
    if (!department) {
      errors.push({
        field: 'department',
        message: apiMessage('apiKeys.api.unknownDepartment', { department: query.department }),
      });
    }
  }
  if (errors.length > 0) return badParameters(errors);

  const register = await rankedRegister(db, organizationId, filters);
  return leversReply(200, {
    rankedBy: register.by,
    data: [...register.ranked.map(leverItemOf), ...register.unranked.map(leverItemOf)],
  });
}
