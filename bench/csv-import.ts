// Benchmark, not a test: imports 100,000 generated CSV rows through the same code as POST /api/imports (NDJSON read,
// every row validated, rows staged step by step, then one transaction storing answers and rollups) and prints the
// total time, rows per second, the longest event-loop stall, how long the storing transaction(s) held the database,
// and the longest wait of another request's query (a `select 1` due every 100 ms while the import runs: on PGlite,
// with its single connection, that is how long other people wait).
//   npx tsx --conditions=react-server bench/csv-import.ts            (embedded PGlite, in memory)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx --conditions=react-server bench/csv-import.ts   (also a throw-away database on that server)
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';
import { insertDepartment } from '@/db/queries/departments';
import { insertStage, insertTouchpoint } from '@/db/queries/journey';
import { insertMembership } from '@/db/queries/members';
import { type HistogramQuery, rawHistograms, rollupHistograms } from '@/db/queries/metrics';
import { createOrganization } from '@/db/queries/organizations';
import { createUser } from '@/db/queries/users';
import { type ImportSteps, importStepsFor, prepareImport, storeImport } from '@/lib/commands/imports';
import { readNdjson } from '@/lib/imports/ndjson';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '@/lib/validation/imports';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const metricsAndScales = [
  ['nps', 0, 10],
  ['csat', 1, 5],
  ['ces', 1, 7],
  ['nev', 1, 10],
] as const;

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
    lines.push(
      JSON.stringify({
        touchpoint: touchpointIds[Math.floor(next() * touchpointIds.length)],
        metric,
        score: min + Math.floor(next() * (max - min + 1)),
        respondedAt: new Date(yearAgo + Math.floor(next() * 360 * 86_400_000)).toISOString(),
        externalId: `bench-${i}`,
        comment: i % 5 === 0 ? 'Quick delivery, friendly courier.' : undefined,
      }),
    );
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

/** The steps the server uses, or BENCH_STEP / BENCH_COMMIT_STEP to try others. */
function stepsFor(kind: 'pglite' | 'postgres'): ImportSteps {
  const steps = importStepsFor(kind);
  return {
    stage: Number(process.env.BENCH_STEP ?? steps.stage),
    commit: Number(process.env.BENCH_COMMIT_STEP ?? steps.commit),
  };
}

async function withDatabase(work: (db: Database, kind: string, steps: ImportSteps) => Promise<void>) {
  const memory = await openDatabase({ dir: 'memory' });
  try {
    await work(memory.db, 'PGlite (in memory)', stepsFor('pglite'));
  } finally {
    await memory.close();
  }
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) return console.log('(set BENCH_DATABASE_URL to run on PostgreSQL too)');
  const name = `touchpoint_bench_import_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const open = await openDatabase({ url: url.toString() });
  try {
    await work(open.db, `PostgreSQL (${(await admin`show server_version`)[0]!.server_version})`, stepsFor('postgres'));
  } finally {
    await open.close();
    await admin.unsafe(`drop database ${name} with (force)`);
    await admin.end();
  }
}

/** The database with every transaction timed: the windows in which, on PGlite, every other query waits. */
function timedTransactions(db: Database, durations: number[]): Database {
  const timed = Object.create(db) as Database;
  timed.transaction = (async (
    work: Parameters<Database['transaction']>[0],
    config?: Parameters<Database['transaction']>[1],
  ) => {
    const started = performance.now();
    try {
      return await db.transaction(work, config);
    } finally {
      durations.push(performance.now() - started);
    }
  }) as Database['transaction'];
  return timed;
}

/**
 * Another person's request every 100 ms: a `select 1`, timed from when it was due, so a blocked event loop (which
 * delays sending it) counts as waiting too. Reports the longest wait.
 */
function probeQueries(db: Database) {
  let longest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const due = performance.now() + 100;
      await new Promise((resolve) => setTimeout(resolve, 100));
      await db.execute(sql`select 1`);
      longest = Math.max(longest, performance.now() - due);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return longest;
    },
  };
}

const ms = (ns: number) => `${(ns / 1e6).toFixed(1)} ms`;

await withDatabase(async (db, kind, steps) => {
  const organization = await createOrganization(db, { name: 'Bench Books', timeZone: 'Europe/Kyiv' });
  const department = await insertDepartment(db, organization.id, { name: 'Delivery', stage: 'front' });
  const stage = await insertStage(db, organization.id, { name: 'Receive', phase: 'during' });
  const touchpointIds: string[] = [];
  for (let i = 0; i < 8; i++)
    touchpointIds.push(
      (
        await insertTouchpoint(db, organization.id, {
          name: `Touchpoint ${i + 1}`,
          stageId: stage.id,
          departmentId: department.id,
          channel: 'online',
        })
      ).id,
    );
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
  let stepCount = 0;
  let last = performance.now();
  const stepTimes: number[] = [];
  const transactions: number[] = [];
  const probe = probeQueries(db);
  const result = await storeImport(timedTransactions(db, transactions), actor, prepared.data, {
    step: steps.stage,
    commitStep: steps.commit,
    onProgress: () => {
      stepCount += 1;
      stepTimes.push(Math.round(performance.now() - last));
      last = performance.now();
    },
  });
  const finished = performance.now();
  const longestWait = await probe.stop();
  if (process.env.BENCH_VERBOSE) console.log(`  step times (ms): ${stepTimes.join(' ')}`);
  stall.disable();
  const stallWhileStoring = stall.max;
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result)}`);

  const seconds = (finished - started) / 1000;
  console.log(`${kind}: ${ROWS.toLocaleString('en')} rows, ${(body.length / 1e6).toFixed(1)} MB of NDJSON`);
  console.log(
    `  read body ${((readDone - started) / 1000).toFixed(2)} s, validate ${((checkedDone - readDone) / 1000).toFixed(2)} s, store ${((finished - checkedDone) / 1000).toFixed(2)} s in ${stepCount} steps of ${steps.stage} rows, then ${steps.commit >= ROWS ? 'one statement' : `statements of ${steps.commit} rows`} in one transaction`,
  );
  console.log(
    `  total ${seconds.toFixed(2)} s, ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s; stored ${result.data.stored}, duplicates ${result.data.duplicates}`,
  );
  console.log(
    `  event loop, longest stall: ${ms(Math.max(stallWhileReading, stallWhileValidating, stallWhileStoring))} (reading ${ms(stallWhileReading)}, validating ${ms(stallWhileValidating)}, storing ${ms(stallWhileStoring)}; storing p99 ${ms(stall.percentile(99))})`,
  );
  console.log(
    `  storing transaction(s): ${transactions.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}; another query's longest wait while storing: ${longestWait.toFixed(0)} ms`,
  );
  const query: HistogramQuery = { from: '2000-01-01', to: '2100-01-01', bucket: 'total', weekStartsOn: 1 };
  const fromRollups = await rollupHistograms(db, organization.id, query);
  const fromRaw = await rawHistograms(db, organization.id, query);
  const plain = (rows: typeof fromRaw) =>
    JSON.stringify(rows.map((r) => [r.touchpointId, r.metric, [...r.histogram].sort((a, b) => a[0] - b[0])]).sort());
  console.log(`  rollups equal raw answers: ${plain(fromRollups) === plain(fromRaw)}`);
});
