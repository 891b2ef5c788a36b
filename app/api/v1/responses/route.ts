import { getDb } from '@/db/client';
import { ingestResponses } from '@/lib/api/ingest';
import { withInternalErrors } from '@/lib/api/reply';

/** POST /api/v1/responses: answers from another system, authorized by an organization's API key with `ingest`. */
export async function POST(request: Request) {
  return withInternalErrors(async () => ingestResponses(await getDb(), request));
}
