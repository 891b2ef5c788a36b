import 'server-only';
import { aliasedTable, and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { responseImports, touchpoints, users } from '@/db/schema';

/** The organization's touchpoints an import may name, by id, key or name (archived ones cannot take answers). */
export async function importableTouchpoints(db: Database, organizationId: string) {
  return db
    .select({ id: touchpoints.id, name: touchpoints.name, key: touchpoints.key })
    .from(touchpoints)
    .where(and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.archived, false)))
    .orderBy(asc(touchpoints.position), asc(touchpoints.name));
}

/** An import written in one go (a fixture): complete when created. A CSV import uses insertStagingImport. */
export async function insertImport(
  db: Database,
  organizationId: string,
  values: { fileName: string; rowCount: number; createdBy: string },
) {
  const [row] = await db
    .insert(responseImports)
    .values({ organizationId, ...values })
    .returning({ id: responseImports.id });
  return row!;
}

const creator = aliasedTable(users, 'creator');
const undoer = aliasedTable(users, 'undoer');

const importColumns = {
  id: responseImports.id,
  fileName: responseImports.fileName,
  rowCount: responseImports.rowCount,
  storedCount: responseImports.storedCount,
  duplicateCount: responseImports.duplicateCount,
  createdAt: responseImports.createdAt,
  createdByName: creator.name,
  undoneAt: responseImports.undoneAt,
  undoneByName: undoer.name,
};
export interface ImportRecord {
  id: string;
  fileName: string;
  rowCount: number;
  storedCount: number;
  duplicateCount: number;
  createdAt: Date;
  createdByName: string | null;
  undoneAt: Date | null;
  undoneByName: string | null;
}

function importsQuery(db: Database) {
  return db
    .select(importColumns)
    .from(responseImports)
    .leftJoin(creator, eq(creator.id, responseImports.createdBy))
    .leftJoin(undoer, eq(undoer.id, responseImports.undoneBy));
}

/** A complete import (one still staging its rows, or abandoned, is not found: it has no answers to undo). */
export async function findImport(db: Database, organizationId: string, importId: string): Promise<ImportRecord | null> {
  const [row] = await importsQuery(db).where(
    and(
      eq(responseImports.organizationId, organizationId),
      eq(responseImports.id, importId),
      isNotNull(responseImports.completedAt),
    ),
  );
  return row ?? null;
}

/** The organization's complete imports, newest first; one still staging its rows shows once its answers are stored. */
export async function listImports(db: Database, organizationId: string, limit = 50): Promise<ImportRecord[]> {
  return importsQuery(db)
    .where(and(eq(responseImports.organizationId, organizationId), isNotNull(responseImports.completedAt)))
    .orderBy(desc(responseImports.createdAt))
    .limit(limit);
}

/** Marks an import undone unless it already is; false when someone else undid it first. */
export async function markImportUndone(
  db: Database,
  organizationId: string,
  importId: string,
  undoneBy: string,
): Promise<boolean> {
  const rows = await db
    .update(responseImports)
    .set({ undoneAt: new Date(), undoneBy })
    .where(
      and(
        eq(responseImports.organizationId, organizationId),
        eq(responseImports.id, importId),
        isNull(responseImports.undoneAt),
      ),
    )
    .returning({ id: responseImports.id });
  return rows.length === 1;
}
