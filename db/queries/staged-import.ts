import 'server-only';
/**
 * A CSV import in two parts. Its valid rows are first staged in short steps (each one statement, no long
 * transaction, so other requests do not wait for the staging, even on embedded PGlite with its single
 * connection); then one set-based transaction moves them into the answers and the rollups, so the import's
 * answers appear all at once or not at all. Small inserts (survey, API, seed) keep using recordResponses.
 */
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { responseImports } from '@/db/schema';
import type { Metric } from '@/lib/domain/metrics';
import { markImpactStaleForDays } from './impact-staleness';
import { addAnswersToRollups, addAnswersToWeeklyRollups, weekStartForRollups } from './rollups';
import { rowsOf } from './raw-rows';

/** One valid row of an import as it waits in staged_responses; `day` is dateIn(respondedAt, organization's zone). */
export interface StagedRow {
  rowNumber: number;
  touchpointId: string;
  metric: Metric;
  score: number;
  comment: string | null;
  respondedAt: Date;
  day: string;
  externalId: string | null;
  persona: string | null;
  channel: string | null;
}

/** The key space of the advisory lock that lets one import at a time start per organization (any fixed number). */
const IMPORT_LOCK_SPACE = 7_325_002;

export type ImportClaim = { ok: true; id: string } | { ok: false; running: { fileName: string; createdAt: Date } };

/**
 * Starts a new import, not yet complete (hidden from the history until its answers are stored), unless another
 * import of the organization is still running: one at a time per organization, so two imports never stage and
 * store side by side. The check and the insert run under a transaction-level advisory lock per organization, so
 * two imports starting at the same moment (on any number of servers) cannot both find none running. Unfinished
 * imports started before `abandonedBefore` (a server stopped mid-import) are cleared first.
 */
export async function claimStagingImport(
  db: Database,
  organizationId: string,
  values: { fileName: string; rowCount: number; createdBy: string },
  abandonedBefore: Date,
): Promise<ImportClaim> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_SPACE}::integer, hashtext(${organizationId}))`);
    await discardAbandonedImports(tx, organizationId, abandonedBefore);
    const [running] = await tx
      .select({ fileName: responseImports.fileName, createdAt: responseImports.createdAt })
      .from(responseImports)
      .where(and(eq(responseImports.organizationId, organizationId), isNull(responseImports.completedAt)))
      .limit(1);
    if (running) return { ok: false, running };
    const [row] = await tx
      .insert(responseImports)
      .values({ organizationId, ...values, completedAt: null })
      .returning({ id: responseImports.id });
    return { ok: true, id: row!.id };
  });
}

/**
 * Stages rows in one statement with a single JSON parameter (not one bind parameter per value), so a step of
 * thousands of rows costs one round trip.
 */
export async function stageRows(db: Database, organizationId: string, importId: string, rows: StagedRow[]) {
  if (rows.length === 0) return;
  const payload = JSON.stringify(
    rows.map((r) => ({
      row_number: r.rowNumber,
      touchpoint_id: r.touchpointId,
      metric: r.metric,
      score: r.score,
      comment: r.comment,
      responded_at: r.respondedAt.toISOString(),
      day: r.day,
      external_id: r.externalId,
      persona: r.persona,
      channel: r.channel,
    })),
  );
  await db.execute(sql`
    INSERT INTO staged_responses
      (organization_id, import_id, row_number, touchpoint_id, metric, score, comment, responded_at, day, external_id, persona, channel)
    SELECT ${organizationId}::uuid, ${importId}::uuid, r.row_number, r.touchpoint_id, r.metric, r.score, r.comment, r.responded_at, r.day,
      r.external_id, r.persona, r.channel
    FROM json_to_recordset(${payload}::text::json) AS r(
      row_number integer, touchpoint_id uuid, metric response_metric, score integer, comment text, responded_at timestamptz, day date,
      external_id text, persona text, channel text)`);
}

/**
 * Moves an import's staged rows numbered `from` to `to` into survey_responses and adds them to the rollups, in
 * one statement in the caller's transaction. A row whose externalId the organization already has, or an earlier
 * row of the same file has, is skipped: `staged - stored` are the duplicates. Rollups are written in the order
 * recordResponses uses (touchpoint, metric name, day, score), so when all rows move in one statement (on
 * PostgreSQL) two transactions touching the same days cannot deadlock.
 */
export async function moveStagedRows(
  tx: Database,
  organizationId: string,
  importId: string,
  rows: { from: number; to: number },
): Promise<{ staged: number; stored: number }> {
  // The weekly rollups below are cut in the organization's weeks: hold its first day of the week meanwhile.
  await weekStartForRollups(tx, organizationId);
  const result = await tx.execute(sql`
    WITH staged AS (
      DELETE FROM staged_responses
      WHERE organization_id = ${organizationId}::uuid AND import_id = ${importId}::uuid AND row_number BETWEEN ${rows.from}::integer AND ${rows.to}::integer
      RETURNING organization_id, import_id, row_number, touchpoint_id, metric, score, comment, responded_at, day, external_id, persona, channel
    ), moved AS (
      INSERT INTO survey_responses
        (organization_id, touchpoint_id, metric, score, comment, responded_at, day, source, external_id, persona, channel, import_id)
      SELECT organization_id, touchpoint_id, metric, score, comment, responded_at, day, 'import'::response_source, external_id, persona, channel, import_id
      FROM staged ORDER BY row_number
      ON CONFLICT (organization_id, external_id) WHERE survey_link_id IS NULL DO NOTHING
      RETURNING organization_id, touchpoint_id, metric, day, score, channel, persona
    ), rolled AS (${addAnswersToRollups(sql`moved`)} RETURNING 1
    ), weekly AS (${addAnswersToWeeklyRollups(sql`moved`)} RETURNING 1
    )
    SELECT (SELECT count(*) FROM staged)::integer AS staged, (SELECT count(*) FROM moved)::integer AS stored,
      (SELECT min(day) FROM moved)::text AS first_day, (SELECT max(day) FROM moved)::text AS last_day`);
  const [row] = rowsOf<{ staged: number; stored: number; first_day: string | null; last_day: string | null }>(result);
  // The impact cards whose windows hold these days are recomputed in the background.
  if (row!.first_day && row!.last_day) await markImpactStaleForDays(tx, organizationId, row!.first_day, row!.last_day);
  return { staged: Number(row!.staged), stored: Number(row!.stored) };
}

/** Marks a staged import complete with its counts; false when it is gone or already complete. */
export async function completeImport(
  tx: Database,
  organizationId: string,
  importId: string,
  counts: { storedCount: number; duplicateCount: number },
) {
  const rows = await tx
    .update(responseImports)
    .set({ ...counts, completedAt: new Date() })
    .where(
      and(
        eq(responseImports.organizationId, organizationId),
        eq(responseImports.id, importId),
        isNull(responseImports.completedAt),
      ),
    )
    .returning({ id: responseImports.id });
  return rows.length === 1;
}

/** Removes an import that did not finish, with its staged rows; a complete import is never touched. */
export async function discardStagingImport(db: Database, organizationId: string, importId: string) {
  await db
    .delete(responseImports)
    .where(
      and(
        eq(responseImports.organizationId, organizationId),
        eq(responseImports.id, importId),
        isNull(responseImports.completedAt),
      ),
    );
}

/** Removes the organization's imports that started before `before` and never finished (a server stopped mid-import). */
export async function discardAbandonedImports(db: Database, organizationId: string, before: Date): Promise<number> {
  const rows = await db
    .delete(responseImports)
    .where(
      and(
        eq(responseImports.organizationId, organizationId),
        isNull(responseImports.completedAt),
        lt(responseImports.createdAt, before),
      ),
    )
    .returning({ id: responseImports.id });
  return rows.length;
}
