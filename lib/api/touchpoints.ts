import type { Database } from '@/db/client';
import { findTouchpoint, listStages, listTouchpoints } from '@/db/queries/journey';
import { chartPoints } from '@/db/queries/touchpoint-chart';
import { lastMonths, MAX_RANGE_DAYS } from '@/lib/domain/chart-buckets';
import type { RatePolicy } from '@/lib/domain/rate';
import { dateIn } from '@/lib/domain/weeks';
import { touchpointChartQuerySchema } from '@/lib/validation/touchpoint-chart';
import { apiRatePolicy } from './authorize';
import { authorizeRead, badParameters, parameterErrorsOf, queryOf, touchpointOfReference } from './changes';
import { apiMessage } from './messages';
import { jsonReply } from './reply';
import {
  DEFAULT_MONTHS,
  type TouchpointItem,
  type TouchpointMetricsReply,
  type TouchpointMetricsStatus,
  touchpointMetricsQuerySchema,
  touchpointPathSchema,
  type TouchpointsReply,
  type TouchpointsStatus,
} from './touchpoints-schema';

function touchpointsReply<S extends TouchpointsStatus>(status: S, body: TouchpointsReply<S>): Response {
  return jsonReply(status, body);
}

function metricsReply<S extends TouchpointMetricsStatus>(status: S, body: TouchpointMetricsReply<S>): Response {
  return jsonReply(status, body);
}

/**
 * GET /api/v1/touchpoints: every touchpoint of the organization, archived ones too, in journey order (stage by
 * stage). Needs a key with the `read` scope.
 */
export async function listTouchpointsRequest(
  db: Database,
  request: Request,
  now = new Date(),
  rate: RatePolicy = apiRatePolicy(),
): Promise<Response> {
  const authorized = await authorizeRead(db, request, now, rate);
  if ('refusal' in authorized) return authorized.refusal;
  const { organizationId } = authorized;
  const [stages, touchpoints] = await Promise.all([
    listStages(db, organizationId),
    listTouchpoints(db, organizationId, { includeArchived: true }),
  ]);
  const stageOf = new Map(stages.map((stage, order) => [stage.id, { ...stage, order }]));
  const data = touchpoints
    .flatMap((t): (TouchpointItem & { order: number })[] => {
      const stage = stageOf.get(t.stageId);
      if (!stage) return [];
      return [
        {
          order: stage.order,
          id: t.id,
          name: t.name,
          key: t.key,
          stage: { id: stage.id, name: stage.name },
          phase: stage.phase,
          department: { id: t.departmentId, name: t.departmentName },
          channel: t.channel,
          archived: t.archived,
        },
      ];
    })
    // A stable sort keeps each stage's touchpoints in their own order.
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...item }) => item);
  return touchpointsReply(200, { data });
}

/**
 * GET /api/v1/touchpoints/{id}/metrics: one metric per week or month at a touchpoint, computed by the touchpoint
 * chart itself from the daily rollups, so the API and the page show the same numbers. Needs the `read` scope.
 */
export async function touchpointMetricsRequest(
  db: Database,
  request: Request,
  path: { id: string },
  now = new Date(),
  rate: RatePolicy = apiRatePolicy(),
): Promise<Response> {
  const authorized = await authorizeRead(db, request, now, rate);
  if ('refusal' in authorized) return authorized.refusal;
  const { organizationId, organization } = authorized;

  // Another organization's id is answered exactly like an id that never existed.
  const target = touchpointPathSchema.safeParse(path);
  const found = target.success ? await touchpointOfReference(db, organizationId, target.data.id) : undefined;
  const touchpoint = found ? await findTouchpoint(db, organizationId, found.id) : null;
  const notFound = () =>
    metricsReply(404, {
      error: 'not_found',
      message: apiMessage('apiKeys.api.unknownTouchpoint', { touchpoint: path.id }),
    });
  if (!touchpoint) return notFound();

  const parsed = touchpointMetricsQuerySchema.safeParse(queryOf(request));
  if (!parsed.success) return badParameters(parameterErrorsOf(parsed.error));
  const bucket = parsed.data.bucket ?? 'week';
  const to = parsed.data.to ?? dateIn(now, organization.timeZone);
  const from = parsed.data.from ?? lastMonths(to, DEFAULT_MONTHS, bucket, organization.weekStartsOn).from;
  // The chart's own rules for the range, so the API allows exactly what the page allows.
  const query = touchpointChartQuerySchema.safeParse({ metric: parsed.data.metric, from, to, bucket });
  if (!query.success) {
    // The formats were checked above, so what is left is the chart's range rule, said as GET /api/v1/changes says it.
    const message =
      from > to
        ? apiMessage('apiKeys.api.fromAfterTo', { from, to })
        : apiMessage('apiKeys.api.rangeTooLong', { max: MAX_RANGE_DAYS });
    return badParameters([{ field: 'from', message }]);
  }

  const chart = await chartPoints(db, organization, touchpoint.id, query.data);
  // Deleted in between: as if it never existed.
  if (!chart) return notFound();
  return metricsReply(200, {
    touchpoint: { id: touchpoint.id, name: touchpoint.name },
    metric: chart.metric,
    unit: chart.unit,
    from: chart.range.from,
    to: chart.range.to,
    bucket: query.data.bucket,
    data: chart.points.map(({ bucket: start, n, value, low, high, margin, smallSample }) => ({
      start,
      n,
      value,
      low,
      high,
      margin,
      smallSample,
    })),
  });
}
