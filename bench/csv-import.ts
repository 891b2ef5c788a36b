// Benchmark, not a test: imports 100,000 generated CSV rows through the same code as POST /api/imports (NDJSON read,
// every row validated, one transaction storing answers and rollups step by step) and prints the total time,
// rows per second and the longest event-loop stall while it ran.
//   npx tsx bench/csv-import.ts            (embedded PGlite, in memory)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/csv-import.ts   (also a throw-away database on that server)
import { monitorEventLoopDelay } from 'node:perf_hooks';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';
import { insertDepartment } from '@/db/queries/departments';
import { insertStage, insertTouchpoint } from '@/db/queries/journey';
import { insertMembership } from '@/db/queries/members';
import { type HistogramQuery, rawHistograms, rollupHistograms } from '@/db/queries/metrics';
import { createOrganization } from '@/db/queries/organizations';
import { createUser } from '@/db/queries/users';
import { importStepFor, prepareImport, storeImport } from '@/lib/commands/imports';
import { readNdjson } from '@/lib/imports/ndjson';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '@/lib/validation/imports';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const metricsAndScales = [['nps', 0, 10], ['csat', 1, 5], ['ces', 1, 7], ['nev', 1, 10]] as const;

/** A fixed-seed generator (mulberry32), so every run imports the same rows. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The request body the import page sends: a header line, then one mapped answer per line. */
function ndjsonBody(touchpointIds: string[]): string {
  const next = random(42);
  const lines = [JSON.stringify({ fileName: 'bench.csv' })];
  const yearAgo = Date.now() - 365 * 86_400_000;
  for (let i = 0; i < ROWS; i++) {
    const [metric, min, max] = metricsAndScales[Math.floor(next() * metricsAndScales.length)]!;
    lines.push(JSON.stringify({
      touchpoint: touchpointIds[Math.floor(next() * touchpointIds.length)],
      metric,
      score: min + Math.floor(next() * (max - min + 1)),
      respondedAt: new Date(yearAgo + Math.floor(next() * 360 * 86_400_000)).toISOString(),
      externalId: `bench-${i}`,
      comment: i % 5 === 0 ? 'Quick delivery, friendly courier.' : undefined,
    }));
  }
  return `${lines.join('\n')}\n`;
}

/** The body as the network delivers it: 64 kB chunks. */
function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 65_536));
      offset += 65_536;
    },
  });
}

async function withDatabase(work: (db: Database, kind: string, step: number) => Promise<void>) {
  const memory = await openDatabase({ dir: 'memory' });
  try { await work(memory.db, 'PGlite (in memory)', Number(process.env.BENCH_STEP ?? importStepFor('pglite'))); } finally { await memory.close(); }
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) return console.log('(set BENCH_DATABASE_URL to run on PostgreSQL too)');
  const name = `touchpoint_bench_import_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const open = await openDatabase({ url: url.toString() });
  try {
    await work(open.db, `PostgreSQL (${(await admin`show server_version`)[0]!.server_version})`, Number(process.env.BENCH_STEP ?? importStepFor('postgres')));
  } finally {
    await open.close();
    await admin.unsafe(`drop database ${name} with (force)`);
    await admin.end();
  }
}

const ms = (ns: number) => `${(ns / 1e6).toFixed(1)} ms`;

await withDatabase(async (db, kind, step) => {
  const organization = await createOrganization(db, { name: 'Bench Books', timeZone: 'Europe/Kyiv' });
  const department = await insertDepartment(db, organization.id, { name: 'Delivery', stage: 'front' });
  const stage = await insertStage(db, organization.id, { name: 'Receive', phase: 'during' });
  const touchpointIds: string[] = [];
  for (let i = 0; i < 8; i++) touchpointIds.push((await insertTouchpoint(db, organization.id, { name: `Touchpoint ${i + 1}`, stageId: stage.id, departmentId: department.id, channel: 'online' })).id);
  const user = await createUser(db, { email: `bench-${process.pid}@example.test`, name: 'Bench', passwordHash: 'x' });
  await insertMembership(db, organization.id, { userId: user.id, role: 'executive', departmentId: null });
  const actor = { userId: user.id, organizationId: organization.id, role: 'executive' as const, departmentId: null };
  const body = ndjsonBody(touchpointIds);

  const stall = monitorEventLoopDelay({ resolution: 5 });
  stall.enable();
  const started = performance.now();
  const read = await readNdjson(streamOf(body), { maxBytes: MAX_IMPORT_BYTES, maxLines: MAX_IMPORT_ROWS + 1 });
  if (!read.ok) throw new Error(`body refused: ${read.reason}`);
  const [header, ...rows] = read.values;
  const readDone = performance.now();
  const stallWhileReading = stall.max;
  stall.reset();
  const prepared = await prepareImport(db, actor, { ...(header as object), rows });
  if (!prepared.ok) throw new Error(`import refused: ${JSON.stringify(prepared)}`);
  const checkedDone = performance.now();
  const stallWhileValidating = stall.max;
  stall.reset();
  let steps = 0;
  let last = performance.now();
  const stepTimes: number[] = [];
  const result = await storeImport(db, actor, prepared.data, { step, onProgress: () => { steps += 1; stepTimes.push(Math.round(performance.now() - last)); last = performance.now(); } });
  if (process.env.BENCH_VERBOSE) console.log(`  step times (ms): ${stepTimes.join(" ")}`);
  const finished = performance.now();
  stall.disable();
  const stallWhileStoring = stall.max;
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result)}`);

  const seconds = (finished - started) / 1000;
  console.log(`${kind}: ${ROWS.toLocaleString('en')} rows, ${(body.length / 1e6).toFixed(1)} MB of NDJSON`);
  console.log(`  read body ${((readDone - started) / 1000).toFixed(2)} s, validate ${((checkedDone - readDone) / 1000).toFixed(2)} s, store ${((finished - checkedDone) / 1000).toFixed(2)} s in ${steps} steps of ${step} rows`);
  console.log(`  total ${seconds.toFixed(2)} s, ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s; stored ${result.data.stored}, duplicates ${result.data.duplicates}`);
  console.log(`  event loop, longest stall: ${ms(Math.max(stallWhileReading, stallWhileValidating, stallWhileStoring))} (reading ${ms(stallWhileReading)}, validating ${ms(stallWhileValidating)}, storing ${ms(stallWhileStoring)}; storing p99 ${ms(stall.percentile(99))})`);
  const query: HistogramQuery = { from: '2000-01-01', to: '2100-01-01', bucket: 'total', weekStartsOn: 1 };
  const fromRollups = await rollupHistograms(db, organization.id, query);
  const fromRaw = await rawHistograms(db, organization.id, query);
  const plain = (rows: typeof fromRaw) => JSON.stringify(rows.map((r) => [r.touchpointId, r.metric, [...r.histogram].sort((a, b) => a[0] - b[0])]).sort());
  console.log(`  rollups equal raw answers: ${plain(fromRollups) === plain(fromRaw)}`);
});
