import { getDb } from '@/db/client';
import { changeImpactRequest } from '@/lib/api/changes';
import { withInternalErrors } from '@/lib/api/reply';

/** GET /api/v1/changes/{kind}/{id}/impact: one change's impact card, for a key with the `read` scope. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string; id: string }> }) {
  return withInternalErrors(async () => changeImpactRequest(await getDb(), request, await params));
}
