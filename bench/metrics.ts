// Benchmark, not a test: answers at scale. Prints (a) one touchpoint's 52-week chart data from rollups against the
// same numbers from raw answers, (b) ingestion through POST /api/v1/responses in batches of 1000 against one answer
// per request, (c) whether the rollups equal the raw answers in every weekly bucket (after (b) added to them).
//   npm run bench:metrics                     PostgreSQL (10 million answers), then PGlite (1 million)
//   npx tsx --conditions=react-server bench/metrics.ts postgres         or: pglite
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test): a scratch database is created on that server
// and dropped afterwards. (b) on PostgreSQL runs the production server: build first with
// `NEXT_DIST_DIR=<dir> node scripts/build.mjs` and pass the same NEXT_DIST_DIR (BENCH_PORT, default 3299).
// BENCH_ANSWERS_POSTGRES / BENCH_ANSWERS_PGLITE change the numbers of answers.
// The answers are generated in SQL from a fixed seed and the rollups built with one INSERT ... SELECT ... GROUP BY;
// the app instead adds to the rollups in the transaction of every insert (db/queries/responses.ts), as (b) does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { type Database, openDatabase } from '@/db/client';
import { type HistogramQuery, type HistogramRow, rawHistograms, rollupHistograms } from '@/db/queries/metrics';
import type { Metric } from '@/lib/domain/metrics';
import { addWeeks, weekOfDate } from '@/lib/domain/weeks';
import {
  type BenchOrganization,
  buildRollups,
  countOf,
  createBenchOrganization,
  DAYS,
  insertAnswers,
  TOUCHPOINTS,
} from './metrics-data';
import { createApiKey, type Endpoint, ingestRate, startInProcessServer, startProductionServer } from './metrics-ingest';

const METRICS: Metric[] = ['nps', 'csat', 'ces', 'nev'];
const number = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(2)} ms`;
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

function quantile(samples: number[], q: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function timed(runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(); // warm up: plans and caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { median: quantile(samples, 0.5), p90: quantile(samples, 0.9), runs };
}

const keyOf = (row: HistogramRow) => `${row.touchpointId}|${row.metric}|${row.bucket}`;
const histogramText = (h: Map<number, number>) =>
  [...h]
    .filter(([, c]) => c !== 0)
    .sort((a, b) => a[0] - b[0])
    .join(';');

/** Buckets whose histograms differ between the two sides (a bucket missing on one side counts). */
function differences(left: HistogramRow[], right: HistogramRow[]) {
  const other = new Map(right.map((row) => [keyOf(row), histogramText(row.histogram)]));
  let differ = 0;
  for (const row of left) {
    if (other.get(keyOf(row)) !== histogramText(row.histogram)) differ++;
    other.delete(keyOf(row));
  }
  return { buckets: left.length, differ: differ + other.size };
}

async function run(db: Database, kind: string, count: number, endpointFor: () => Promise<Endpoint>) {
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  say(
    `\n${kind}: ${number(count)} answers, ${TOUCHPOINTS} touchpoints x ${METRICS.length} metrics x ${DAYS} days (2 years)`,
  );
  const organization: BenchOrganization = await createBenchOrganization(db, new Date());
  let started = performance.now();
  const progress = process.stdout.isTTY
    ? (done: number) => process.stdout.write(`\r  generating… ${number(done)}`)
    : () => {};
  await insertAnswers(db, organization, count, progress);
  if (process.stdout.isTTY) process.stdout.write(`\r${' '.repeat(40)}\r`);
  say(`  generate answers (SQL, fixed seed)          ${seconds(started)}`);
  started = performance.now();
  await buildRollups(db, organization.id);
  say(`  build rollups (bulk GROUP BY)               ${seconds(started)}`);

  const chart: HistogramQuery = {
    touchpointIds: [organization.touchpointIds[0]!],
    metrics: ['nps'],
    bucket: 'week',
    weekStartsOn: 1,
    from: addWeeks(weekOfDate(organization.today, 1), -51),
    to: organization.today,
  };
  const fromRollups = await timed(50, () => rollupHistograms(db, organization.id, chart));
  const fromRaw = await timed(count >= 5_000_000 ? 20 : 30, () => rawHistograms(db, organization.id, chart));
  const same = differences(
    await rollupHistograms(db, organization.id, chart),
    await rawHistograms(db, organization.id, chart),
  );
  const speedUp = fromRaw.median / fromRollups.median;
  say(
    `(a) one touchpoint's 52-week NPS chart data (bucket 'week', ${same.buckets} weeks, identical: ${same.differ === 0 ? 'yes' : 'NO'})`,
  );
  say('                                median        p90  runs');
  say(
    `  rollupHistograms        ${ms(fromRollups.median).padStart(12)} ${ms(fromRollups.p90).padStart(10)}  ${fromRollups.runs}`,
  );
  say(`  rawHistograms           ${ms(fromRaw.median).padStart(12)} ${ms(fromRaw.p90).padStart(10)}  ${fromRaw.runs}`);
  say(
    `  speed-up (median)       ${speedUp.toFixed(0).padStart(11)}x     target >= 100x and < 50 ms: ${speedUp >= 100 && fromRollups.median < 50 ? 'met' : 'NOT met'}`,
  );

  const endpoint = await endpointFor();
  try {
    const key = await createApiKey(db, organization.id);
    const batches = await ingestRate(endpoint, key, 'batch', 1000, 20);
    const singles = await ingestRate(endpoint, key, 'single', 1, count >= 5_000_000 ? 1000 : 500);
    const ratio = batches.perSecond / singles.perSecond;
    say(`(b) ingestion through POST /api/v1/responses, one request at a time: ${endpoint.how}`);
    say('                             answers   seconds   answers/s');
    for (const [label, r] of [
      ['batches of 1000', batches],
      ['one per request', singles],
    ] as const) {
      say(
        `  ${label.padEnd(22)} ${number(r.answers).padStart(9)} ${r.seconds.toFixed(2).padStart(9)} ${r.perSecond.toFixed(0).padStart(11)}`,
      );
    }
    say(
      `  ratio                  ${ratio.toFixed(1).padStart(9)}x                target >= 20x: ${ratio >= 20 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await endpoint.stop();
  }

  started = performance.now();
  const all: HistogramQuery = {
    metrics: METRICS,
    bucket: 'week',
    weekStartsOn: 1,
    from: organization.first,
    to: organization.today,
  };
  const compared = differences(
    await rollupHistograms(db, organization.id, all),
    await rawHistograms(db, organization.id, all),
  );
  const [raw, rolled] = [
    await countOf(db, 'survey_responses', organization.id),
    await countOf(db, 'metric_rollups', organization.id),
  ];
  say(
    `(c) rollups against raw answers, every week of every touchpoint and metric, after (b): ${number(compared.buckets)} buckets, ` +
      `${compared.differ === 0 ? 'all equal' : `${number(compared.differ)} DIFFER`}; ${number(raw)} answers, ${number(rolled)} counted in rollups (${seconds(started)})`,
  );
  return lines;
}

async function onPostgres(count: number) {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `touchpoint_bench_metrics_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const open = await openDatabase({ url: url.toString() });
    try {
      const version = (await admin`show server_version`)[0]!.server_version as string;
      return await run(open.db, `PostgreSQL ${version}`, count, () =>
        startProductionServer(url.toString(), Number(process.env.BENCH_PORT ?? 3299)),
      );
    } finally {
      await open.close();
    }
  } finally {
    await admin.unsafe(`drop database ${name} with (force)`);
    await admin.end();
  }
}

/** PGlite in a temporary directory, opened as this process's database so the route handler uses it too. */
async function onPglite(count: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-bench-'));
  process.env.DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  const { processDatabase } = await import('@/db/client');
  const open = await processDatabase();
  try {
    return await run(open.db, 'PGlite (temporary directory)', count, startInProcessServer);
  } finally {
    await open.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const which = process.argv[2] ?? 'all';
if (!['all', 'postgres', 'pglite'].includes(which))
  throw new Error('Usage: tsx --conditions=react-server bench/metrics.ts [all|postgres|pglite]');
const report: string[] = [];
if (which !== 'pglite') report.push(...(await onPostgres(Number(process.env.BENCH_ANSWERS_POSTGRES ?? 10_000_000))));
if (which !== 'postgres') report.push(...(await onPglite(Number(process.env.BENCH_ANSWERS_PGLITE ?? 1_000_000))));
if (which === 'all') console.log(`\nSummary\n${report.join('\n')}`);
process.exit(0);
