import { getTranslations } from 'next-intl/server';
import { importFieldLabel, rowErrorText } from '@/lib/imports/row-error';
import { configuredKind, getDb } from '@/db/client';
import { currentMember } from '@/lib/auth/session';
import { importStepsFor, prepareImport, storeImport } from '@/lib/commands/imports';
import { can } from '@/lib/domain/permissions';
import { errorBody, errorResponse } from '@/lib/http/errors';
import { refuseCrossSite } from '@/lib/http/same-site';
import { readNdjson } from '@/lib/imports/ndjson';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '@/lib/validation/imports';

/**
 * POST /api/imports: a CSV import after the page has mapped its columns. Only the import page may send it (403
 * from another site, 415 for another body type), and a body over the limit is refused (413) before it is read. The
 * body is NDJSON (`application/x-ndjson`): a first line `{ "fileName", "skipInvalid"? }`, then one answer per line
 * as the ingestion API describes it (at most 100,000). Any invalid row -> 422 with the row errors and nothing stored
 * (unless skipInvalid); another import of the organization still running -> 409. Otherwise the rows are staged
 * step by step and then stored in one transaction (see storeImport), and the response streams NDJSON progress lines
 * `{ "done", "total" }` (rows staged), then `{ "result": ImportResult }` or the error body of lib/http/errors.ts. If
 * the page goes away while rows are staged, the next progress line fails and the import is discarded.
 */
export async function POST(request: Request) {
  const refused = await refuseCrossSite(request, 'application/x-ndjson');
  if (refused) return refused;
  const member = await currentMember();
  if (!member) return errorResponse({ code: 'unauthenticated' });
  if (!can(member.actor, 'responses.import')) return errorResponse({ code: 'forbidden' });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES) return tooLarge();
  const body = await readNdjson(request.body, { maxBytes: MAX_IMPORT_BYTES, maxLines: MAX_IMPORT_ROWS + 1 });
  if (!body.ok) {
    if (body.reason !== 'malformed') return tooLarge();
    return errorResponse({ code: 'invalid', message: { key: 'imports.malformedBody', values: { line: body.line } } });
  }
  const [header, ...rows] = body.values;
  const db = await getDb();
  const prepared = await prepareImport(db, member.actor, { ...(header as object), rows });
  const t = await getTranslations();
  if (!prepared.ok) {
    const ti = await getTranslations('imports');
    const rowErrors = prepared.rowErrors?.map((e) => ({
      row: e.row,
      field: importFieldLabel(ti, e.field) ?? e.field,
      message: rowErrorText(t, e.message),
    }));
    // A file that does not pass is unprocessable (422); the other refusals keep their usual status.
    return errorResponse(prepared, { status: prepared.code === 'invalid' ? 422 : undefined, rows: rowErrors });
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      const steps = importStepsFor(configuredKind());
      const result = await storeImport(db, member.actor, prepared.data, {
        step: steps.stage,
        commitStep: steps.commit,
        onProgress: (done, total) => send({ done, total }),
      });
      try {
        send(result.ok ? { result: result.data } : errorBody(t, result));
        controller.close();
      } catch {
        // The page went away after the rows were staged: the import finished (it is in the history) or was discarded.
      }
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}

function tooLarge() {
  return errorResponse(
    { code: 'invalid', message: { key: 'imports.tooLarge', values: { rows: MAX_IMPORT_ROWS } } },
    { status: 413 },
  );
}
