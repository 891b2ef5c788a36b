import { getDb } from '@/db/client';
import { listChangesRequest } from '@/lib/api/changes';
import { withInternalErrors } from '@/lib/api/reply';

/** GET /api/v1/changes: the organization's changes and their impact, for a key with the `read` scope. */
export async function GET(request: Request) {
  return withInternalErrors(async () => listChangesRequest(await getDb(), request));
}
