// Benchmark, not a test: fills 30 areas x 5 years of weekly improvements and prints how long the grid takes.
//   npx tsx --conditions=react-server bench/weekly-grid.ts            (embedded PGlite, in memory)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx --conditions=react-server bench/weekly-grid.ts   (a throw-away database on that server)
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';
import { insertDepartment } from '@/db/queries/departments';
import { createOrganization } from '@/db/queries/organizations';
import { gridCells } from '@/db/queries/weekly';
import { weeklyGridData } from '@/db/queries/weekly-grid';
import { withLogRights } from '@/lib/domain/weekly';
import { weeklyImprovements } from '@/db/schema';
import { addWeeks, weekOf } from '@/lib/domain/weeks';

const AREAS = 30;
const WEEKS = 52 * 5;
const RUNS = 30;

async function withDatabase<T>(work: (db: Database, kind: string) => Promise<T>) {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    const open = await openDatabase({ dir: 'memory' });
    try {
      return await work(open.db, 'PGlite (in memory)');
    } finally {
      await open.close();
    }
  }
  const name = `touchpoint_bench_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const open = await openDatabase({ url: url.toString() });
  try {
    return await work(open.db, `PostgreSQL (${(await admin`show server_version`)[0]!.server_version})`);
  } finally {
    await open.close();
    await admin.unsafe(`drop database ${name} with (force)`);
    await admin.end();
  }
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p90 ${at(0.9).toFixed(2)} ms, min ${sorted[0]!.toFixed(2)} ms`;
}

async function time(fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

await withDatabase(async (db, kind) => {
  const organization = await createOrganization(db, { name: 'Bench Books', timeZone: 'Europe/Kyiv' });
  const areas = [];
  for (let i = 0; i < AREAS; i++)
    areas.push(await insertDepartment(db, organization.id, { name: `Area ${i + 1}`, stage: i % 2 ? 'back' : 'front' }));
  const currentWeek = weekOf(new Date(), organization.timeZone, 1);
  const rows = [];
  for (const area of areas) {
    for (let w = 0; w < WEEKS; w++) {
      if ((w * 7 + area.name.length) % 10 === 0) continue; // ~10% gaps
      const week = addWeeks(currentWeek, -w);
      rows.push({
        organizationId: organization.id,
        departmentId: area.id,
        weekStart: week,
        title: `Improvement ${w}`,
        effectiveDate: week,
      });
    }
  }
  const started = performance.now();
  for (let i = 0; i < rows.length; i += 1000) await db.insert(weeklyImprovements).values(rows.slice(i, i + 1000));
  console.log(
    `${kind}: ${AREAS} areas x ${WEEKS} weeks, ${rows.length} improvements inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const actor = {
    role: 'executive' as const,
    departmentId: null,
    userId: '00000000-0000-4000-8000-000000000000',
    organizationId: organization.id,
  };
  console.log(
    `  grid query, 12 weeks:        ${await time(() => gridCells(db, organization.id, addWeeks(currentWeek, -11), currentWeek))}`,
  );
  console.log(
    `  grid query, 52 weeks:        ${await time(() => gridCells(db, organization.id, addWeeks(currentWeek, -51), currentWeek))}`,
  );
  console.log(
    `  page data (weeklyGrid), 12:  ${await time(() => weeklyGridData(db, organization, { count: 12 }).then((g) => withLogRights(g, actor)))}`,
  );
  console.log(
    `  page data (weeklyGrid), 52:  ${await time(() => weeklyGridData(db, organization, { count: 52 }).then((g) => withLogRights(g, actor)))}`,
  );
});
