import { configuredKind, getDb } from '@/db/client';
import { currentMember } from '@/lib/auth/session';
import { importStepsFor, prepareImport, storeImport } from '@/lib/commands/imports';
import { can } from '@/lib/domain/permissions';
import { readNdjson } from '@/lib/imports/ndjson';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '@/lib/validation/imports';

const statusOf = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
} as const;

/**
 * POST /api/imports: a CSV import after the page has mapped its columns. The body is NDJSON: a first line
 * `{ "fileName", "skipInvalid"? }`, then one answer per line as the ingestion API describes it (at most 100,000).
 * Any invalid row -> 422 with the row errors and nothing stored (unless skipInvalid). Otherwise the rows are staged
 * step by step and then stored in one transaction (see storeImport), and the response streams NDJSON progress lines
 * `{ "done", "total" }` (rows staged), then `{ "result": { ok, data | code, message } }`. If the page goes away while
 * rows are staged, the next progress line fails and the import is discarded.
 */
export async function POST(request: Request) {
  const member = await currentMember();
  if (!member)
    return Response.json(
      { ok: false, code: 'unauthenticated', message: { key: 'errors.unauthenticated' } },
      { status: 401 },
    );
  if (!can(member.actor, 'responses.import'))
    return Response.json({ ok: false, code: 'forbidden', message: { key: 'errors.forbidden' } }, { status: 403 });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES) return tooLarge();
  const body = await readNdjson(request.body, { maxBytes: MAX_IMPORT_BYTES, maxLines: MAX_IMPORT_ROWS + 1 });
  if (!body.ok) {
    if (body.reason !== 'malformed') return tooLarge();
    return Response.json(
      { ok: false, code: 'invalid', message: { key: 'imports.malformedBody', values: { line: body.line } } },
      { status: 400 },
    );
  }
  const [header, ...rows] = body.values;
  const db = await getDb();
  const prepared = await prepareImport(db, member.actor, { ...(header as object), rows });
  if (!prepared.ok) return Response.json(prepared, { status: statusOf[prepared.code] });

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
        send({ result });
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
  return Response.json(
    { ok: false, code: 'invalid', message: { key: 'imports.tooLarge', values: { rows: MAX_IMPORT_ROWS } } },
    { status: 413 },
  );
}
