import { getDb } from '@/db/client';
import { withInternalErrors } from '@/lib/api/reply';
import { listTouchpointsRequest } from '@/lib/api/touchpoints';

/** GET /api/v1/touchpoints: the organization's touchpoints, for a key with the `read` scope. */
export async function GET(request: Request) {
  return withInternalErrors(async () => listTouchpointsRequest(await getDb(), request));
}
