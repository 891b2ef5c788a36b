// Bulk data for bench/metrics.ts: answers generated in SQL from a fixed seed, rollups built with one GROUP BY.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { insertDepartment } from '@/db/queries/departments';
import { insertStage, insertTouchpoint } from '@/db/queries/journey';
import { createOrganization } from '@/db/queries/organizations';
import { touchpoints } from '@/db/schema';
import { addDays, dateIn } from '@/lib/domain/weeks';
import { addAnswersToRollups } from '@/db/queries/rollups';

export const TOUCHPOINTS = 50;
export const DAYS = 730;
export const TIME_ZONE = 'Europe/Kyiv';
/** The fixed seed: the same answers on every run and on both databases. */
const SEED = 20_261_122;
const CHUNK = 1_000_000;

/** A PostgreSQL array literal, passed as one parameter. */
const pgArray = (ids: string[]) => `{${ids.join(',')}}`;

export interface BenchOrganization {
  id: string;
  timeZone: string;
  /** Touchpoint ids in creation order; touchpoint i has the key `tp-<i>`. */
  touchpointIds: string[];
  first: string;
  today: string;
}

export async function createBenchOrganization(db: Database, now: Date): Promise<BenchOrganization> {
  const organization = await createOrganization(db, { name: 'Bench Books', timeZone: TIME_ZONE, weekStartsOn: 1 });
  const department = await insertDepartment(db, organization.id, { name: 'Service', stage: 'front' });
  const stage = await insertStage(db, organization.id, { name: 'Journey', phase: 'during' });
  const touchpointIds: string[] = [];
  for (let i = 0; i < TOUCHPOINTS; i++) {
    const touchpoint = await insertTouchpoint(db, organization.id, {
      name: `Touchpoint ${i}`,
      stageId: stage.id,
      departmentId: department.id,
      channel: 'online',
    });
    touchpointIds.push(touchpoint.id);
  }
  await db.execute(sql`update ${touchpoints} set key = 'tp-' || (array_position(${pgArray(touchpointIds)}::uuid[], id) - 1)
    where organization_id = ${organization.id}`);
  const today = dateIn(now, TIME_ZONE);
  return { id: organization.id, timeZone: TIME_ZONE, touchpointIds, first: addDays(today, -(DAYS - 1)), today };
}

/**
 * Inserts `count` answers: answer i goes to touchpoint i mod 50 and metric (i / 50) mod 4, on a day and with a
 * score taken from two multiplicative hashes of i and the seed (scores skewed towards the top, as surveys are).
 * Ids are sequential, as a time-ordered insert would make them.
 */
export async function insertAnswers(
  db: Database,
  organization: BenchOrganization,
  count: number,
  progress: (done: number) => void,
) {
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK) - 1;
    await db.execute(sql`
      insert into survey_responses (organization_id, id, touchpoint_id, metric, score, responded_at, day, source)
      select ${organization.id}::uuid, a.id, a.touchpoint_id, a.metric, a.score,
             ((a.day + time '08:00') + (a.second * interval '1 second')) at time zone ${organization.timeZone}, a.day, 'seed'
      from (
        select ('00000000-0000-4000-8000-' || lpad(to_hex(h.i), 12, '0'))::uuid as id,
               (${pgArray(organization.touchpointIds)}::uuid[])[1 + h.t] as touchpoint_id,
               (array['nps','csat','ces','nev'])[1 + h.m]::response_metric as metric,
               (array[0,1,1,1])[1 + h.m] + least((array[10,4,6,9])[1 + h.m], floor((array[11,5,7,10])[1 + h.m] * (1 - h.u * h.u))::int) as score,
               ${organization.first}::date + floor(h.v * ${DAYS})::int as day,
               floor(h.v * ${DAYS} * 50400)::bigint % 50400 as second
        from (
          select g.i, (g.i % ${TOUCHPOINTS})::int as t, ((g.i / ${TOUCHPOINTS}) % 4)::int as m,
                 (((g.i * 2654435761 + ${SEED}) % 4294967296) / 65536)::float8 / 65536 as u,
                 (((g.i * 2246822519 + ${SEED * 7}) % 4294967296) / 65536)::float8 / 65536 as v
          from generate_series(${from}::bigint, ${to}::bigint) as g(i)
        ) h
      ) a`);
    progress(to + 1);
  }
}

/**
 * The bench builds rollups in bulk, with the same SQL that stores a CSV import (one GROUP BY over all answers);
 * the app otherwise adds to them per insert (recordResponses).
 */
export async function buildRollups(db: Database, organizationId: string) {
  await db.execute(
    addAnswersToRollups(sql`(select * from survey_responses where organization_id = ${organizationId}) as answers`),
  );
  await db.execute(sql`analyze survey_responses`);
  await db.execute(sql`analyze metric_rollups`);
}

export async function countOf(
  db: Database,
  table: 'survey_responses' | 'metric_rollups',
  organizationId: string,
): Promise<number> {
  const result = await db.execute(
    table === 'survey_responses'
      ? sql`select count(*)::bigint as n from survey_responses where organization_id = ${organizationId}`
      : sql`select coalesce(sum(e.value::bigint), 0)::bigint as n from metric_rollups, jsonb_each_text(counts) as e where organization_id = ${organizationId}`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: string | number }[];
  return Number(rows[0]!.n);
}
