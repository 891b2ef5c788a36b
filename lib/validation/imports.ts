import { z } from 'zod';
import { id } from '@/lib/validation/common';

/** The most rows one CSV import may hold. */
export const MAX_IMPORT_ROWS = 100_000;
/** The largest import body the server reads (NDJSON of mapped rows): about 1 kB per row is far more than a row needs. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** How many row errors a refusal lists; the count covers them all. */
export const MAX_REPORTED_ROW_ERRORS = 200;

/**
 * What an import says about itself: the file it came from and whether the person chose to store only the valid
 * rows. The rows themselves are checked one by one with responseItemSchema.
 */
export const importHeaderSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  skipInvalid: z.boolean().default(false),
});

export const importInputSchema = importHeaderSchema.extend({
  rows: z.array(z.unknown()).min(1).max(MAX_IMPORT_ROWS),
});
export type ImportInput = z.output<typeof importInputSchema>;

export const undoImportSchema = z.object({ importId: id });
