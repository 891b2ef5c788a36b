import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { internalErrorSchema } from '@/lib/validation/responses-api';

/** Every /api/v1 reply is JSON and never cached: answers and keys change, and errors must not stick. */
export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/**
 * Runs a route's handler; an unexpected error is logged with a short request id and answered 500 with that id,
 * never with its message.
 */
export async function withInternalErrors(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    const requestId = randomUUID().slice(0, 8);
    console.error(`[request ${requestId}]`, error);
    const body: z.input<typeof internalErrorSchema> = {
      error: 'internal',
      message: `Something went wrong on our side. Request id: ${requestId}.`,
      requestId,
    };
    return jsonReply(500, body);
  }
}
