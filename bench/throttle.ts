// Benchmark, not a test: what one public-survey answer from a new address costs in the rate limiter's table
// (sign_in_throttles) when that table is large: ROWS keys seen in the last day and ROWS keys older than a day, as
// after a flood of answers from many addresses. A new address opens a window, and with it the limiter forgets stale
// keys; that must not read or delete the whole table on one request (issue 10, item 9).
//   npx tsx --conditions=react-server bench/throttle.ts                 (embedded PGlite, in memory)
//   BENCH_ROWS=200000 BENCH_WITHOUT_INDEX=1 npx tsx --conditions=react-server bench/throttle.ts   (as before the index)
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { takeAttempt } from '@/db/queries/throttle';
import { rowsOf } from '@/db/queries/raw-rows';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const REQUESTS = 200;
/** The public survey's policy (lib/survey/public-survey.ts), which loads the catalog and so cannot be run here. */
const SURVEY_THROTTLE = { maxAttempts: 30, windowMs: 10 * 60_000 };

const open = await openDatabase({ dir: 'memory' });
const { db } = open;
try {
  if (process.env.BENCH_WITHOUT_INDEX) await db.execute(sql`DROP INDEX IF EXISTS sign_in_throttles_window_started_idx`);
  const now = Date.now();
  await db.execute(sql`
    INSERT INTO sign_in_throttles (key, failures, window_started_at)
    SELECT 'survey:fresh-' || i, 1, to_timestamp(${Math.floor(now / 1000)}::bigint - (i % 80000)) FROM generate_series(1, ${ROWS}) AS i`);
  await db.execute(sql`
    INSERT INTO sign_in_throttles (key, failures, window_started_at)
    SELECT 'survey:stale-' || i, 1, to_timestamp(${Math.floor(now / 1000)}::bigint - 90000 - i) FROM generate_series(1, ${ROWS}) AS i`);
  await db.execute(sql`ANALYZE sign_in_throttles`);

  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await takeAttempt(db, `survey:new-${i}`, SURVEY_THROTTLE, new Date(now));
    times.push(performance.now() - started);
  }
  const [left] = rowsOf<{ count: number }>(
    await db.execute(sql`SELECT count(*)::integer AS count FROM sign_in_throttles`),
  );
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `table: ${ROWS} fresh + ${ROWS} stale keys${process.env.BENCH_WITHOUT_INDEX ? ', without the index' : ''}`,
  );
  console.log(`first new address: ${times[0]!.toFixed(1)} ms`);
  console.log(
    `next ${REQUESTS - 1}: mean ${mean.toFixed(1)} ms, median ${sorted[REQUESTS >> 1]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
  );
  console.log(`rows left: ${left!.count}`);
} finally {
  await open.close();
}
