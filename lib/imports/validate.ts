/**
 * Server-side check of every row of an import, in slices that yield to the event loop so 100,000 rows never
 * stall other requests. Touchpoints are resolved within the organization only.
 */
import type { Database } from '@/db/client';
import { type NewResponse, touchpointsByReference } from '@/db/queries/responses';
import type { Message } from '@/lib/validation/messages';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { type ResponseItem, responseItemSchema, storedScore } from '@/lib/validation/responses';
import { MAX_REPORTED_ROW_ERRORS } from '@/lib/validation/imports';

const SLICE = 1000;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface RowError {
  /** 1-based number of the data row in the file (the header row not counted). */
  row: number;
  field: string;
  message: Message;
}

export interface CheckedImport {
  /** The valid rows, ready to store (without source and import id). */
  responses: Omit<NewResponse, 'source' | 'importId'>[];
  invalidCount: number;
  /** The first errors, at most MAX_REPORTED_ROW_ERRORS. */
  errors: RowError[];
}

/** Validates every row with the shared schema and resolves its touchpoint (by id or key) in the organization. */
export async function checkImportRows(
  db: Database,
  organizationId: string,
  rows: unknown[],
  receivedAt = new Date(),
): Promise<CheckedImport> {
  const parsed: (ResponseItem | null)[] = [];
  const errors: RowError[] = [];
  const invalid = new Set<number>();
  const report = (index: number, fieldErrors: Record<string, Message>) => {
    invalid.add(index);
    for (const [field, message] of Object.entries(fieldErrors)) {
      if (errors.length < MAX_REPORTED_ROW_ERRORS) errors.push({ row: index + 1, field, message });
    }
  };
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % SLICE === 0) await yieldToEventLoop();
    const result = responseItemSchema.safeParse(rows[i]);
    parsed.push(result.success ? result.data : null);
    if (!result.success) report(i, fieldErrorsOf(result.error));
  }
  const references = [...new Set(parsed.flatMap((item) => (item ? [item.touchpoint] : [])))];
  const found = new Map<string, { id: string; archived: boolean }>();
  for (let i = 0; i < references.length; i += SLICE) {
    for (const [reference, touchpoint] of await touchpointsByReference(
      db,
      organizationId,
      references.slice(i, i + SLICE),
    ))
      found.set(reference, touchpoint);
  }
  const responses: CheckedImport['responses'] = [];
  for (const [index, item] of parsed.entries()) {
    if (!item) continue;
    const touchpoint = found.get(item.touchpoint);
    if (!touchpoint || touchpoint.archived) {
      report(index, {
        touchpoint: { key: 'imports.rowError.unknownTouchpoint', values: { touchpoint: item.touchpoint } },
      });
      continue;
    }
    responses.push({
      touchpointId: touchpoint.id,
      metric: item.metric,
      score: storedScore(item.metric, item.score),
      comment: item.comment ?? null,
      respondedAt: item.respondedAt ? new Date(item.respondedAt) : receivedAt,
      externalId: item.externalId ?? null,
      persona: item.persona ?? null,
      channel: item.channel ?? null,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { responses, invalidCount: invalid.size, errors };
}
