import 'server-only';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { surveyResponses, touchpoints } from '@/db/schema';
import type { Metric } from '@/lib/domain/metrics';
import { dateIn } from '@/lib/domain/weeks';
import { applyAnswersToRollups, type RolledAnswer } from './rollups';
import { rowsOf } from './raw-rows';

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
  /** The survey link that took it: its externalId then counts within the link, not the organization. */
  surveyLinkId?: string | null;
}

const CHUNK = 2000;

/** Which unique index says an answer is a duplicate: a link's own ids, or the organization's (API, imports). */
const linkIds = sql`ON CONFLICT (organization_id, survey_link_id, external_id) WHERE survey_link_id IS NOT NULL`;
const organizationIds = sql`ON CONFLICT (organization_id, external_id) WHERE survey_link_id IS NULL`;

/**
 * Stores answers and adds them to the daily rollups, in the caller's transaction. An answer whose externalId is
 * already stored is skipped and counted as a duplicate, so a re-sent batch never duplicates: per organization, or
 * per link for a survey link's answers.
 */
export async function recordResponses(
  tx: Database,
  organization: { id: string; timeZone: string },
  responses: NewResponse[],
): Promise<{ stored: number; duplicates: number }> {
  const rolled: RolledAnswer[] = [];
  const fromLinks = responses.filter((r) => r.surveyLinkId);
  const others = responses.filter((r) => !r.surveyLinkId);
  for (const [group, conflict] of [
    [others, organizationIds],
    [fromLinks, linkIds],
  ] as const) {
    for (let i = 0; i < group.length; i += CHUNK) {
      rolled.push(...(await insertChunk(tx, organization, group.slice(i, i + CHUNK), conflict)));
    }
  }
  await applyAnswersToRollups(tx, organization.id, rolled, 1);
  return { stored: rolled.length, duplicates: responses.length - rolled.length };
}

/** Inserts answers of one namespace in one statement; returns those stored (not duplicates). */
async function insertChunk(
  tx: Database,
  organization: { id: string; timeZone: string },
  chunk: NewResponse[],
  conflict: SQL,
) {
  // One JSON parameter per statement rather than a dozen bind parameters per answer: far cheaper on PGlite.
  const payload = JSON.stringify(
    chunk.map((r) => ({
      touchpoint_id: r.touchpointId,
      metric: r.metric,
      score: r.score,
      comment: r.comment?.trim() ? r.comment.trim() : null,
      responded_at: r.respondedAt.toISOString(),
      day: dateIn(r.respondedAt, organization.timeZone),
      source: r.source,
      external_id: r.externalId ?? null,
      persona: r.persona ?? null,
      channel: r.channel ?? null,
      import_id: r.importId ?? null,
      survey_link_id: r.surveyLinkId ?? null,
    })),
  );
  return rowsOf<RolledAnswer>(
    await tx.execute(sql`
      INSERT INTO survey_responses
        (organization_id, touchpoint_id, metric, score, comment, responded_at, day, source, external_id, persona, channel, import_id,
         survey_link_id)
      SELECT ${organization.id}::uuid, r.touchpoint_id, r.metric, r.score, r.comment, r.responded_at, r.day, r.source, r.external_id,
        r.persona, r.channel, r.import_id, r.survey_link_id
      FROM json_to_recordset(${payload}::text::json) AS r(
        touchpoint_id uuid, metric response_metric, score integer, comment text, responded_at timestamptz, day date,
        source response_source, external_id text, persona text, channel text, import_id uuid, survey_link_id uuid)
      ${conflict} DO NOTHING
      RETURNING touchpoint_id AS "touchpointId", metric, day::text AS day, score, channel, persona`),
  );
}

/** Deletes the answers of one import and takes them out of the rollups, in the caller's transaction. */
export async function deleteImportedResponses(tx: Database, organizationId: string, importId: string): Promise<number> {
  const deleted = await tx
    .delete(surveyResponses)
    .where(and(eq(surveyResponses.organizationId, organizationId), eq(surveyResponses.importId, importId)))
    .returning({
      touchpointId: surveyResponses.touchpointId,
      metric: surveyResponses.metric,
      day: surveyResponses.day,
      score: surveyResponses.score,
      channel: surveyResponses.channel,
      persona: surveyResponses.persona,
    });
  await applyAnswersToRollups(tx, organizationId, deleted, -1);
  return deleted.length;
}

/** The organization's touchpoints named by id or by key, for resolving what senders call them. */
export async function touchpointsByReference(tx: Database, organizationId: string, references: string[]) {
  const unique = [...new Set(references)];
  if (unique.length === 0) return new Map<string, { id: string; departmentId: string; archived: boolean }>();
  const ids = unique.filter((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(r));
  const rows = await tx
    .select({
      id: touchpoints.id,
      key: touchpoints.key,
      departmentId: touchpoints.departmentId,
      archived: touchpoints.archived,
    })
    .from(touchpoints)
    .where(
      and(
        eq(touchpoints.organizationId, organizationId),
        ids.length > 0
          ? or(inArray(touchpoints.id, ids), inArray(touchpoints.key, unique))
          : inArray(touchpoints.key, unique),
      ),
    );
  const found = new Map<string, { id: string; departmentId: string; archived: boolean }>();
  for (const row of rows) {
    const value = { id: row.id, departmentId: row.departmentId, archived: row.archived };
    found.set(row.id, value);
    if (row.key) found.set(row.key, value);
  }
  return found;
}
