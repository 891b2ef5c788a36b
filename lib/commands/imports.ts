import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Database, DatabaseKind } from '@/db/client';
import { findImport, insertImport, markImportUndone, setImportCounts } from '@/db/queries/imports';
import { findOrganization } from '@/db/queries/organizations';
import { recordAudit } from '@/db/queries/audit';
import { deleteImportedResponses, recordResponses } from '@/db/queries/responses';
import { type Actor, type Command, command, failureOf } from '@/lib/auth/command';
import { ActionError, type ActionResult } from '@/lib/auth/errors';
import { type CheckedImport, checkImportRows, type RowError, yieldToEventLoop } from '@/lib/imports/validate';
import { can } from '@/lib/domain/permissions';
import { importInputSchema, undoImportSchema } from '@/lib/validation/imports';
import { fieldErrorsOf } from '@/lib/validation/messages';

/**
 * Rows stored per step of the import transaction; progress is reported and the event loop runs between steps.
 * Each step blocks the event loop while its rows are prepared (and, on embedded PGlite, while its statements run
 * in WASM on this thread), so steps stay small: bench/csv-import.ts showed the same rows/s with 500 rows as with
 * 2000 on PostgreSQL, and a third of the longest stall.
 */
export function importStepFor(kind: DatabaseKind): number {
  return kind === 'pglite' ? 250 : 500;
}

export interface StoreOptions {
  onProgress?: (done: number, total: number) => void;
  /** Rows per step; see importStepFor. */
  step?: number;
}

export interface ImportResult {
  importId: string;
  rowCount: number;
  stored: number;
  duplicates: number;
  /** Invalid rows left out because the person chose to import only the valid ones. */
  skipped: number;
}

export type PreparedImport = { fileName: string; rowCount: number; checked: CheckedImport };
export type ImportFailure = Extract<ActionResult<never>, { ok: false }> & { rowErrors?: RowError[]; invalidCount?: number };

/**
 * The first half of an import: who may, whether the input has the right shape, and every row checked. Any invalid
 * row refuses the whole import with its row errors, unless the person chose to import only the valid rows.
 */
export async function prepareImport(db: Database, actor: Actor | null, rawInput: unknown): Promise<{ ok: true; data: PreparedImport } | ImportFailure> {
  if (!actor) return { ok: false, code: 'unauthenticated', message: { key: 'errors.unauthenticated' } };
  if (!can(actor, 'responses.import')) return { ok: false, code: 'forbidden', message: { key: 'errors.forbidden' } };
  const parsed = importInputSchema.safeParse(rawInput);
  if (!parsed.success) return { ok: false, code: 'invalid', message: { key: 'errors.checkFields' }, fieldErrors: fieldErrorsOf(parsed.error) };
  const { fileName, skipInvalid, rows } = parsed.data;
  try {
    const checked = await checkImportRows(db, actor.organizationId, rows);
    if (checked.invalidCount > 0 && !skipInvalid) {
      return {
        ok: false, code: 'invalid', message: { key: 'imports.invalidRows', values: { count: checked.invalidCount } },
        rowErrors: checked.errors, invalidCount: checked.invalidCount,
      };
    }
    if (checked.responses.length === 0) return { ok: false, code: 'invalid', message: { key: 'imports.noValidRows' } };
    return { ok: true, data: { fileName, rowCount: rows.length, checked } };
  } catch (error) {
    return failureOf(error);
  }
}

/**
 * The second half: one transaction that records the import, stores its answers with their rollups step by step
 * (reporting progress and yielding between steps) and audits it. Nothing is kept if any step fails.
 */
export async function storeImport(db: Database, actor: Actor, prepared: PreparedImport, options: StoreOptions = {}): Promise<ActionResult<ImportResult>> {
  const { responses, invalidCount } = prepared.checked;
  const { onProgress = () => {}, step = importStepFor('postgres') } = options;
  try {
    const data = await db.transaction(async (tx) => {
      const organization = await findOrganization(tx, actor.organizationId);
      if (!organization) throw new ActionError('not_found', { key: 'errors.notFound' });
      const { id: importId } = await insertImport(tx, organization.id, { fileName: prepared.fileName, rowCount: prepared.rowCount, createdBy: actor.userId });
      let stored = 0;
      for (let i = 0; i < responses.length; i += step) {
        const rows = responses.slice(i, i + step).map((r) => ({ ...r, source: 'import' as const, importId }));
        stored += (await recordResponses(tx, organization, rows)).stored;
        onProgress(Math.min(i + step, responses.length), responses.length);
        await yieldToEventLoop();
      }
      const result = { importId, rowCount: prepared.rowCount, stored, duplicates: responses.length - stored, skipped: invalidCount };
      await setImportCounts(tx, organization.id, importId, { storedCount: stored, duplicateCount: result.duplicates });
      await recordAudit(tx, organization.id, actor.userId, {
        action: 'responses.import', entityType: 'response_import', entityId: importId,
        changes: { name: prepared.fileName, rows: prepared.rowCount, stored, duplicates: result.duplicates, skipped: invalidCount },
      });
      return result;
    });
    return { ok: true, data };
  } catch (error) {
    return failureOf(error);
  }
}

/** The whole import in one call: what the route handler does, without the progress stream. */
export async function runImport(db: Database, actor: Actor | null, input: unknown, options?: StoreOptions): Promise<ActionResult<ImportResult> | ImportFailure> {
  const prepared = await prepareImport(db, actor, input);
  if (!prepared.ok) return prepared;
  return storeImport(db, actor!, prepared.data, options);
}

/** The import as a command: `{ fileName, skipInvalid?, rows: [responseItem...] }`. */
export const importResponses: Command<ImportResult> = {
  permission: 'responses.import',
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
        values: { name: current?.undoneByName ?? '?', at: format(new TZDate(current?.undoneAt ?? new Date(), timeZone), 'yyyy-MM-dd HH:mm') },
      });
    }
    const removed = await deleteImportedResponses(tx, actor.organizationId, resource.id);
    audit({ action: 'responses.undoImport', entityType: 'response_import', entityId: resource.id, changes: { name: resource.fileName, removed } });
    return { removed };
  },
});
