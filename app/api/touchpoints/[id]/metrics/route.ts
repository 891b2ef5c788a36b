import { getDb } from '@/db/client';
import { touchpointChart } from '@/db/queries/touchpoint-chart';
import { currentMember } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { errorResponse } from '@/lib/http/errors';
import { type JsonResponse, jsonResponse, type TouchpointChartJson } from '@/lib/http/json';
import { id as idSchema } from '@/lib/validation/common';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { touchpointChartQuerySchema } from '@/lib/validation/touchpoint-chart';

const noStore = { 'Cache-Control': 'no-store' };

/** GET /api/touchpoints/<id>/metrics?metric=&from=&to=&bucket=&window=: the touchpoint page's chart data. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = await currentMember();
  if (!member) return errorResponse({ code: 'unauthenticated' }, { headers: noStore });
  if (!can(member.actor, 'metrics.read')) return errorResponse({ code: 'forbidden' }, { headers: noStore });
  const touchpointId = idSchema.safeParse((await params).id);
  if (!touchpointId.success) return errorResponse({ code: 'not_found' }, { headers: noStore });
  const parsed = touchpointChartQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return errorResponse({ code: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) }, { headers: noStore });
  const chart = await touchpointChart(await getDb(), member.organization, touchpointId.data, parsed.data);
  if (!chart) return errorResponse({ code: 'not_found' }, { headers: noStore });
  return jsonResponse(chart, { headers: noStore }) satisfies JsonResponse<TouchpointChartJson>;
}
