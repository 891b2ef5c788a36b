// Benchmark, not a test: where the time of one card on request goes (issue 11, "one card < 100 ms"), on the
// database bench/impact.ts keeps (prepare it once: BENCH_KEEP=1 BENCH_IMPACT_DATA_ONLY=1 npm run bench:impact).
// After warming up, it times the card as a whole with its weeks kept, then its parts: each query the card sends
// (alone, one after the other) and the arithmetic on what they read.
//   npx tsx --conditions=react-server bench/impact-card-profile.ts      BENCH_IMPACT_CARD_RUNS timed runs (30)
import { openDatabase } from '@/db/client';
import { changesBetween } from '@/db/queries/changes';
import { impactOrganization, impactTouchpoints, weeklyCells, weeklyRowsState } from '@/db/queries/impact';
import { impactCard } from '@/lib/impact/card';
import { daysRead } from '@/lib/impact/window';
import { cardOnRequestInput, computeImpactCard } from '@/lib/impact-service/compute';
import {
  benchOrganizationId,
  databaseUrl,
  KEPT_DATABASE,
  loadText,
  medianP90,
  middleChange,
  timed,
} from './impact-shared';

const RUNS = Number(process.env.BENCH_IMPACT_CARD_RUNS ?? 30);
const WARM_UP = 30;

const open = await openDatabase({ url: databaseUrl(KEPT_DATABASE) });
try {
  const db = open.db;
  const organizationId = await benchOrganizationId(db);
  if (!organizationId) throw new Error(`no bench organization in ${KEPT_DATABASE}: prepare it first (see above)`);
  const { change } = await middleChange(db, organizationId);
  const organization = (await impactOrganization(db, organizationId))!;
  const { from, to } = daysRead(change.date, organization.settings.windows, organization.weekStartsOn);
  const treated = change.touchpoints.map((t) => t.id);

  for (let i = 0; i < WARM_UP; i++) await computeImpactCard(db, organizationId, change);
  const samples = async <T>(fn: () => Promise<T> | T) => {
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) ms.push((await timed(async () => fn())).ms);
    return ms;
  };
  const card = await samples(() => computeImpactCard(db, organizationId, change));
  const input = await samples(() => cardOnRequestInput(db, organizationId, change));
  const read = (await cardOnRequestInput(db, organizationId, change))!;
  const arithmetic = await samples(() => impactCard(read));
  const queries = {
    organization: await samples(() => impactOrganization(db, organizationId)),
    touchpoints: await samples(() => impactTouchpoints(db, organizationId)),
    changes: await samples(() => changesBetween(db, organizationId, from, to)),
    'weeks state': await samples(() => weeklyRowsState(db, organizationId, { from, to }, organization.weekStartsOn)),
    'weeks read anew': await samples(() => weeklyCells(db, organizationId, { from, to }, organization, treated)),
  };
  console.log(
    [
      `One card on request (${change.title}, ${change.date}; ${RUNS} runs after ${WARM_UP} to warm up; weeks kept):`,
      `  the card:                       ${medianP90(card)}`,
      `  its input (queries, in parallel): ${medianP90(input)}`,
      `  its arithmetic (impactCard):    ${medianP90(arithmetic)}`,
      `  each query alone:`,
      ...Object.entries(queries).map(([name, ms]) => `    ${`${name}:`.padEnd(18)}${medianP90(ms)}`),
      `  ${loadText()}`,
    ].join('\n'),
  );
} finally {
  await open.close();
}
process.exit(0);
