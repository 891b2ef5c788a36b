import type { ImportResult } from '@/lib/commands/imports';
import type { ApiErrorBody } from '@/lib/http/errors';
import type { ColumnMapping } from '@/lib/imports/columns';
import { type ImportTouchpoint, rowToItem, touchpointIndex } from '@/lib/imports/rows';
import { type CsvFile, nextTask } from './csv-file';

/** What became of an import: stored, or refused with the server's words (error null: the server was not reached). */
export type ImportOutcome = { ok: true; data: ImportResult } | { ok: false; error: ApiErrorBody['error'] | null };

const SLICE = 5000;

/** The mapped rows as NDJSON (a header line, then one answer per line), built in slices so the page keeps responding. */
async function ndjsonOf(
  file: CsvFile,
  mapping: ColumnMapping,
  context: { touchpoints: ImportTouchpoint[]; timeZone: string },
  skipInvalid: boolean,
) {
  const find = touchpointIndex(context.touchpoints);
  const parts: string[] = [`${JSON.stringify({ fileName: file.fileName, skipInvalid })}\n`];
  for (let i = 0; i < file.rows.length; i += SLICE) {
    parts.push(
      file.rows
        .slice(i, i + SLICE)
        .map((row) => `${JSON.stringify(rowToItem(row, mapping, { find, timeZone: context.timeZone }))}\n`)
        .join(''),
    );
    await nextTask();
  }
  return new Blob(parts, { type: 'application/x-ndjson' });
}

/**
 * Sends the import and follows the server's progress lines. Resolves with the final result; a refusal before
 * anything was stored (422 with row errors, 403, 413) arrives as a plain JSON error body.
 */
export async function sendImport(
  file: CsvFile,
  mapping: ColumnMapping,
  context: { touchpoints: ImportTouchpoint[]; timeZone: string },
  skipInvalid: boolean,
  onProgress: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  const body = await ndjsonOf(file, mapping, context, skipInvalid);
  const response = await fetch('/api/imports', {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-ndjson' },
  });
  if (!response.ok || !response.body) return { ok: false, error: ((await response.json()) as ApiErrorBody).error };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  let outcome: ImportOutcome | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pending += value;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const message = JSON.parse(line) as { done: number; total: number } | { result: ImportResult } | ApiErrorBody;
      if ('result' in message) outcome = { ok: true, data: message.result };
      else if ('error' in message) outcome = { ok: false, error: message.error };
      else onProgress(message.done, message.total);
    }
  }
  return outcome ?? { ok: false, error: null };
}
