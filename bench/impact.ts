// Benchmark, not a test: impact cards at scale (issue 11). On PostgreSQL (a scratch database on BENCH_DATABASE_URL,
// default postgres://postgres@127.0.0.1:5432/test, dropped afterwards) it prints, side by side in one run:
//   (a) the demo organization: recomputing every card;
//   (b) 200 touchpoints, 10 million answers, a year of weekly improvements from 40 departments: one card on request,
//       and the full recompute of every card as the worker does it, with the touchpoint chart's query timed before
//       and while it runs (does the recompute hold up requests?), and with no stored cards against all stored
//       (the page reads cards, it never computes them).
//   npm run bench:impact          BENCH_IMPACT_ANSWERS changes the number of answers (default 10 000 000).
// BENCH_KEEP=1 keeps the scratch database (touchpoint_bench_impact) for the next run, which then skips the data;
// BENCH_IMPACT_DATA_ONLY=1 with it prepares that database and stops (for bench/impact-card-profile.ts);
// BENCH_IMPACT_CARD_ONLY=1 times only the card on request, on the kept database, BENCH_IMPACT_CARD_RUNS times each
// way (default 10), after 30 cards to warm up.
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type Database, openDatabase } from '@/db/client';
import { queueMissingImpactResults } from '@/db/queries/impact-staleness';
import { insertDepartment } from '@/db/queries/departments';
import { insertStage, insertTouchpoint } from '@/db/queries/journey';
import { createOrganization } from '@/db/queries/organizations';
import { rowsOf } from '@/db/queries/raw-rows';
import { recordResponses } from '@/db/queries/responses';
import { addAnswersToRollups, rebuildWeeklyRollups } from '@/db/queries/rollups';
import { touchpointChart } from '@/db/queries/touchpoint-chart';
import { DEMO_SLUG, seedDemo } from '@/db/seed';
import { addDays, dateIn, weekOfDate } from '@/lib/domain/weeks';
import { offThread } from '@/lib/impact-service/cards-off-thread';
import { computeImpactCard, recomputeStaleImpact } from '@/lib/impact-service/compute';
import { touchpointChartQuerySchema } from '@/lib/validation/touchpoint-chart';
import { buildCardThread } from '../scripts/build-card-thread.mjs';
import {
  BENCH_ORGANIZATION,
  benchOrganizationId,
  databaseUrl,
  KEPT_DATABASE,
  loadText,
  medianP90,
  middleChange,
  msText,
  quantile,
  serverUrl,
  timed,
} from './impact-shared';

const TOUCHPOINTS = 200;
const DEPARTMENTS = 40;
const WEEKS_OF_CHANGES = 52;
/** A year of changes plus the 27 weeks of history a card reads before its change, and the last after window. */
const DAYS = 7 * (WEEKS_OF_CHANGES + 27 + 1);
const TIME_ZONE = 'Europe/Kyiv';
const SEED = 20_261_203;
const CHUNK = 1_000_000;
const pgArray = (ids: string[]) => `{${ids.join(',')}}`;
/** A kept database from an earlier run: its data is used as it is. */
let reuse = false;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const CARD_ONLY = process.env.BENCH_IMPACT_CARD_ONLY === '1';
const CARD_RUNS = Number(process.env.BENCH_IMPACT_CARD_RUNS ?? 10);
/** Cards computed before the timed ones: the first calls of a process run cold code. */
const WARM_UP = 30;

// The worker's thread, built as the production build builds it (only the full recompute uses it).
if (!CARD_ONLY) buildCardThread();
const computer = offThread();

/** Recomputes every stale card of an organization the way the worker does, in batches, on the worker's thread. */
async function recomputeAll(db: Database, organizationId: string) {
  let total = 0;
  for (;;) {
    const batch = await recomputeStaleImpact(db, organizationId, 1000, computer);
    total += batch;
    if (batch < 1000) return total;
  }
}

async function demo(db: Database) {
  if (!reuse) await seedDemo(db);
  const [row] = (await db.execute(sql`select id from organizations where slug = ${DEMO_SLUG}`)) as unknown as {
    id: string;
  }[];
  const id = row!.id;
  await db.execute(sql`delete from impact_results where organization_id = ${id}::uuid`);
  await queueMissingImpactResults(db, id);
  const { ms, value } = await timed(() => recomputeAll(db, id));
  return `(a) demo: ${value} cards recomputed in ${seconds(ms)} (target < 5 s)`;
}

async function largeOrganization(db: Database, answers: number, log: (line: string) => void) {
  if (reuse) {
    const id = (await benchOrganizationId(db))!;
    const ids = rowsOf<{ id: string }>(
      await db.execute(sql`select id from touchpoints where organization_id = ${id}::uuid order by position, id`),
    );
    if (!CARD_ONLY) await db.execute(sql`delete from impact_results where organization_id = ${id}::uuid`);
    return { id, touchpointIds: ids.map((r) => r.id), today: dateIn(new Date(), TIME_ZONE) };
  }
  const organization = await createOrganization(db, {
    name: BENCH_ORGANIZATION,
    timeZone: TIME_ZONE,
    weekStartsOn: 1,
  });
  const stage = await insertStage(db, organization.id, { name: 'Journey', phase: 'during' });
  const departmentIds: string[] = [];
  const touchpointIds: string[] = [];
  for (let d = 0; d < DEPARTMENTS; d++) {
    const department = await insertDepartment(db, organization.id, { name: `Department ${d}`, stage: 'front' });
    departmentIds.push(department.id);
    for (let t = 0; t < TOUCHPOINTS / DEPARTMENTS; t++) {
      const touchpoint = await insertTouchpoint(db, organization.id, {
        name: `Touchpoint ${d}.${t}`,
        stageId: stage.id,
        departmentId: department.id,
        channel: 'online',
      });
      touchpointIds.push(touchpoint.id);
    }
  }
  const today = dateIn(new Date(), TIME_ZONE);
  const first = addDays(today, -(DAYS - 1));
  const generated = performance.now();
  for (let from = 0; from < answers; from += CHUNK) {
    const to = Math.min(answers, from + CHUNK) - 1;
    await db.execute(sql`
      insert into survey_responses (organization_id, touchpoint_id, metric, score, responded_at, day, source)
      select ${organization.id}::uuid, a.touchpoint_id, a.metric, a.score, (a.day + time '12:00') at time zone ${TIME_ZONE}, a.day, 'seed'
      from (
        select (${pgArray(touchpointIds)}::uuid[])[1 + h.t] as touchpoint_id,
               (array['nps','csat','ces','nev'])[1 + h.m]::response_metric as metric,
               (array[0,1,1,1])[1 + h.m] + least((array[10,4,6,9])[1 + h.m], floor((array[11,5,7,10])[1 + h.m] * (1 - h.u * h.u))::int) as score,
               ${first}::date + floor(h.v * ${DAYS})::int as day
        from (
          select (g.i % ${TOUCHPOINTS})::int as t, ((g.i / ${TOUCHPOINTS}) % 4)::int as m,
                 (((g.i * 2654435761 + ${SEED}) % 4294967296) / 65536)::float8 / 65536 as u,
                 (((g.i * 2246822519 + ${SEED * 7}) % 4294967296) / 65536)::float8 / 65536 as v
          from generate_series(${from}::bigint, ${to}::bigint) as g(i)
        ) h
      ) a`);
    log(`  ${(to + 1).toLocaleString('en-US')} answers`);
  }
  await db.execute(
    addAnswersToRollups(sql`(select * from survey_responses where organization_id = ${organization.id}) as answers`),
  );
  await rebuildWeeklyRollups(db, organization.id);
  await db.execute(sql`analyze`);
  // A year of weekly improvements: every department, every week, one at one of its five touchpoints, declaring NPS.
  const lastWeek = weekOfDate(addDays(today, -35), 1);
  await db.execute(sql`
    insert into weekly_improvements (organization_id, department_id, week_start, title, effective_date, metric, direction, created_by)
    select ${organization.id}::uuid, d.id, w.week, 'Improvement ' || d.n || '.' || w.n, w.week + 2, 'nps', 'up', null
    from unnest(${pgArray(departmentIds)}::uuid[]) with ordinality as d(id, n),
         (select (${lastWeek}::date - 7 * g)::date as week, g as n from generate_series(0, ${WEEKS_OF_CHANGES - 1}) g) w`);
  await db.execute(sql`
    insert into weekly_improvement_touchpoints (organization_id, improvement_id, touchpoint_id)
    select i.organization_id, i.id, (${pgArray(touchpointIds)}::uuid[])[
      (array_position(${pgArray(departmentIds)}::uuid[], i.department_id) - 1) * ${TOUCHPOINTS / DEPARTMENTS}
      + 1 + (((i.week_start - date '2000-01-03') / 7) % ${TOUCHPOINTS / DEPARTMENTS})]
    from weekly_improvements i where i.organization_id = ${organization.id}::uuid`);
  log(`  data ready in ${seconds(performance.now() - generated)}`);
  return { id: organization.id, touchpointIds, today };
}

async function chartTimes(db: Database, organizationId: string, touchpointIds: string[], today: string, runs: number) {
  const query = touchpointChartQuerySchema.parse({ metric: 'nps', from: addDays(today, -364), to: today });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms } = await timed(() =>
      touchpointChart(
        db,
        { id: organizationId, timeZone: TIME_ZONE, weekStartsOn: 1 },
        touchpointIds[i % touchpointIds.length]!,
        query,
      ),
    );
    samples.push(ms);
  }
  return samples;
}

/**
 * One card on request (the "other windows" path) for a change from the middle of the year, again and again, as a
 * person trying windows or a program asking for several cards does (the weeks it read are kept while unchanged);
 * and each time after an answer arrived inside its weeks (their rows are read again).
 */
async function cardOnRequest(db: Database, organizationId: string) {
  const { changes, change } = await middleChange(db, organizationId);
  for (let i = 0; i < WARM_UP; i++) await computeImpactCard(db, organizationId, change);
  const kept: number[] = [];
  for (let i = 0; i < CARD_RUNS; i++) kept.push((await timed(() => computeImpactCard(db, organizationId, change))).ms);
  const afterAnswer: number[] = [];
  for (let i = 0; i < CARD_RUNS; i++) {
    const answer = {
      touchpointId: change.touchpoints[0]!.id,
      metric: 'nps' as const,
      score: 9,
      source: 'seed' as const,
    };
    await db.transaction((tx) =>
      recordResponses(tx, { id: organizationId, timeZone: TIME_ZONE }, [
        { ...answer, respondedAt: new Date(`${change.date}T12:00:00Z`) },
      ]),
    );
    afterAnswer.push((await timed(() => computeImpactCard(db, organizationId, change))).ms);
  }
  return {
    changes,
    line:
      `    one card on request (${CARD_RUNS} runs each after ${WARM_UP} to warm up), weeks kept: ${medianP90(kept)} ` +
      `(target < 100 ms); after an answer arrived in its weeks: ${medianP90(afterAnswer)}`,
  };
}

async function run(db: Database, answers: number) {
  const lines: string[] = [];
  const log = (line: string) => console.log(line);
  if (!CARD_ONLY) {
    lines.push(await demo(db));
    log(lines[0]!);
  }
  const big = await largeOrganization(db, answers, log);
  if (process.env.BENCH_IMPACT_DATA_ONLY === '1') return lines;
  const single = await cardOnRequest(db, big.id);
  const title = `(b) ${TOUCHPOINTS} touchpoints, ${answers.toLocaleString('en-US')} answers, ${single.changes} weekly improvements from ${DEPARTMENTS} departments:`;
  if (CARD_ONLY) return [title, single.line, `    ${loadText()}`];

  const idle = await chartTimes(db, big.id, big.touchpointIds, big.today, 30);
  await queueMissingImpactResults(db, big.id);
  // The full recompute, with the touchpoint chart requested every 50 ms beside it, as a page would be.
  const during: number[] = [];
  let done = false;
  const requests = (async () => {
    while (!done) {
      during.push(...(await chartTimes(db, big.id, big.touchpointIds, big.today, 1)));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const full = await timed(() => recomputeAll(db, big.id));
  done = true;
  await requests;
  const stored = await chartTimes(db, big.id, big.touchpointIds, big.today, 30);
  const [size] = rowsOf<{ average: number; largest: number }>(
    await db.execute(sql`select avg(octet_length(card::text))::int as average, max(octet_length(card::text)) as largest
      from impact_results where organization_id = ${big.id}::uuid`),
  );

  lines.push(
    title,
    single.line,
    `    full recompute: ${full.value} cards in ${seconds(full.ms)} (${msText(full.ms / Math.max(1, full.value))} per card; target < 2 min)`,
    `    touchpoint chart query, median / p90: idle ${msText(quantile(idle, 0.5))} / ${msText(quantile(idle, 0.9))}, ` +
      `during the recompute ${msText(quantile(during, 0.5))} / ${msText(quantile(during, 0.9))} (${during.length} requests), ` +
      `with every card stored ${msText(quantile(stored, 0.5))} / ${msText(quantile(stored, 0.9))}`,
    `    a stored card: ${(Number(size!.average) / 1024).toFixed(1)} KB on average, ${(Number(size!.largest) / 1024).toFixed(1)} KB the largest`,
    `    ratios: during/idle ${(quantile(during, 0.5) / quantile(idle, 0.5)).toFixed(2)}, stored/none ${(quantile(stored, 0.5) / quantile(idle, 0.5)).toFixed(2)}`,
    `    ${loadText()}`,
  );
  return lines;
}

const keep = process.env.BENCH_KEEP === '1' || CARD_ONLY;
const name = keep ? KEPT_DATABASE : `touchpoint_bench_impact_${process.pid}`;
const admin = postgres(serverUrl(), { max: 1, onnotice: () => {} });
const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
if (CARD_ONLY && !exists) throw new Error(`BENCH_IMPACT_CARD_ONLY=1 times the kept database: prepare ${name} first`);
if (!exists) await admin.unsafe(`create database ${name}`);
reuse = keep && exists;
try {
  const open = await openDatabase({ url: databaseUrl(name) });
  try {
    const version = (await admin`show server_version`)[0]!.server_version as string;
    const lines = await run(open.db, Number(process.env.BENCH_IMPACT_ANSWERS ?? 10_000_000));
    console.log(`\nImpact cards on PostgreSQL ${version}\n${lines.join('\n')}`);
  } finally {
    await open.close();
  }
} finally {
  if (!keep) await admin.unsafe(`drop database ${name} with (force)`);
  await admin.end();
}
process.exit(0);
