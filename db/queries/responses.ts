import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { surveyResponses, touchpoints } from '@/db/schema';
import type { Metric } from '@/lib/domain/metrics';
import { dateIn } from '@/lib/domain/weeks';
import { applyRollupDeltas, type RollupDelta } from './rollups';

/** An answer ready to store: the touchpoint already resolved in the organization and the score valid. */
export interface NewResponse {
  touchpointId: string;
  metric: Metric;
  /** On the metric's scale; for TTR whole minutes. */
  score: number;
  comment?: string | null;
  respondedAt: Date;
  source: 'survey' | 'api' | 'import' | 'seed';
  externalId?: string | null;
  persona?: string | null;
  channel?: string | null;
  importId?: string | null;
}

const CHUNK = 2000;

/**
 * Stores answers and adds them to the daily rollups, in the caller's transaction. An answer whose externalId
 * the organization already has is skipped and counted as a duplicate, so a re-sent batch never duplicates.
 */
export async function recordResponses(
  tx: Database,
  organization: { id: string; timeZone: string },
  responses: NewResponse[],
): Promise<{ stored: number; duplicates: number }> {
  let stored = 0;
  const deltas = new Map<string, RollupDelta>();
  for (let i = 0; i < responses.length; i += CHUNK) {
    const rows = responses.slice(i, i + CHUNK).map((r) => ({
      organizationId: organization.id,
      touchpointId: r.touchpointId,
      metric: r.metric,
      score: r.score,
      comment: r.comment?.trim() ? r.comment.trim() : null,
      respondedAt: r.respondedAt,
      day: dateIn(r.respondedAt, organization.timeZone),
      source: r.source,
      externalId: r.externalId ?? null,
      persona: r.persona ?? null,
      channel: r.channel ?? null,
      importId: r.importId ?? null,
    }));
    const inserted = await tx
      .insert(surveyResponses)
      .values(rows)
      .onConflictDoNothing({ target: [surveyResponses.organizationId, surveyResponses.externalId] })
      .returning({ touchpointId: surveyResponses.touchpointId, metric: surveyResponses.metric, day: surveyResponses.day, score: surveyResponses.score });
    stored += inserted.length;
    for (const row of inserted) addDelta(deltas, row, 1);
  }
  await applyRollupDeltas(tx, organization.id, [...deltas.values()]);
  return { stored, duplicates: responses.length - stored };
}

/** Deletes the answers of one import and takes them out of the rollups, in the caller's transaction. */
export async function deleteImportedResponses(tx: Database, organizationId: string, importId: string): Promise<number> {
  const deleted = await tx
    .delete(surveyResponses)
    .where(and(eq(surveyResponses.organizationId, organizationId), eq(surveyResponses.importId, importId)))
    .returning({ touchpointId: surveyResponses.touchpointId, metric: surveyResponses.metric, day: surveyResponses.day, score: surveyResponses.score });
  const deltas = new Map<string, RollupDelta>();
  for (const row of deleted) addDelta(deltas, row, -1);
  await applyRollupDeltas(tx, organizationId, [...deltas.values()]);
  return deleted.length;
}

/** Counts one answer (by = 1) or one removed answer (by = -1) in its day's rollup delta. */
function addDelta(deltas: Map<string, RollupDelta>, row: { touchpointId: string; metric: Metric; day: string; score: number }, by: number) {
  const key = `${row.touchpointId}|${row.metric}|${row.day}`;
  let delta = deltas.get(key);
  if (!delta) deltas.set(key, (delta = { touchpointId: row.touchpointId, metric: row.metric, day: row.day, counts: {} }));
  delta.counts[row.score] = (delta.counts[row.score] ?? 0) + by;
}

/** The organization's touchpoints named by id or by key, for resolving what senders call them. */
export async function touchpointsByReference(tx: Database, organizationId: string, references: string[]) {
  const unique = [...new Set(references)];
  if (unique.length === 0) return new Map<string, { id: string; departmentId: string; archived: boolean }>();
  const ids = unique.filter((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(r));
  const rows = await tx
    .select({ id: touchpoints.id, key: touchpoints.key, departmentId: touchpoints.departmentId, archived: touchpoints.archived })
    .from(touchpoints)
    .where(and(
      eq(touchpoints.organizationId, organizationId),
      ids.length > 0 ? or(inArray(touchpoints.id, ids), inArray(touchpoints.key, unique)) : inArray(touchpoints.key, unique),
    ));
  const found = new Map<string, { id: string; departmentId: string; archived: boolean }>();
  for (const row of rows) {
    const value = { id: row.id, departmentId: row.departmentId, archived: row.archived };
    found.set(row.id, value);
    if (row.key) found.set(row.key, value);
  }
  return found;
}
