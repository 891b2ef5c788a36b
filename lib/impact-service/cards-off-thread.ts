/**
 * Computing impact cards off the server's main thread: a worker thread (card-thread.ts, built to one file next to
 * the production build) gets a batch's weekly sums once, then the cards to compute 25 at a time. Where the file is
 * not built (tests, `next dev`), cards are computed in place, as the same pure function.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type CardInput, impactCard } from '@/lib/impact/card';
import type { ImpactCard } from '@/lib/impact/card-schema';

/** What every card of a batch shares: the organization's touchpoints, sums, audience, settings and calendar. */
export type SharedInput = Omit<CardInput, 'change' | 'changes' | 'windows'>;
export type CardJob = Pick<CardInput, 'change' | 'changes' | 'windows'>;
export type CardResult = { ok: true; card: ImpactCard } | { ok: false; error: string };

export type ThreadRequest = { type: 'batch'; shared: SharedInput } | { type: 'cards'; id: number; jobs: CardJob[] };
export interface ThreadReply {
  id: number;
  results: CardResult[];
}

/** Computes cards of one batch: `begin` sends what they share, `compute` the cards (in order). */
export interface CardComputer {
  begin(shared: SharedInput): void;
  compute(jobs: CardJob[]): Promise<CardResult[]>;
}

/** The built thread's file: beside the production build (NEXT_DIST_DIR, default .next). */
export const cardThreadFile = () =>
  path.join(/* turbopackIgnore: true */ process.cwd(), process.env.NEXT_DIST_DIR ?? '.next', 'impact-card-thread.cjs');

/** The cards of a batch, each its card or why it could not be computed (one failing does not stop the others). */
export function computeCards(shared: SharedInput | null, jobs: readonly CardJob[]): CardResult[] {
  return jobs.map((job): CardResult => {
    try {
      if (!shared) throw new Error('no batch was begun before its cards');
      return { ok: true, card: impactCard({ ...shared, ...job }) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  });
}

/** Cards computed in place, on the caller's thread. */
export function inPlace(): CardComputer {
  let shared: SharedInput | null = null;
  return {
    begin: (batch) => void (shared = batch),
    compute: async (jobs) => computeCards(shared, jobs),
  };
}

/**
 * Cards computed on a worker thread started from `file`, or in place when it is missing. One thread serves the
 * process; a thread that dies is replaced by the next batch.
 */
export function offThread(file = cardThreadFile()): CardComputer {
  // The file is built apart (not by Next's bundler, which must neither follow nor trace it).
  if (!existsSync(/* turbopackIgnore: true */ file)) return inPlace();
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (r: CardResult[]) => void; reject: (e: Error) => void }>();
  const start = () => {
    const thread = new Worker(/* turbopackIgnore: true */ file);
    thread.unref();
    thread.on('message', (reply: ThreadReply) => {
      waiting.get(reply.id)?.resolve(reply.results);
      waiting.delete(reply.id);
    });
    const fail = (error: Error) => {
      worker = null;
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    };
    thread.on('error', fail);
    thread.on('exit', (code) => fail(new Error(`the impact card thread stopped (exit code ${code})`)));
    return thread;
  };
  return {
    begin(shared) {
      worker ??= start();
      worker.postMessage({ type: 'batch', shared } satisfies ThreadRequest);
    },
    compute(jobs) {
      const thread = worker;
      if (!thread) return Promise.reject(new Error('the impact card thread stopped; the next batch starts another'));
      const id = (next += 1);
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        thread.postMessage({ type: 'cards', id, jobs } satisfies ThreadRequest);
      });
    },
  };
}
