/**
 * Turning one CSV row into an answer as the API describes it (responseItemSchema), with the touchpoint named by
 * id, key or name resolved to its id, and dates without an offset read in the organization's time zone. Pure.
 */
import { TZDate } from '@date-fns/tz';
import { metrics, type Metric } from '@/lib/domain/metrics';
import type { Message } from '@/lib/validation/messages';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { type ResponseItem, responseItemSchema } from '@/lib/validation/responses';
import type { ColumnMapping, FieldSource } from './columns';

export interface ImportTouchpoint {
  id: string;
  name: string;
  key: string | null;
}

/** Finds a touchpoint by its id, its key or its name (without regard to case or surrounding spaces). */
export function touchpointIndex(touchpoints: ImportTouchpoint[]): (reference: string) => ImportTouchpoint | undefined {
  const byReference = new Map<string, ImportTouchpoint>();
  // Names first, so a key or id that equals another touchpoint's name wins.
  for (const tp of touchpoints) byReference.set(tp.name.trim().toLowerCase(), tp);
  for (const tp of touchpoints) if (tp.key) byReference.set(tp.key.toLowerCase(), tp);
  for (const tp of touchpoints) byReference.set(tp.id.toLowerCase(), tp);
  return (reference) => byReference.get(reference.trim().toLowerCase());
}

function valueOf(row: readonly string[], source: FieldSource): string {
  if (source.kind === 'fixed') return source.value;
  if (source.kind === 'column') return (row[source.index] ?? '').trim();
  return '';
}

/** A number as people type it ("4", "4.5", "4,5"); anything else is kept as text so validation names it. */
export function scoreValue(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const dotted = trimmed.replace(',', '.');
  return /^[-+]?\d+(\.\d+)?$/.test(dotted) ? Number(dotted) : trimmed;
}

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
const localDateTime = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/;

/**
 * An ISO 8601 date-time with offset. A date alone means noon of that day and a date-time without offset means that
 * wall time, both in the organization's time zone; anything else is returned as typed so validation refuses it.
 */
export function respondedAtValue(text: string, timeZone: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const day = dateOnly.exec(trimmed);
  if (day) return isoIn(timeZone, +day[1]!, +day[2]!, +day[3]!, 12, 0, 0) ?? trimmed;
  const local = localDateTime.exec(trimmed);
  if (local)
    return isoIn(timeZone, +local[1]!, +local[2]!, +local[3]!, +local[4]!, +local[5]!, +(local[6] ?? 0)) ?? trimmed;
  return trimmed.replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T');
}

function isoIn(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  if (date.getDate() !== day || Number.isNaN(date.getTime())) return null; // 31 February rolls over: refuse it
  return date.toISOString().replace('.000', '');
}

/** The metric as people write it: "NPS", " csat ". */
function metricValue(text: string): string {
  const lower = text.trim().toLowerCase();
  return (metrics as readonly string[]).includes(lower) ? (lower as Metric) : text.trim();
}

/**
 * A row as it will be sent and stored: every field on the API's terms. The touchpoint becomes the id of the
 * touchpoint it names; a name that matches nothing is kept so the row reports it.
 */
export function rowToItem(
  row: readonly string[],
  mapping: ColumnMapping,
  context: { find: ReturnType<typeof touchpointIndex>; timeZone: string },
) {
  const touchpointText = valueOf(row, mapping.touchpoint);
  const touchpoint = context.find(touchpointText);
  return {
    touchpoint: touchpoint?.id ?? touchpointText,
    metric: metricValue(valueOf(row, mapping.metric)),
    score: scoreValue(valueOf(row, mapping.score)),
    comment: valueOf(row, mapping.comment) || undefined,
    respondedAt: respondedAtValue(valueOf(row, mapping.respondedAt), context.timeZone),
    externalId: valueOf(row, mapping.externalId) || undefined,
    persona: valueOf(row, mapping.persona) || undefined,
    channel: valueOf(row, mapping.channel) || undefined,
  };
}
export type MappedRow = ReturnType<typeof rowToItem>;

export type CheckedRow = { ok: true; item: ResponseItem } | { ok: false; errors: Record<string, Message> };

/** Validates a mapped row exactly as the server will: the shared schema, and a touchpoint the organization has. */
export function checkRow(row: MappedRow, known: (touchpointId: string) => boolean): CheckedRow {
  const parsed = responseItemSchema.safeParse(row);
  const errors: Record<string, Message> = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (!errors.touchpoint && row.touchpoint !== '' && !known(row.touchpoint))
    errors.touchpoint = { key: 'imports.rowError.unknownTouchpoint', values: { touchpoint: row.touchpoint } };
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, item: parsed.data };
  return { ok: false, errors };
}
