/**
 * CSV import: the answers and their rollups are stored in one go, an invalid row stores nothing (unless the
 * person chose to import only the valid rows), a re-import skips known externalIds, and undo takes exactly
 * that import's answers out again. Only executives may import, and only into their own organization.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { findImport, listImports } from '@/db/queries/imports';
import { type HistogramQuery, rawHistograms, rollupHistograms } from '@/db/queries/metrics';
import { recordResponses } from '@/db/queries/responses';
import { makeTwoOrganizations, type OrganizationFixture, snapshotOrganization, type TestDatabase, testDatabase } from '@/db/testing';
import { surveyResponses, touchpoints } from '@/db/schema';
import { importResponses, runImport, undoImport } from '@/lib/commands/imports';
import { auditedRun, dataOf } from './helpers';

let database: TestDatabase;
let db: Database;
let own: OrganizationFixture;
let other: OrganizationFixture;
const run = auditedRun(() => db, { entityType: 'response_import' });

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  ({ own, other } = await makeTwoOrganizations(db));
  await db.update(touchpoints).set({ key: 'web' }).where(eq(touchpoints.id, own.touchpointId));
});
afterAll(async () => {
  await database?.close();
});

let serial = 0;
function row(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return { touchpoint: own.touchpointId, metric: 'nps', score: 9, respondedAt: '2026-03-02T10:00:00+02:00', externalId: `row-${serial}`, ...overrides };
}
const query: HistogramQuery = { from: '2026-01-01', to: '2026-12-31', bucket: 'day', weekStartsOn: 1 };
function plain(rows: Awaited<ReturnType<typeof rollupHistograms>>) {
  return rows.map((r) => ({ ...r, histogram: [...r.histogram.entries()].sort((a, b) => a[0] - b[0]) }))
    .sort((a, b) => `${a.touchpointId}${a.metric}${a.bucket}`.localeCompare(`${b.touchpointId}${b.metric}${b.bucket}`));
}
const importedRows = (importId: string) =>
  db.select().from(surveyResponses).where(and(eq(surveyResponses.organizationId, own.organizationId), eq(surveyResponses.importId, importId)));

describe('importing answers', () => {
  it('stores every row with its rollup, names the touchpoint by id or key, and records the import', async () => {
    const before = await rollupHistograms(db, own.organizationId, query);
    const rows = [
      row({ score: 10, comment: ' Fast ', persona: 'Student', channel: 'web' }),
      row({ touchpoint: 'web', metric: 'csat', score: 4 }),
      row({ metric: 'ttr', score: 1.5, respondedAt: '2026-03-03T08:00:00Z' }),
    ];
    const result = dataOf(await run(importResponses, own.executive.actor, { fileName: 'march.csv', rows }, 'responses.import'));
    expect(result).toMatchObject({ rowCount: 3, stored: 3, duplicates: 0, skipped: 0 });
    const stored = await importedRows(result.importId);
    expect(stored.map((r) => [r.metric, r.score, r.comment, r.persona, r.channel, r.source]).sort()).toEqual([
      ['csat', 4, null, null, null, 'import'], ['nps', 10, 'Fast', 'Student', 'web', 'import'], ['ttr', 90, null, null, null, 'import'],
    ].sort());
    const after = await rollupHistograms(db, own.organizationId, query);
    expect(after.length).toBe(before.length + 3);
    expect(plain(after)).toEqual(plain(await rawHistograms(db, own.organizationId, query)));
    expect(await findImport(db, own.organizationId, result.importId)).toMatchObject({
      fileName: 'march.csv', rowCount: 3, storedCount: 3, duplicateCount: 0, undoneAt: null, createdByName: expect.any(String),
    });
  });

  it('reports progress step by step up to the number of rows', async () => {
    const steps: [number, number][] = [];
    const rows = Array.from({ length: 6_000 }, () => row({ score: serial % 11 }));
    const result = await runImport(db, own.executive.actor, { fileName: 'big.csv', rows }, { step: 5000, onProgress: (done, total) => steps.push([done, total]) });
    expect(dataOf(result)).toMatchObject({ stored: 6_000 });
    expect(steps).toEqual([[5000, 6_000], [6_000, 6_000]]);
    expect(plain(await rollupHistograms(db, own.organizationId, query))).toEqual(plain(await rawHistograms(db, own.organizationId, query)));
  });

  it('stores nothing when one row is invalid, and names each bad row and field', async () => {
    const snapshot = await snapshotOrganization(db, own.organizationId);
    const rows = [row(), row({ score: 11 }), row({ touchpoint: 'no-such-place' }), row({ respondedAt: 'yesterday' })];
    const result = await runImport(db, own.executive.actor, { fileName: 'bad.csv', rows });
    expect(result).toMatchObject({ ok: false, code: 'invalid', invalidCount: 3, message: { key: 'imports.invalidRows', values: { count: 3 } } });
    expect(!result.ok && 'rowErrors' in result ? result.rowErrors : []).toEqual([
      { row: 2, field: 'score', message: expect.objectContaining({ key: 'validation.scoreRange' }) },
      { row: 3, field: 'touchpoint', message: expect.objectContaining({ key: 'imports.rowError.unknownTouchpoint' }) },
      { row: 4, field: 'respondedAt', message: expect.objectContaining({ key: 'validation.dateTime' }) },
    ]);
    expect(await snapshotOrganization(db, own.organizationId)).toBe(snapshot);
  });

  it('imports only the valid rows when the person chose so, and counts the skipped ones', async () => {
    const result = dataOf(await run(importResponses, own.executive.actor, { fileName: 'some.csv', skipInvalid: true, rows: [row(), row({ score: -1 }), row()] }));
    expect(result).toMatchObject({ rowCount: 3, stored: 2, skipped: 1 });
    expect(await importedRows(result.importId)).toHaveLength(2);
  });

  it('refuses a file without rows and one where no row is valid', async () => {
    expect(await runImport(db, own.executive.actor, { fileName: 'empty.csv', rows: [] })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await runImport(db, own.executive.actor, { fileName: 'x.csv', skipInvalid: true, rows: [row({ score: 99 })] }))
      .toMatchObject({ ok: false, code: 'invalid', message: { key: 'imports.noValidRows' } });
  });

  it('counts rows whose externalId is already stored as duplicates on a second import', async () => {
    const rows = [row(), row(), row()];
    const first = dataOf(await runImport(db, own.executive.actor, { fileName: 'a.csv', rows }));
    const second = dataOf(await run(importResponses, own.executive.actor, { fileName: 'a-again.csv', rows: [...rows, row()] }));
    expect(second).toMatchObject({ stored: 1, duplicates: 3 });
    expect(await findImport(db, own.organizationId, second.importId)).toMatchObject({ storedCount: 1, duplicateCount: 3 });
    expect(await importedRows(first.importId)).toHaveLength(3);
  });
});

describe('undoing an import', () => {
  it('removes exactly that import from the answers and the rollups, and marks it undone', async () => {
    const at = new Date('2026-05-04T09:00:00Z');
    await db.transaction((tx) => recordResponses(tx, { id: own.organizationId, timeZone: 'UTC' }, [
      { touchpointId: own.touchpointId, metric: 'nps', score: 9, respondedAt: at, source: 'api' },
    ]));
    const kept = dataOf(await runImport(db, own.executive.actor, { fileName: 'kept.csv', rows: [row({ respondedAt: at.toISOString() })] }));
    const before = plain(await rollupHistograms(db, own.organizationId, query));
    const undone = dataOf(await runImport(db, own.executive.actor, {
      fileName: 'undo.csv', rows: [row({ respondedAt: at.toISOString(), score: 9 }), row({ respondedAt: at.toISOString(), score: 2 }), row({ metric: 'ces', score: 7 })],
    }));
    expect(dataOf(await run(undoImport, own.executive.actor, { importId: undone.importId }, 'responses.undoImport'))).toEqual({ removed: 3 });
    expect(await importedRows(undone.importId)).toHaveLength(0);
    expect(await importedRows(kept.importId)).toHaveLength(1);
    const after = plain(await rollupHistograms(db, own.organizationId, query));
    expect(after).toEqual(before);
    expect(after).toEqual(plain(await rawHistograms(db, own.organizationId, query)));
    expect(await findImport(db, own.organizationId, undone.importId)).toMatchObject({ undoneAt: expect.any(Date), undoneByName: expect.any(String) });
  });

  it('says who undid it when it is undone a second time', async () => {
    const { importId } = dataOf(await runImport(db, own.executive.actor, { fileName: 'twice.csv', rows: [row()] }));
    dataOf(await run(undoImport, own.executive.actor, { importId }));
    const again = await run(undoImport, own.executive.actor, { importId });
    expect(again).toMatchObject({ ok: false, code: 'conflict', message: { key: 'imports.alreadyUndone', values: { name: expect.stringContaining('executive') } } });
  });

  it('lists imports newest first with their state', async () => {
    const list = await listImports(db, own.organizationId);
    expect(list.map((i) => i.fileName)).toContain('twice.csv');
    expect(list[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(list.at(-1)!.createdAt.getTime());
    expect(await listImports(db, other.organizationId)).toEqual([]);
  });
});

describe('who may import and undo', () => {
  it('refuses leads and staff, and stores nothing', async () => {
    const snapshot = await snapshotOrganization(db, own.organizationId);
    for (const actor of [own.lead.actor, own.staff.actor]) {
      expect(await run(importResponses, actor, { fileName: 'x.csv', rows: [row()] })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await importResponses.execute(db, null, { fileName: 'x.csv', rows: [row()] })).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await snapshotOrganization(db, own.organizationId)).toBe(snapshot);
  });

  it('refuses leads and staff an undo, and leaves the import alone', async () => {
    const { importId } = dataOf(await runImport(db, own.executive.actor, { fileName: 'mine.csv', rows: [row()] }));
    for (const actor of [own.lead.actor, own.staff.actor]) {
      expect(await run(undoImport, actor, { importId })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await importedRows(importId)).toHaveLength(1);
  });

  it("treats another organization's touchpoint as unknown and another organization's import as not found", async () => {
    const ownSnapshot = await snapshotOrganization(db, own.organizationId);
    const otherSnapshot = await snapshotOrganization(db, other.organizationId);
    const result = await runImport(db, own.executive.actor, { fileName: 'x.csv', rows: [row({ touchpoint: other.touchpointId })] });
    expect(result).toMatchObject({ ok: false, code: 'invalid', rowErrors: [{ row: 1, field: 'touchpoint' }] });
    const theirs = dataOf(await runImport(db, other.executive.actor, { fileName: 'theirs.csv', rows: [row({ touchpoint: other.touchpointId })] }));
    const otherAfterImport = await snapshotOrganization(db, other.organizationId);
    expect(otherAfterImport).not.toBe(otherSnapshot);
    expect(await run(undoImport, own.executive.actor, { importId: theirs.importId })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await snapshotOrganization(db, other.organizationId)).toBe(otherAfterImport);
    expect(await snapshotOrganization(db, own.organizationId)).toBe(ownSnapshot);
  });
});
