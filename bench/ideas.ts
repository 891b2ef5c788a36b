// Benchmark, not a test: the idea board at scale (issue 12). 10,000 ideas and 200,000 votes from 300 members, on
// PGlite (in memory) and on PostgreSQL (a scratch database on BENCH_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/test, dropped afterwards), side by side in one run. Times, as the viewer a
// random member each call: (1) the board's first page sorted by votes, (2) a word search for a common word,
// (3) for a rare word, (4) the similar ideas for a typed title, (5) page 50 sorted by newest. Target: under 50 ms.
//   npm run bench:ideas          BENCH_IDEAS_RUNS (default 50) timed calls per query after 5 to warm up;
//                                BENCH_IDEAS_EXPLAIN=1 prints every plan, not only those of queries over the target.
// The data is generated in SQL from fixed hashes (the same ideas on both databases): titles and texts from the word
// lists below, content words skewed so a few are in most ideas and many in a few percent, and one idea in a thousand
// naming each of the rare words; the votes per idea are skewed (log-normal, at most one per member) and summed into
// `ideas.votes` as the app keeps it.
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { cpus, loadavg } from 'node:os';
import postgres from 'postgres';
import { type Database, type OpenDatabase, openDatabase } from '@/db/client';
import { insertDepartment } from '@/db/queries/departments';
import { boardPage, type BoardQuery, similarIdeas } from '@/db/queries/idea-board';
import { insertStage, insertTouchpoint } from '@/db/queries/journey';
import { createOrganization } from '@/db/queries/organizations';
import { rowsOf } from '@/db/queries/raw-rows';
import * as schema from '@/db/schema';

const IDEAS = 10_000;
const VOTES = 200_000;
const MEMBERS = 300;
const DEPARTMENTS = 8;
const TOUCHPOINTS = 20;
const RUNS = Number(process.env.BENCH_IDEAS_RUNS ?? 50);
const WARM_UP = 5;
const TARGET_MS = 50;
const EXPLAIN_ALL = process.env.BENCH_IDEAS_EXPLAIN === '1';
/** What a member types as the title of a new idea, while the form offers similar ones. */
const TYPED_TITLE = 'Faster refunds for damaged parcels';
const SEED = 20_261_215;

/** A word list written as text: split on white space, or on `separator` for lists of phrases. */
const words = (text: string, separator?: string) =>
  (separator ? text.split(separator) : text.split(/\s+/)).map((w) => w.trim().replace(/\s+/g, ' ')).filter(Boolean);

/** Words between the content words: in nearly every idea, as in real text. */
const FUNCTION_WORDS = words(`
  the a to and of for in at is are our they when with on it not too we their or that this be can have after
  before so no often still every more less get need want see ask find take give make keep
`);
/** Content words, most frequent first: word k of n is drawn with probability ((k+1)/n)^(1/3) - (k/n)^(1/3). */
const CONTENT_WORDS = words(`
  customers staff order delivery wait time store app website phone email parcel payment return refund queue
  checkout price service product account help team message call counter receipt card stock shelf size colour
  package courier address week minutes days hours complaint answer question form page link login password cart
  basket discount coupon voucher points loyalty member club newsletter survey feedback review rating photo
  label invoice bill tracking status update reminder notice sign map parking entrance door fitting room
  lighting music noise toilet seats table coffee water bag box tape paper plastic recycling damage broken
  missing wrong late early slow fast busy quiet empty full long short clear confusing hidden small large
  expensive cheap free extra new old friendly rude helpful polite tired angry happy lost found chat bot agent
  manager cashier driver warehouse supplier shift training script screen button menu search filter results
  language translation english mobile tablet laptop printer scanner terminal contactless cash change coins
  gift wrapping exchange warranty repair spare parts instructions manual video guide faq policy terms deadline
  weekend holiday evening morning lunch rush peak season christmas sale offer bundle subscription renewal
  cancellation fee charge deposit pickup locker slot window doorstep neighbour signature code sms notification
  settings profile history wishlist availability reservation booking appointment consultation sample tasting
  demo display mannequin trolley ramp lift stairs accessibility elderly children pets tourists students
  families regulars newcomers
`);
/** Each named by one idea in a thousand, at the end of what to change. */
const RARE_WORDS = words(`
  braille wheelchair sommelier defibrillator monogram interpreter stroller allergen umbrella engraving vegan
  halal kosher hearing dyslexia tailoring
`);
const TITLE_STARTS = words(
  `
  Faster, Clearer, Simpler, Free, Better, Offer, Add, Fix, Show, Explain, Send, Cheaper, Shorter,
  Friendlier, Update, Speed up, Remind customers about, Let customers change, Train staff on, Drop
`,
  ',',
);
const TITLE_OBJECTS = words(
  `
  refunds, delivery updates, returns, parcel tracking, opening hours, loyalty points, gift wrapping,
  payment options, delivery slots, queue times, price labels, order confirmations, invoice details,
  store maps, size advice, login help, click and collect, phone support, chat replies, return labels,
  fitting rooms, parking info, stock checks, repair status, warranty claims, voucher codes, newsletters,
  survey invites, product photos, courier choice, damaged parcels, missing items
`,
  ',',
);
const TITLE_PLACES = words(
  `
  at checkout, in the app, on the website, by phone, in store, at the counter, in emails, on invoices,
  by sms, at pickup, in the chat, on receipts, for regulars, for newcomers, at the entrance,
  in the newsletter
`,
  ',',
);
/** Cumulative shares of the statuses: most ideas new, a few withdrawn or merged (off the board). */
const STATUS_SHARES: [string, number][] = [
  ['new', 0.35],
  ['under_review', 0.5],
  ['accepted', 0.6],
  ['declined', 0.7],
  ['in_progress', 0.8],
  ['shipped', 0.92],
  ['withdrawn', 0.96],
  ['merged', 1],
];

const number = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** A PostgreSQL array literal, passed as one parameter (every element quoted). */
const pgArray = (items: readonly (string | number)[]) =>
  `{${items.map((item) => (typeof item === 'number' ? String(item) : `"${item}"`)).join(',')}}`;

/** A small seeded generator (mulberry32): the same viewers and vote counts on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function quantile(samples: number[], q: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** A uniform number in [0, 1) from PostgreSQL's integer hash of `expr` (a bigint expression) and a salt. */
const uniform = (expr: string, salt: number) =>
  `((hashint8((${expr})::bigint * 1000003 + ${SEED + salt * 7919})::float8 + 2147483648) / 4294967296)`;

/**
 * A sentence of `min` to `min + spread - 1` words for the idea `g.i`: function words 40% of the time, otherwise a
 * content word drawn with the cube-root skew. Capitalised, with a full stop.
 */
function sentence(salt: number, min: number, spread: number) {
  const token = `(g.i * 64 + k)`;
  return `(select upper(left(s, 1)) || substr(s, 2) || '.' from (
      select string_agg(case when ${uniform(token, salt)} < 0.4
          then fw[1 + floor(${uniform(token, salt + 1)} * ${FUNCTION_WORDS.length})::int]
          else cw[1 + floor(power(${uniform(token, salt + 2)}, 3) * ${CONTENT_WORDS.length})::int] end, ' ' order by k) as s
      from generate_series(1, ${min} + floor(${uniform('g.i', salt + 3)} * ${spread})::int) k) x)`;
}

/** Picks from a word list with a mild skew (the first entries more often). */
const skewedPick = (list: string, length: number, salt: number) =>
  `${list}[1 + floor(power(${uniform('g.i', salt)}, 1.5) * ${length})::int]`;

/**
 * Votes per idea: log-normal weights scaled to `total`, at most `cap` (one per member) each, the rest poured over
 * the ideas still under the cap until the sum is exact.
 */
function voteCounts(ideas: number, total: number, cap: number) {
  const random = generator(SEED);
  const weights = Array.from({ length: ideas }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.exp(1.3 * z);
  });
  const counts = new Array<number>(ideas).fill(0);
  let left = total;
  while (left > 0) {
    const open = weights.map((w, i) => (counts[i]! < cap ? w : 0));
    const sum = open.reduce((a, b) => a + b, 0);
    let given = 0;
    for (let i = 0; i < ideas; i++) {
      const add = Math.min(cap - counts[i]!, Math.floor((open[i]! / sum) * left));
      counts[i]! += add;
      given += add;
    }
    if (given === 0) {
      // Less than one vote per idea left: one each to the heaviest ideas under the cap.
      const order = [...weights.keys()].filter((i) => counts[i]! < cap).sort((a, b) => weights[b]! - weights[a]!);
      for (const i of order.slice(0, left)) counts[i]! += 1;
      given = Math.min(left, order.length);
    }
    left -= given;
  }
  return counts;
}

interface Bench {
  organizationId: string;
  members: string[];
  commonWord: string;
  commonShare: number;
  rareWord: string;
  rareShare: number;
  voteCount: number;
  mostVotes: number;
  medianVotes: number;
  generationMs: number;
}

async function generate(db: Database): Promise<Bench> {
  const started = performance.now();
  const organization = await createOrganization(db, { name: 'Bench Ideas', timeZone: 'Europe/Kyiv' });
  const org = organization.id;
  const stage = await insertStage(db, org, { name: 'Journey', phase: 'during' });
  const departmentIds: string[] = [];
  for (let d = 0; d < DEPARTMENTS; d++)
    departmentIds.push(
      (await insertDepartment(db, org, { name: `Department ${d + 1}`, stage: d % 2 ? 'back' : 'front' })).id,
    );
  // Touchpoint t belongs to department t mod 8: departments 0-3 have three, 4-7 two.
  const touchpointIds: string[] = [];
  for (let t = 0; t < TOUCHPOINTS; t++)
    touchpointIds.push(
      (
        await insertTouchpoint(db, org, {
          name: `Touchpoint ${t + 1}`,
          stageId: stage.id,
          departmentId: departmentIds[t % DEPARTMENTS]!,
          channel: t % 3 ? 'online' : 'offline',
        })
      ).id,
    );

  // Members: 4 executives, a lead per department, the rest staff spread over the departments.
  await db.execute(sql`insert into users (email, name, password_hash)
    select 'bench-idea-' || g || '@example.test', 'Member ' || g, 'not-a-hash'
    from generate_series(1, ${MEMBERS}) g`);
  await db.execute(sql`insert into memberships (organization_id, user_id, role, department_id)
    select ${org}::uuid, u.id,
           (case when u.n <= 4 then 'executive' when u.n <= ${4 + DEPARTMENTS} then 'lead' else 'staff' end)::member_role,
           case when u.n <= 4 then null else (${pgArray(departmentIds)}::uuid[])[1 + u.n % ${DEPARTMENTS}] end
    from (select id, substring(email from 'bench-idea-([0-9]+)@')::int as n from users
          where email like 'bench-idea-%') u`);
  const members = rowsOf<{ id: string }>(
    await db.execute(sql`select user_id as id from memberships where organization_id = ${org}::uuid order by user_id`),
  ).map((r) => r.id);

  // The ideas, over the last two years, in one statement.
  const statusCase = STATUS_SHARES.map(([status, upTo]) => `when ${uniform('g.i', 60)} < ${upTo} then '${status}'`);
  await db.execute(sql`
    insert into ideas (organization_id, title, today_text, change_text, department_id, touchpoint_id, author_user_id,
                       anonymous, status, created_at, updated_at, active_at)
    select ${org}::uuid, i.title, i.today, i.change, (${pgArray(departmentIds)}::uuid[])[1 + i.d],
           case when i.t < 0.3 then null
                else (${pgArray(touchpointIds)}::uuid[])[1 + i.d + ${DEPARTMENTS} * floor((i.t - 0.3) / 0.7 * (case when i.d < 4 then 3 else 2 end))::int] end,
           (${pgArray(members)}::uuid[])[1 + floor(i.a * ${members.length})::int], i.anonymous, i.status::idea_status,
           i.created_at, i.active_at, i.active_at
    from (
      select ${sql.raw(`${skewedPick('ts', TITLE_STARTS.length, 10)} || ' ' || ${skewedPick('tob', TITLE_OBJECTS.length, 11)}
               || ' ' || ${skewedPick('tpl', TITLE_PLACES.length, 12)}`)} as title,
             ${sql.raw(`${sentence(20, 8, 12)} || ' ' || ${sentence(24, 6, 10)}`)} as today,
             ${sql.raw(`${sentence(28, 6, 12)} || case when (hashint8(g.i::bigint * 7 + ${SEED})::bigint + 2147483648) % 1000 < ${RARE_WORDS.length}
               then ' Think of ' || rw[1 + ((hashint8(g.i::bigint * 7 + ${SEED})::bigint + 2147483648) % 1000)::int] || '.' else '' end`)} as change,
             floor(${sql.raw(uniform('g.i', 50))} * ${DEPARTMENTS})::int as d,
             ${sql.raw(uniform('g.i', 51))} as t,
             ${sql.raw(uniform('g.i', 52))} as a,
             ${sql.raw(uniform('g.i', 53))} < 0.1 as anonymous,
             case ${sql.raw(statusCase.join(' '))} end as status,
             now() - ${sql.raw(uniform('g.i', 54))} * interval '730 days' as created_at,
             now() - ${sql.raw(uniform('g.i', 54))} * ${sql.raw(uniform('g.i', 55))} * interval '730 days' as active_at
      from generate_series(1, ${IDEAS}) g(i),
           (select ${pgArray(FUNCTION_WORDS)}::text[] as fw, ${pgArray(CONTENT_WORDS)}::text[] as cw,
                   ${pgArray(RARE_WORDS)}::text[] as rw, ${pgArray(TITLE_STARTS)}::text[] as ts,
                   ${pgArray(TITLE_OBJECTS)}::text[] as tob, ${pgArray(TITLE_PLACES)}::text[] as tpl) w
    ) i`);

  // The votes: idea k gets counts[k] distinct members, members[(start + j * step) mod 300] for j < counts[k], with
  // the step prime to 300 so they never repeat.
  const ideaIds = rowsOf<{ id: string }>(
    await db.execute(sql`select id from ideas where organization_id = ${org}::uuid order by created_at, id`),
  ).map((r) => r.id);
  const counts = voteCounts(ideaIds.length, VOTES, members.length);
  const random = generator(SEED + 1);
  const steps = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47];
  await db.execute(sql`
    insert into idea_votes (organization_id, idea_id, user_id, created_at)
    select ${org}::uuid, v.idea_id, (${pgArray(members)}::uuid[])[1 + (v.start + j * v.step) % ${members.length}],
           now() - (j % 97) * interval '1 hour'
    from unnest(${pgArray(ideaIds)}::uuid[], ${pgArray(counts)}::int[],
                ${pgArray(ideaIds.map(() => Math.floor(random() * members.length)))}::int[],
                ${pgArray(ideaIds.map(() => steps[Math.floor(random() * steps.length)]!))}::int[]) as v(idea_id, n, start, step),
         lateral generate_series(0, v.n - 1) j`);
  await db.execute(sql`
    update ideas set votes = c.n,
                     comments = floor(c.n * ((hashint8(c.n * 31 + ${SEED})::float8 + 2147483648) / 4294967296) / 4)::int
    from (select idea_id, count(*)::int as n from idea_votes where organization_id = ${org}::uuid group by idea_id) c
    where ideas.organization_id = ${org}::uuid and ideas.id = c.idea_id`);
  await db.execute(sql`analyze`);
  const generationMs = performance.now() - started;

  // The search words: the content word in closest to 5% of the ideas, the rare word in closest to 0.1%.
  const stats = rowsOf<{ word: string; ndoc: number }>(
    await db.execute(sql`select word, ndoc from ts_stat('select words from ideas')`),
  );
  const closest = (words: readonly string[], share: number) =>
    stats
      .filter((s) => words.includes(s.word))
      .sort((a, b) => Math.abs(a.ndoc - share * IDEAS) - Math.abs(b.ndoc - share * IDEAS))[0]!;
  const common = closest(CONTENT_WORDS, 0.05);
  const rare = closest(RARE_WORDS, 0.001);
  const [votes] = rowsOf<{ n: number; most: number; median: number }>(
    await db.execute(sql`select (select count(*)::int from idea_votes) as n, max(votes) as most,
      percentile_disc(0.5) within group (order by votes) as median from ideas where organization_id = ${org}::uuid`),
  );
  return {
    organizationId: org,
    members,
    commonWord: common.word,
    commonShare: common.ndoc / IDEAS,
    rareWord: rare.word,
    rareShare: rare.ndoc / IDEAS,
    voteCount: Number(votes!.n),
    mostVotes: Number(votes!.most),
    medianVotes: Number(votes!.median),
    generationMs,
  };
}

const board = (extra: Partial<BoardQuery>): BoardQuery => ({ sort: 'votes', mine: false, page: 1, ...extra });

interface Query {
  name: string;
  run: (db: Database, viewerId: string) => Promise<unknown>;
}

function queries(bench: Bench): Query[] {
  const org = bench.organizationId;
  return [
    { name: '1 board, page 1 by votes', run: (db, viewer) => boardPage(db, org, viewer, board({})) },
    {
      name: `2 search "${bench.commonWord}" (${(bench.commonShare * 100).toFixed(1)}%)`,
      run: (db, viewer) => boardPage(db, org, viewer, board({ q: bench.commonWord })),
    },
    {
      name: `3 search "${bench.rareWord}" (${(bench.rareShare * 100).toFixed(2)}%)`,
      run: (db, viewer) => boardPage(db, org, viewer, board({ q: bench.rareWord })),
    },
    { name: '4 similar ideas to a typed title', run: (db, viewer) => similarIdeas(db, org, viewer, TYPED_TITLE) },
    {
      name: '5 page 50 by newest',
      run: (db, viewer) => boardPage(db, org, viewer, board({ sort: 'newest', page: 50 })),
    },
  ];
}

interface Timing {
  median: number;
  p90: number;
  /** The executor's own time of the statements the call sends (EXPLAIN ANALYZE), summed. */
  executor: number;
  plans: string[];
  /** What the call found: the board's total, or the number of similar ideas. */
  found: number;
}

/** The same database with a logger: the statements a call sends, with their parameters, to EXPLAIN them. */
function recording(open: OpenDatabase) {
  const statements: { query: string; params: unknown[] }[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => statements.push({ query, params }) };
  const client = (open.db as unknown as { $client: unknown }).$client;
  const db = (open.kind === 'pglite'
    ? drizzlePglite({ client: client as PGlite, schema, logger })
    : drizzlePostgres({ client: client as postgres.Sql, schema, logger })) as unknown as Database;
  const explain = async (query: string, params: unknown[]) => {
    const text = `explain (analyze, buffers) ${query}`;
    const rows =
      open.kind === 'pglite'
        ? (await (client as PGlite).query<Record<string, string>>(text, params)).rows
        : ((await (client as postgres.Sql).unsafe(text, params as never[])) as unknown as Record<string, string>[]);
    return rows.map((row) => Object.values(row)[0]!).join('\n');
  };
  return { db, statements, explain };
}

async function measure(open: OpenDatabase, bench: Bench) {
  const random = generator(SEED + 2);
  const viewer = () => bench.members[Math.floor(random() * bench.members.length)]!;
  const record = recording(open);
  const results: Timing[] = [];
  for (const query of queries(bench)) {
    for (let i = 0; i < WARM_UP; i++) await query.run(open.db, viewer());
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const who = viewer();
      const start = performance.now();
      await query.run(open.db, who);
      samples.push(performance.now() - start);
    }
    record.statements.length = 0;
    const result = await query.run(record.db, viewer());
    const found = Array.isArray(result) ? result.length : (result as { total: number }).total;
    const plans: string[] = [];
    let executor = 0;
    for (const statement of record.statements) {
      const plan = await record.explain(statement.query, statement.params);
      executor += Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
      plans.push(`${statement.query}\n${plan}`);
    }
    results.push({ median: quantile(samples, 0.5), p90: quantile(samples, 0.9), executor, plans, found });
  }
  return results;
}

interface Side {
  label: string;
  bench: Bench;
  timings: Timing[];
}

async function onPglite(): Promise<Side> {
  const open = await openDatabase({ dir: 'memory' });
  try {
    const bench = await generate(open.db);
    const [version] = rowsOf<{ v: string }>(await open.db.execute(sql`select current_setting('server_version') as v`));
    return { label: `PGlite (PostgreSQL ${version!.v}, memory)`, bench, timings: await measure(open, bench) };
  } finally {
    await open.close();
  }
}

async function onPostgres(): Promise<Side> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `touchpoint_bench_ideas_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const open = await openDatabase({ url: url.toString() });
    try {
      const bench = await generate(open.db);
      const version = (await admin`show server_version`)[0]!.server_version as string;
      return { label: `PostgreSQL ${version}`, bench, timings: await measure(open, bench) };
    } finally {
      await open.close();
    }
  } finally {
    await admin.unsafe(`drop database ${name} with (force)`);
    await admin.end();
  }
}

function report(sides: Side[]) {
  const queryNames = queries(sides[0]!.bench).map((q) => q.name);
  const nameWidth = Math.max(...queryNames.map((n) => n.length)) + 2;
  const cell = (t: Timing) =>
    [
      t.median.toFixed(1).padStart(7),
      t.p90.toFixed(1).padStart(7),
      t.executor.toFixed(1).padStart(7),
      number(t.found).padStart(6),
      (t.median < TARGET_MS && t.p90 < TARGET_MS ? 'yes' : 'NO').padStart(5),
    ].join('');
  const columns = `${'median'.padStart(7)}${'p90'.padStart(7)}${'exec'.padStart(7)}${'found'.padStart(6)}${'<50'.padStart(5)}`;
  const width = columns.length + 4;
  const lines = [
    '',
    `Idea board: ${number(IDEAS)} ideas, ${number(VOTES)} votes, ${MEMBERS} members, ${DEPARTMENTS} departments, ` +
      `${TOUCHPOINTS} touchpoints; ms per call, ${RUNS} calls each after ${WARM_UP} to warm up, as a random member.`,
    `  median/p90: the call as the app server makes it (driver included); exec: EXPLAIN ANALYZE's execution time` +
      ` of its statements, summed; found: the board's total or the similar ideas returned.`,
    `  similar ideas typed: "${TYPED_TITLE}"; ${cpus().length} CPUs, load average now ${loadavg()[0]!.toFixed(1)} ` +
      `(other processes share them: compare the two columns, and rerun when the load is high)`,
    '',
    `${''.padEnd(nameWidth)}${sides.map((s) => s.label.padEnd(width)).join('')}`,
    `${''.padEnd(nameWidth)}${sides.map(() => columns.padEnd(width)).join('')}`,
    ...queryNames.map(
      (name, q) => `${name.padEnd(nameWidth)}${sides.map((s) => cell(s.timings[q]!).padEnd(width)).join('')}`,
    ),
    '',
    ...sides.map(
      (s) =>
        `${s.label}: data generated in ${seconds(s.bench.generationMs)} (${number(s.bench.voteCount)} votes; ` +
        `most votes on one idea ${s.bench.mostVotes}, median ${s.bench.medianVotes})`,
    ),
  ];
  console.log(lines.join('\n'));
  for (const side of sides)
    side.timings.forEach((t, q) => {
      if (!EXPLAIN_ALL && t.median < TARGET_MS && t.p90 < TARGET_MS) return;
      console.log(`\n--- ${side.label}: ${queryNames[q]} (median ${t.median.toFixed(1)} ms)\n${t.plans.join('\n\n')}`);
    });
}

const sides: Side[] = [];
for (const [label, run] of [
  ['PGlite', onPglite],
  ['PostgreSQL', onPostgres],
] as const) {
  const started = performance.now();
  console.log(`${label}: generating and timing...`);
  sides.push(await run());
  console.log(`${label}: done in ${seconds(performance.now() - started)}`);
}
report(sides);
process.exit(0);
