import 'server-only';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Database, DatabaseKind } from '@/db/client';
import { findImport, markImportUndone } from '@/db/queries/imports';
import { findOrganization } from '@/db/queries/organizations';
import { recordAudit } from '@/db/queries/audit';
import { deleteImportedResponses } from '@/db/queries/responses';
import {
  claimStagingImport,
  completeImport,
  discardStagingImport,
  moveStagedRows,
  stageRows,
  type StagedRow,
} from '@/db/queries/staged-import';
import { type Actor, type Command, command, failureOf } from '@/lib/auth/command';
import { ActionError, type ActionResult } from '@/lib/auth/errors';
import { type CheckedImport, checkImportRows, type RowError, yieldToEventLoop } from '@/lib/imports/validate';
import { can } from '@/lib/domain/permissions';
import { dateIn } from '@/lib/domain/weeks';
import { importInputSchema, undoImportSchema } from '@/lib/validation/imports';
import { fieldErrorsOf } from '@/lib/validation/messages';

export interface ImportSteps {
  /** Rows staged per step; progress is reported and the event loop runs between steps. */
  stage: number;
  /** Rows moved per statement by the storing transaction; the event loop runs between statements. */
  commit: number;
}

/**
 * How an import is cut into steps. On PostgreSQL the server does the work: big steps, and the storing transaction
 * moves every row in one statement (so its rollup writes are in one order and cannot deadlock with others). On
 * embedded PGlite every statement runs in WASM on this thread and blocks it, so statements stay small (moving
 * 100,000 rows in one statement blocked it for 13 s; in 2,000-row statements the longest stall was 250 ms); with
 * one connection there is no other transaction to deadlock with. See bench/csv-import.ts.
 */
export function importStepsFor(kind: DatabaseKind): ImportSteps {
  return kind === 'pglite' ? { stage: 2000, commit: 2000 } : { stage: 5000, commit: Number.MAX_SAFE_INTEGER };
}

/**
 * An import that has not finished after this long was abandoned (its server stopped): until the next import clears
 * it, it holds the organization's one import at a time. Storing 100,000 rows takes well under a minute.
 */
const ABANDONED_AFTER_MS = 15 * 60 * 1000;

export interface StoreOptions {
  onProgress?: (done: number, total: number) => void;
  /** Rows staged per step; see importStepsFor. */
  step?: number;
  /** Rows moved per statement of the storing transaction; see importStepsFor. */
  commitStep?: number;
}

export interface ImportResult {
  importId: string;
  rowCount: number;
  stored: number;
  duplicates: number;
  /** Invalid rows left out because the person chose to import only the valid ones. */
  skipped: number;
}

/** A checked import that holds its organization's one import at a time (its row in the history, not yet complete). */
export type PreparedImport = { importId: string; fileName: string; rowCount: number; checked: CheckedImport };
export type ImportFailure = Extract<ActionResult<never>, { ok: false }> & {
  rowErrors?: RowError[];
  invalidCount?: number;
};

/**
 * The first half of an import: who may, whether the input has the right shape, and every row checked. Any invalid
 * row refuses the whole import with its row errors, unless the person chose to import only the valid rows. Then it
 * starts the import, unless another of the organization is running (conflict): storeImport must follow.
 */
export async function prepareImport(
  db: Database,
  actor: Actor | null,
  rawInput: unknown,
): Promise<{ ok: true; data: PreparedImport } | ImportFailure> {
  if (!actor) return { ok: false, code: 'unauthenticated', message: { key: 'errors.unauthenticated' } };
  if (!can(actor, 'responses.import')) return { ok: false, code: 'forbidden', message: { key: 'errors.forbidden' } };
  const parsed = importInputSchema.safeParse(rawInput);
  if (!parsed.success)
    return {
      ok: false,
      code: 'invalid',
      message: { key: 'errors.checkFields' },
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  const { fileName, skipInvalid, rows } = parsed.data;
  try {
    const checked = await checkImportRows(db, actor.organizationId, rows);
    if (checked.invalidCount > 0 && !skipInvalid) {
      return {
        ok: false,
        code: 'invalid',
        message: { key: 'imports.invalidRows', values: { count: checked.invalidCount } },
        rowErrors: checked.errors,
        invalidCount: checked.invalidCount,
      };
    }
    if (checked.responses.length === 0) return { ok: false, code: 'invalid', message: { key: 'imports.noValidRows' } };
    const organization = await findOrganization(db, actor.organizationId);
    if (!organization) throw new ActionError('not_found', { key: 'errors.notFound' });
    const claim = await claimStagingImport(
      db,
      organization.id,
      { fileName, rowCount: rows.length, createdBy: actor.userId },
      new Date(Date.now() - ABANDONED_AFTER_MS),
    );
    if (!claim.ok) {
      const at = format(new TZDate(claim.running.createdAt, organization.timeZone), 'HH:mm');
      throw new ActionError('conflict', {
        key: 'imports.alreadyRunning',
        values: { name: claim.running.fileName, at },
      });
    }
    return { ok: true, data: { importId: claim.id, fileName, rowCount: rows.length, checked } };
  } catch (error) {
    return failureOf(error);
  }
}

/**
 * The second half. The import's valid rows are staged step by step, each step on its own (reporting progress and
 * yielding between steps), so nobody waits for the staging; then one set-based transaction moves them into the
 * answers and the rollups, completes the import and audits it: the answers appear all at once or not at all.
 * If anything fails before that, the staged rows and the import are removed: nothing half-written, nothing shown,
 * and the organization may import again.
 */
export async function storeImport(
  db: Database,
  actor: Actor,
  prepared: PreparedImport,
  options: StoreOptions = {},
): Promise<ActionResult<ImportResult>> {
  const { responses, invalidCount } = prepared.checked;
  const {
    onProgress = () => {},
    step = importStepsFor('postgres').stage,
    commitStep = importStepsFor('postgres').commit,
  } = options;
  const { importId } = prepared;
  try {
    const organization = await findOrganization(db, actor.organizationId);
    if (!organization) throw new ActionError('not_found', { key: 'errors.notFound' });
    for (let i = 0; i < responses.length; i += step) {
      await stageRows(db, organization.id, importId, stagedRowsOf(responses, i, step, organization.timeZone));
      onProgress(Math.min(i + step, responses.length), responses.length);
      await yieldToEventLoop();
    }
    const data = await db.transaction(async (tx) => {
      let staged = 0;
      let stored = 0;
      for (let from = 1; from <= responses.length; from += commitStep) {
        const moved = await moveStagedRows(tx, organization.id, importId, {
          from,
          to: Math.min(from + commitStep - 1, responses.length),
        });
        staged += moved.staged;
        stored += moved.stored;
        if (from + commitStep <= responses.length) await yieldToEventLoop();
      }
      const result = {
        importId,
        rowCount: prepared.rowCount,
        stored,
        duplicates: staged - stored,
        skipped: invalidCount,
      };
      if (
        staged !== responses.length ||
        !(await completeImport(tx, organization.id, importId, {
          storedCount: stored,
          duplicateCount: result.duplicates,
        }))
      ) {
        throw new Error(`import ${importId} lost staged rows: ${staged} of ${responses.length}`);
      }
      await recordAudit(tx, organization.id, actor.userId, {
        action: 'responses.import',
        entityType: 'responseImport',
        entityId: importId,
        changes: {
          name: prepared.fileName,
          rows: prepared.rowCount,
          stored,
          duplicates: result.duplicates,
          skipped: invalidCount,
        },
      });
      return result;
    });
    return { ok: true, data };
  } catch (error) {
    await discardStagingImport(db, actor.organizationId, importId).catch(() => {});
    return failureOf(error);
  }
}

/** One step of rows as staged: numbered in file order, comment trimmed and day computed as recordResponses does. */
function stagedRowsOf(
  responses: CheckedImport['responses'],
  from: number,
  count: number,
  timeZone: string,
): StagedRow[] {
  return responses.slice(from, from + count).map((r, offset) => ({
    rowNumber: from + offset + 1,
    touchpointId: r.touchpointId,
    metric: r.metric,
    score: r.score,
    comment: r.comment?.trim() ? r.comment.trim() : null,
    respondedAt: r.respondedAt,
    day: dateIn(r.respondedAt, timeZone),
    externalId: r.externalId ?? null,
    persona: r.persona ?? null,
    channel: r.channel ?? null,
  }));
}

/** The whole import in one call: what the route handler does, without the progress stream. */
export async function runImport(
  db: Database,
  actor: Actor | null,
  input: unknown,
  options?: StoreOptions,
): Promise<ActionResult<ImportResult> | ImportFailure> {
  const prepared = await prepareImport(db, actor, input);
  if (!prepared.ok) return prepared;
  return storeImport(db, actor!, prepared.data, options);
}

/** The import as a command: `{ fileName, skipInvalid?, rows: [responseItem...] }`. */
export const importResponses: Command<ImportResult> = {
  permission: 'responses.import',
  audited: true,
  execute: (db, actor, input) => runImport(db, actor, input),
};

/** Takes every answer of one import out of the raw answers and the rollups; the import stays in the history, marked undone. */
export const undoImport = command({
  permission: 'responses.import',
  input: undoImportSchema,
  load: (tx, organizationId, input) => findImport(tx, organizationId, input.importId),
  run: async ({ tx, actor, resource, audit }) => {
    if (resource.undoneAt || !(await markImportUndone(tx, actor.organizationId, resource.id, actor.userId))) {
      const current = await findImport(tx, actor.organizationId, resource.id);
      const timeZone = (await findOrganization(tx, actor.organizationId))?.timeZone ?? 'UTC';
      throw new ActionError('conflict', {
        key: 'imports.alreadyUndone',
        values: {
          name: current?.undoneByName ?? '?',
          at: format(new TZDate(current?.undoneAt ?? new Date(), timeZone), 'yyyy-MM-dd HH:mm'),
        },
      });
    }
    const removed = await deleteImportedResponses(tx, actor.organizationId, resource.id);
    audit({
      action: 'responses.undoImport',
      entityType: 'responseImport',
      entityId: resource.id,
      changes: { name: resource.fileName, removed },
    });
    return { removed };
  },
});
