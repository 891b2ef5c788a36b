import 'server-only';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { metricRollups, metricWeeklyRollups, organizations } from '@/db/schema';
import { markImpactStaleForDays } from './impact-staleness';
import type { Metric } from '@/lib/domain/metrics';
import { type FirstDay, weekOfDate } from '@/lib/domain/weeks';

/**
 * The rollups of the answers: per touchpoint, metric and day the count of each score (the charts read these), and
 * per touchpoint, metric and organization week the same counts with who answered (impact cards read these). Every
 * write of answers goes through here, in the writer's transaction, so both always hold exactly the stored answers.
 */

/** An answer added (or removed) as the rollups see it. */
export interface RolledAnswer {
  touchpointId: string;
  metric: Metric;
  day: string;
  score: number;
  channel: string | null;
  persona: string | null;
}

/**
 * A JSON object of counts plus another one, key by key; a key whose count falls to zero is left out. Works on
 * PostgreSQL 15 and PGlite alike.
 */
const mergedJson = (stored: SQL, incoming: SQL): SQL => sql`(
  SELECT coalesce(jsonb_object_agg(merged.key, merged.total), '{}'::jsonb)
  FROM (
    SELECT key, sum(value::bigint) AS total
    FROM (SELECT * FROM jsonb_each_text(${stored}) UNION ALL SELECT * FROM jsonb_each_text(${incoming})) AS both_sides
    GROUP BY key HAVING sum(value::bigint) <> 0
  ) AS merged
)`;

/** Every write of a weekly row takes a new version (see the table). */
const nextVersion = sql`nextval('metric_weekly_rollups_version')`;

const dailyMerge = { counts: mergedJson(sql`${metricRollups.counts}`, sql`excluded.counts`) };
const weeklyMerge = {
  answers: sql`${metricWeeklyRollups.answers} + excluded.answers`,
  counts: mergedJson(sql`${metricWeeklyRollups.counts}`, sql`excluded.counts`),
  channels: mergedJson(sql`${metricWeeklyRollups.channels}`, sql`excluded.channels`),
  personas: mergedJson(sql`${metricWeeklyRollups.personas}`, sql`excluded.personas`),
  version: nextVersion,
};

/** The first day of a day's week in SQL (1: weeks start on Monday, 7: on Sunday), as weekOfDate does it. */
const weekStartOf = (day: SQL, weekStartsOn: SQL) =>
  sql`(${day} - ((extract(isodow FROM ${day})::int - ${weekStartsOn}::int + 7) % 7))::date`;

/**
 * The organization's first day of the week, held (FOR SHARE) until the caller's transaction ends: a change of it,
 * which rebuilds the weekly rollups from the answers, waits for these answers to be stored, and answers stored after
 * it wait for it and use the new one. Concurrent writers of answers do not wait for each other.
 */
export async function weekStartForRollups(tx: Database, organizationId: string): Promise<FirstDay> {
  const [organization] = await tx
    .select({ weekStartsOn: organizations.weekStartsOn })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for('share');
  return organization?.weekStartsOn ?? 1;
}

const count = (counts: Record<string, number>, key: string, by: number) => (counts[key] = (counts[key] ?? 0) + by);

/**
 * Adds answers to the rollups (by = 1), or takes removed ones out (by = -1), in the caller's transaction. Rows are
 * written in one fixed order (touchpoint, metric, day or week), so two transactions that touch the same days cannot
 * deadlock; a row left with no answers is removed. Marks stale the impact cards whose windows hold these days.
 */
export async function applyAnswersToRollups(
  tx: Database,
  organizationId: string,
  answers: readonly RolledAnswer[],
  by: 1 | -1,
) {
  if (answers.length === 0) return;
  const firstDay = await weekStartForRollups(tx, organizationId);
  const daily = new Map<
    string,
    { touchpointId: string; metric: Metric; day: string; counts: Record<string, number> }
  >();
  const weekly = new Map<
    string,
    {
      touchpointId: string;
      metric: Metric;
      weekStart: string;
      answers: number;
      counts: Record<string, number>;
      channels: Record<string, number>;
      personas: Record<string, number>;
    }
  >();
  const weekOf = new Map<string, string>();
  for (const answer of answers) {
    const dayKey = `${answer.touchpointId}|${answer.metric}|${answer.day}`;
    let day = daily.get(dayKey);
    if (!day) daily.set(dayKey, (day = { ...pick(answer), day: answer.day, counts: {} }));
    count(day.counts, String(answer.score), by);
    let weekStart = weekOf.get(answer.day);
    if (weekStart === undefined) weekOf.set(answer.day, (weekStart = weekOfDate(answer.day, firstDay)));
    const weekKey = `${answer.touchpointId}|${answer.metric}|${weekStart}`;
    let week = weekly.get(weekKey);
    if (!week)
      weekly.set(weekKey, (week = { ...pick(answer), weekStart, answers: 0, counts: {}, channels: {}, personas: {} }));
    week.answers += by;
    count(week.counts, String(answer.score), by);
    count(week.channels, answer.channel ?? '', by);
    count(week.personas, answer.persona ?? '', by);
  }
  const order = (a: { touchpointId: string; metric: string }, b: { touchpointId: string; metric: string }) =>
    a.touchpointId.localeCompare(b.touchpointId) || a.metric.localeCompare(b.metric);
  const days = [...daily.values()].sort((a, b) => order(a, b) || a.day.localeCompare(b.day));
  const weeks = [...weekly.values()].sort((a, b) => order(a, b) || a.weekStart.localeCompare(b.weekStart));
  for (let i = 0; i < days.length; i += 2000) {
    await tx
      .insert(metricRollups)
      .values(days.slice(i, i + 2000).map((d) => ({ organizationId, ...d })))
      .onConflictDoUpdate({
        target: [metricRollups.organizationId, metricRollups.touchpointId, metricRollups.metric, metricRollups.day],
        set: dailyMerge,
      });
  }
  for (let i = 0; i < weeks.length; i += 1000) {
    await tx
      .insert(metricWeeklyRollups)
      .values(weeks.slice(i, i + 1000).map((w) => ({ organizationId, ...w })))
      .onConflictDoUpdate({
        target: [
          metricWeeklyRollups.organizationId,
          metricWeeklyRollups.touchpointId,
          metricWeeklyRollups.metric,
          metricWeeklyRollups.weekStart,
        ],
        set: weeklyMerge,
      });
  }
  if (by < 0) {
    await tx
      .delete(metricRollups)
      .where(and(eq(metricRollups.organizationId, organizationId), sql`${metricRollups.counts} = '{}'::jsonb`));
    await tx
      .delete(metricWeeklyRollups)
      .where(and(eq(metricWeeklyRollups.organizationId, organizationId), sql`${metricWeeklyRollups.answers} <= 0`));
  }
  const sortedDays = days.map((d) => d.day).sort();
  // The impact cards whose windows hold these days are recomputed in the background.
  await markImpactStaleForDays(tx, organizationId, sortedDays[0]!, sortedDays.at(-1)!);
}

const pick = (answer: RolledAnswer) => ({ touchpointId: answer.touchpointId, metric: answer.metric });

/**
 * SQL that adds the answers of `answers` (a CTE or table name with organization_id, touchpoint_id, metric, day, score)
 * to the daily rollups, for set-based moves such as a CSV import's commit. Same merge and order as above.
 */
export function addAnswersToRollups(answers: SQL): SQL {
  return sql`
    INSERT INTO metric_rollups (organization_id, touchpoint_id, metric, day, counts)
    SELECT organization_id, touchpoint_id, metric, day, jsonb_object_agg(score::text, answers)
    FROM (SELECT organization_id, touchpoint_id, metric, day, score, count(*) AS answers FROM ${answers} GROUP BY 1, 2, 3, 4, 5) AS per_score
    GROUP BY 1, 2, 3, 4
    ORDER BY touchpoint_id, metric::text, day
    ON CONFLICT (organization_id, touchpoint_id, metric, day) DO UPDATE SET counts = ${dailyMerge.counts}`;
}

/**
 * SQL that adds the answers of `answers` (the name of a CTE, read three times, with organization_id,
 * touchpoint_id, metric, day, score, channel and persona) to the weekly rollups, in each organization's weeks.
 */
export function addAnswersToWeeklyRollups(answers: SQL): SQL {
  const week = weekStartOf(sql`a.day`, sql`o.week_starts_on`);
  const per = (what: SQL, name: string) => sql`(
    SELECT organization_id, touchpoint_id, metric, week_start, sum(n)::int AS answers, jsonb_object_agg(k, n) AS ${sql.raw(name)}
    FROM (
      SELECT a.organization_id, a.touchpoint_id, a.metric, ${week} AS week_start, ${what} AS k, count(*) AS n
      FROM ${answers} a JOIN organizations o ON o.id = a.organization_id
      GROUP BY 1, 2, 3, 4, 5
    ) AS grouped
    GROUP BY 1, 2, 3, 4
  )`;
  return sql`
    INSERT INTO metric_weekly_rollups (organization_id, touchpoint_id, metric, week_start, answers, counts, channels, personas)
    SELECT s.organization_id, s.touchpoint_id, s.metric, s.week_start, s.answers, s.counts, c.channels, p.personas
    FROM ${per(sql`a.score::text`, 'counts')} AS s
    JOIN ${per(sql`coalesce(a.channel, '')`, 'channels')} AS c USING (organization_id, touchpoint_id, metric, week_start)
    JOIN ${per(sql`coalesce(a.persona, '')`, 'personas')} AS p USING (organization_id, touchpoint_id, metric, week_start)
    ORDER BY s.touchpoint_id, s.metric::text, s.week_start
    ON CONFLICT (organization_id, touchpoint_id, metric, week_start) DO UPDATE SET
      answers = metric_weekly_rollups.answers + excluded.answers,
      counts = ${mergedJson(sql`metric_weekly_rollups.counts`, sql`excluded.counts`)},
      channels = ${mergedJson(sql`metric_weekly_rollups.channels`, sql`excluded.channels`)},
      personas = ${mergedJson(sql`metric_weekly_rollups.personas`, sql`excluded.personas`)},
      version = ${nextVersion}`;
}

/**
 * Rebuilds an organization's weekly rollups from its answers, in the caller's transaction: its first day of the
 * week changed, so every week is cut anew.
 */
export async function rebuildWeeklyRollups(tx: Database, organizationId: string) {
  await tx.delete(metricWeeklyRollups).where(eq(metricWeeklyRollups.organizationId, organizationId));
  await tx.execute(sql`
    WITH answers AS (
      SELECT organization_id, touchpoint_id, metric, day, score, channel, persona FROM survey_responses
      WHERE organization_id = ${organizationId}::uuid
    )
    ${addAnswersToWeeklyRollups(sql`answers`)}`);
}
