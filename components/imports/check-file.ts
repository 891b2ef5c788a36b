import type { ColumnMapping } from '@/lib/imports/columns';
import { checkRow, type ImportTouchpoint, rowToItem, touchpointIndex } from '@/lib/imports/rows';
import { nextTask } from './csv-file';

const SLICE = 2000;

export interface FileCheck {
  valid: number;
  invalid: number;
}

/** Counts the valid and invalid rows of the whole file, in slices between which the page keeps responding. */
export async function checkFile(
  rows: string[][],
  mapping: ColumnMapping,
  context: { touchpoints: ImportTouchpoint[]; timeZone: string },
  cancelled: () => boolean,
): Promise<FileCheck | null> {
  const find = touchpointIndex(context.touchpoints);
  const ids = new Set(context.touchpoints.map((tp) => tp.id));
  let valid = 0;
  for (let i = 0; i < rows.length; i++) {
    if (i % SLICE === 0 && i > 0) {
      await nextTask();
      if (cancelled()) return null;
    }
    if (checkRow(rowToItem(rows[i]!, mapping, { find, timeZone: context.timeZone }), (id) => ids.has(id)).ok)
      valid += 1;
  }
  return { valid, invalid: rows.length - valid };
}
