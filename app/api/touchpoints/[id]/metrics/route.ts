import { getDb } from '@/db/client';
import { touchpointChart } from '@/db/queries/touchpoint-chart';
import { currentMember } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { id as idSchema } from '@/lib/validation/common';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { touchpointChartQuerySchema } from '@/lib/validation/touchpoint-chart';

const noStore = { 'Cache-Control': 'no-store' };

/** GET /api/touchpoints/<id>/metrics?metric=&from=&to=&bucket=&window=: the touchpoint page's chart data. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = await currentMember();
  if (!member) return Response.json({ error: 'unauthenticated' }, { status: 401, headers: noStore });
  if (!can(member.actor, 'metrics.read'))
    return Response.json({ error: 'forbidden' }, { status: 403, headers: noStore });
  const touchpointId = idSchema.safeParse((await params).id);
  if (!touchpointId.success) return Response.json({ error: 'not_found' }, { status: 404, headers: noStore });
  const parsed = touchpointChartQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json(
      { error: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) },
      { status: 400, headers: noStore },
    );
  const chart = await touchpointChart(await getDb(), member.organization, touchpointId.data, parsed.data);
  if (!chart) return Response.json({ error: 'not_found' }, { status: 404, headers: noStore });
  return Response.json(chart, { headers: noStore });
}
