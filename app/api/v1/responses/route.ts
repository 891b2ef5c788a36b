import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { ingestResponses, reply } from '@/lib/api/ingest';

/** POST /api/v1/responses: answers from another system, authorized by an organization's API key. */
export async function POST(request: Request) {
  try {
    return await ingestResponses(await getDb(), request);
  } catch (error) {
    const requestId = randomUUID().slice(0, 8);
    console.error(`[request ${requestId}]`, error);
    return reply(500, {
      error: 'internal',
      message: `Something went wrong on our side. Request id: ${requestId}.`,
      requestId,
    });
  }
}
