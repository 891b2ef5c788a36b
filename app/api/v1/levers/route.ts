import { getDb } from '@/db/client';
import { listLeversRequest } from '@/lib/api/levers';
import { withInternalErrors } from '@/lib/api/reply';

/** GET /api/v1/levers: the register of accelerators and blockers, ranked, for a key with the `read` scope. */
export async function GET(request: Request) {
  return withInternalErrors(async () => listLeversRequest(await getDb(), request));
}
