import 'server-only';
import { getDb } from '@/db/client';
import { impactOrganizationIds, organizationsWithStaleImpact } from '@/db/queries/impact';
import { queueMissingImpactResults } from '@/db/queries/impact-staleness';
import { type CardComputer, inPlace, offThread } from './cards-off-thread';
import { recomputeStaleImpact } from './compute';

/**
 * The background worker that keeps stored impact cards fresh: every few seconds it recomputes the cards marked stale
 * (by answers inside their windows, other changes, edits, settings). Pages only read stored cards. It runs in the
 * server process, one run at a time: it reads and stores there, and computes the cards on a thread of their own.
 */

const EVERY_MS = 2_000;
/** Cards per batch: each batch reads the organization's weekly sums once. */
const BATCH = 1000;
let started = false;

/** One pass: every organization's stale cards, a batch at a time. Returns how many cards were stored. */
export async function runImpactWorkerOnce(
  options: { queueMissing?: boolean; computer?: CardComputer } = {},
): Promise<number> {
  const db = await getDb();
  if (options.queueMissing) for (const id of await impactOrganizationIds(db)) await queueMissingImpactResults(db, id);
  let stored = 0;
  for (const organizationId of await organizationsWithStaleImpact(db)) {
    for (;;) {
      const batch = await recomputeStaleImpact(db, organizationId, BATCH, options.computer ?? inPlace());
      stored += batch;
      if (batch < BATCH) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return stored;
}

export function startImpactWorker() {
  if (started) return;
  started = true;
  let running = false;
  let first = true;
  const computer = offThread();
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runImpactWorkerOnce({ queueMissing: first, computer });
      first = false;
    } catch (error) {
      console.error('impact cards: recomputation failed; it will be tried again', error);
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), EVERY_MS).unref();
  void tick();
}
