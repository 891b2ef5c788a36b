/**
 * The thread that computes impact cards beside the server (node:worker_threads), so that a full recompute never
 * holds up a page: cards are pure arithmetic on weekly sums, which the server reads and sends here once per batch.
 * Built to one file by scripts/build-card-thread.mjs; started by lib/impact-service/cards-off-thread.ts.
 */
import { parentPort } from 'node:worker_threads';
import { impactCard } from '@/lib/impact/card';
import type { CardJob, SharedInput, ThreadReply, ThreadRequest } from './cards-off-thread';

let shared: SharedInput | null = null;

function compute(job: CardJob) {
  if (!shared) throw new Error('no batch was sent before its cards');
  return impactCard({ ...shared, change: job.change, changes: job.changes, windows: job.windows });
}

parentPort?.on('message', (request: ThreadRequest) => {
  if (request.type === 'batch') {
    shared = request.shared;
    return;
  }
  const results = request.jobs.map((job) => {
    try {
      return { ok: true as const, card: compute(job) };
    } catch (error) {
      return { ok: false as const, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  });
  parentPort!.postMessage({ id: request.id, results } satisfies ThreadReply);
});
