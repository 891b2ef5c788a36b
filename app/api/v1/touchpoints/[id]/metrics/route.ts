import { getDb } from '@/db/client';
import { withInternalErrors } from '@/lib/api/reply';
import { touchpointMetricsRequest } from '@/lib/api/touchpoints';

/** GET /api/v1/touchpoints/{id}/metrics: one metric per week or month at a touchpoint, for a key with the `read` scope. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withInternalErrors(async () => touchpointMetricsRequest(await getDb(), request, await params));
}
