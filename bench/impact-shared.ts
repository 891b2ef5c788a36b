// What bench/impact.ts and bench/impact-card-profile.ts share: the kept bench database, the card they time, and how
// they count.
import { sql } from 'drizzle-orm';
import { loadavg } from 'node:os';
import type { Database } from '@/db/client';
import { findChange } from '@/db/queries/changes';
import { rowsOf } from '@/db/queries/raw-rows';

/** The organization of 200 touchpoints and 10 million answers. */
export const BENCH_ORGANIZATION = 'Bench Impact';
/** The scratch database BENCH_KEEP=1 keeps for the next run. */
export const KEPT_DATABASE = 'touchpoint_bench_impact';
export const serverUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The URL of database `name` on the bench's server. */
export function databaseUrl(name: string) {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function quantile(samples: readonly number[], q: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export const msText = (ms: number) => `${ms.toFixed(1)} ms`;
export const medianP90 = (samples: readonly number[]) =>
  `median ${msText(quantile(samples, 0.5))}, p90 ${msText(quantile(samples, 0.9))}`;
/** The machine's load while a bench ran: its numbers mean little without it (other work shares the cores). */
export const loadText = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')} (1 / 5 / 15 min)`;

/** The card the bench times on request: a change from the middle of the year. */
export async function middleChange(db: Database, organizationId: string) {
  const [counted] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from weekly_improvements where organization_id = ${organizationId}::uuid`,
    ),
  );
  const [middle] = rowsOf<{ id: string }>(
    await db.execute(sql`select id from weekly_improvements where organization_id = ${organizationId}::uuid
      order by effective_date, id offset ${Math.floor(Number(counted!.n) / 2)} limit 1`),
  );
  return { changes: Number(counted!.n), change: (await findChange(db, organizationId, 'improvement', middle!.id))! };
}

/** The kept bench organization's id, or null when the kept database has none yet. */
export async function benchOrganizationId(db: Database): Promise<string | null> {
  const [kept] = rowsOf<{ id: string }>(
    await db.execute(sql`select id from organizations where name = ${BENCH_ORGANIZATION}`),
  );
  return kept?.id ?? null;
}
