import 'server-only';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { metricRollups } from '@/db/schema';
import { markImpactStaleForDays } from './impact-staleness';
import type { Metric } from '@/lib/domain/metrics';

/** Answers added to (or, negative, taken from) one rollup row: a count per score value. */
export interface RollupDelta {
  touchpointId: string;
  metric: Metric;
  day: string;
  counts: Record<string, number>;
}

/**
 * The new counts of a rollup row on conflict: the stored counts plus the incoming ones, score by score; a score
 * whose count falls to zero is left out. Works on PostgreSQL 15 and PGlite alike.
 */
export const mergedCounts: SQL = sql`(
  SELECT coalesce(jsonb_object_agg(merged.key, merged.total), '{}'::jsonb)
  FROM (
    SELECT key, sum(value::bigint) AS total
    FROM (SELECT * FROM jsonb_each_text(${metricRollups.counts}) UNION ALL SELECT * FROM jsonb_each_text(excluded.counts)) AS both_sides
    GROUP BY key HAVING sum(value::bigint) <> 0
  ) AS merged
)`;

/**
 * Adds counts to the rollups in the caller's transaction. Rows are written in one fixed order (touchpoint, metric,
 * day), so two transactions that touch the same days cannot deadlock; a row left with no answers is removed.
 */
export async function applyRollupDeltas(tx: Database, organizationId: string, deltas: RollupDelta[]) {
  const sorted = deltas
    .filter((d) => Object.values(d.counts).some((n) => n !== 0))
    .sort(
      (a, b) =>
        a.touchpointId.localeCompare(b.touchpointId) || a.metric.localeCompare(b.metric) || a.day.localeCompare(b.day),
    );
  for (let i = 0; i < sorted.length; i += 2000) {
    await tx
      .insert(metricRollups)
      .values(sorted.slice(i, i + 2000).map((d) => ({ organizationId, ...d })))
      .onConflictDoUpdate({
        target: [metricRollups.organizationId, metricRollups.touchpointId, metricRollups.metric, metricRollups.day],
        set: { counts: mergedCounts },
      });
  }
  const days = sorted.map((d) => d.day).sort();
  // The impact cards whose windows hold these days are recomputed in the background.
  if (days.length > 0) await markImpactStaleForDays(tx, organizationId, days[0]!, days.at(-1)!);
  if (sorted.some((d) => Object.values(d.counts).some((n) => n < 0))) {
    await tx
      .delete(metricRollups)
      .where(and(eq(metricRollups.organizationId, organizationId), sql`${metricRollups.counts} = '{}'::jsonb`));
  }
}

/**
 * SQL that adds the answers of `answers` (a CTE or table name with organization_id, touchpoint_id, metric, day,
 * score) to the rollups, for set-based moves such as a CSV import's commit. Same merge and order as above.
 */
export function addAnswersToRollups(answers: SQL): SQL {
  return sql`
    INSERT INTO metric_rollups (organization_id, touchpoint_id, metric, day, counts)
    SELECT organization_id, touchpoint_id, metric, day, jsonb_object_agg(score::text, answers)
    FROM (SELECT organization_id, touchpoint_id, metric, day, score, count(*) AS answers FROM ${answers} GROUP BY 1, 2, 3, 4, 5) AS per_score
    GROUP BY 1, 2, 3, 4
    ORDER BY touchpoint_id, metric::text, day
    ON CONFLICT (organization_id, touchpoint_id, metric, day) DO UPDATE SET counts = ${mergedCounts}`;
}
