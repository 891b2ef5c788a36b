/**
 * The thread that computes impact cards beside the server (node:worker_threads), so that a full recompute never
 * holds up a page: cards are pure arithmetic on weekly sums, which the server reads and sends here once per batch.
 * Built to one file by scripts/build-card-thread.mjs; started by lib/impact-service/cards-off-thread.ts.
 */
import { parentPort } from 'node:worker_threads';
import { computeCards, type SharedInput, type ThreadReply, type ThreadRequest } from './cards-off-thread';

let shared: SharedInput | null = null;

parentPort?.on('message', (request: ThreadRequest) => {
  if (request.type === 'batch') shared = request.shared;
  else parentPort!.postMessage({ id: request.id, results: computeCards(shared, request.jobs) } satisfies ThreadReply);
});
