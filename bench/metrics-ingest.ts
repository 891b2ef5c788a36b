// Ingestion for bench/metrics.ts: answers sent to POST /api/v1/responses in batches of 1000 and one per request.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Database } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { hashToken } from '@/lib/secrets/tokens';
import { TOUCHPOINTS } from './metrics-data';

export interface Endpoint {
  url: string;
  how: string;
  stop: () => Promise<void>;
}

/** An API key stored the way settings store it: only its SHA-256 hash. */
export async function createApiKey(db: Database, organizationId: string): Promise<string> {
  const key = `tp_${randomBytes(32).toString('base64url')}`;
  await db.insert(apiKeys).values({ organizationId, name: 'Bench', prefix: key.slice(0, 10), keyHash: hashToken(key) });
  return key;
}

/** The bench measures how fast answers are stored, not the per-key request rate (API_RATE_*), so that is lifted. */
const UNLIMITED_RATE = { API_RATE_PER_SECOND: '1000000', API_RATE_BURST: '1000000' };

/** The production server (`next start` of the build in NEXT_DIST_DIR) on the bench's PostgreSQL database. */
export async function startProductionServer(databaseUrl: string, port: number): Promise<Endpoint> {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const server: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'false',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      ...UNLIMITED_RATE,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null)
      throw new Error(`next start exited with ${server.exitCode} (is there a build in ${distDir}?)`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() - started > 120_000) throw new Error('next start did not become healthy within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    how: `production server (next start, ${distDir}) on PostgreSQL`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}

/**
 * A node:http server that hands each request to the exported POST of app/api/v1/responses/route.ts, which reads
 * this process's database: for PGlite, whose files only one process may open.
 */
export async function startInProcessServer(): Promise<Endpoint> {
  Object.assign(process.env, UNLIMITED_RATE);
  const { POST } = await import('@/app/api/v1/responses/route');
  const answer = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers))
      if (typeof value === 'string') headers.set(name, value);
    const response = await POST(
      new Request(`http://localhost${incoming.url}`, { method: incoming.method, headers, body: Buffer.concat(chunks) }),
    );
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  };
  const server = createServer((incoming, outgoing) => {
    answer(incoming, outgoing).catch((error: unknown) => {
      console.error(error);
      outgoing.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    how: 'node:http server calling the exported POST of app/api/v1/responses/route.ts in the bench process',
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const metrics = [
  ['nps', 0, 10],
  ['csat', 1, 5],
  ['ces', 1, 7],
  ['nev', 1, 10],
] as const;

/** Answer i of a run: deterministic, dated within the last 30 days, with a unique externalId. */
function answer(run: string, i: number, now: number) {
  const [metric, min, max] = metrics[i % 4]!;
  return {
    touchpoint: `tp-${(i * 7) % TOUCHPOINTS}`,
    metric,
    score: min + (((i * 2654435761) >>> 16) % (max - min + 1)),
    respondedAt: new Date(now - ((i * 104729) % (30 * 86_400)) * 1000).toISOString(),
    externalId: `bench-${run}-${i}`,
  };
}

async function send(endpoint: Endpoint, key: string, responses: ReturnType<typeof answer>[]) {
  const response = await fetch(`${endpoint.url}/api/v1/responses`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ responses }),
  });
  const body = (await response.json()) as { stored?: number };
  if (response.status !== 201 || body.stored !== responses.length)
    throw new Error(`API answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
}

/** Answers per second, one request at a time: `requests` requests of `size` answers each (after a short warm-up). */
export async function ingestRate(endpoint: Endpoint, key: string, run: string, size: number, requests: number) {
  const now = Date.now();
  let i = 0;
  const batch = () => Array.from({ length: size }, () => answer(run, i++, now));
  for (let w = 0; w < Math.max(2, Math.ceil(20 / size)); w++) await send(endpoint, key, batch());
  const started = performance.now();
  for (let r = 0; r < requests; r++) await send(endpoint, key, batch());
  const seconds = (performance.now() - started) / 1000;
  return { answers: size * requests, seconds, perSecond: (size * requests) / seconds, sent: i };
}
