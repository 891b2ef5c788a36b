/**
 * CSV import: the answers and their rollups are stored in one go, an invalid row stores nothing (unless the
 * person chose to import only the valid rows), a re-import skips known externalIds, and undo takes exactly
 * that import's answers out again. The rows are staged in steps that other queries can run between; a failure
 * or an abandoned import leaves nothing behind. Only executives may import, and only into their own organization.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { findImport, listImports } from '@/db/queries/imports';
import { type HistogramQuery, rawHistograms, rollupHistograms } from '@/db/queries/metrics';
import { recordResponses } from '@/db/queries/responses';
import { claimStagingImport, discardStagingImport, stageRows } from '@/db/queries/staged-import';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { snapshotOrganization } from '@/tests/fixtures/snapshots';
import { organizations, responseImports, stagedResponses, surveyResponses, touchpoints } from '@/db/schema';
import { importResponses, runImport, undoImport } from '@/lib/commands/imports';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();
let own: OrganizationFixture;
let other: OrganizationFixture;
const run = auditedRun(() => db, { entityType: 'responseImport' });

beforeAll(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
  await db.update(touchpoints).set({ key: 'web' }).where(eq(touchpoints.id, own.touchpointId));
});

let serial = 0;
function row(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    touchpoint: own.touchpointId,
    metric: 'nps',
    score: 9,
    respondedAt: '2026-03-02T10:00:00+02:00',
    externalId: `row-${serial}`,
    ...overrides,
  };
}
const query: HistogramQuery = { from: '2026-01-01', to: '2026-12-31', bucket: 'day', weekStartsOn: 1 };
function plain(rows: Awaited<ReturnType<typeof rollupHistograms>>) {
  return rows
    .map((r) => ({ ...r, histogram: [...r.histogram.entries()].sort((a, b) => a[0] - b[0]) }))
    .sort((a, b) => `${a.touchpointId}${a.metric}${a.bucket}`.localeCompare(`${b.touchpointId}${b.metric}${b.bucket}`));
}
const importedRows = (importId: string) =>
  db
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.organizationId, own.organizationId), eq(surveyResponses.importId, importId)));

describe('importing answers', () => {
  it('stores every row with its rollup, names the touchpoint by id or key, and records the import', async () => {
    const before = await rollupHistograms(db, own.organizationId, query);
    const rows = [
      row({ score: 10, comment: ' Fast ', persona: 'Student', channel: 'web' }),
      row({ touchpoint: 'web', metric: 'csat', score: 4 }),
      row({ metric: 'ttr', score: 1.5, respondedAt: '2026-03-03T08:00:00Z' }),
    ];
    const result = dataOf(
      await run(importResponses, own.executive.actor, { fileName: 'march.csv', rows }, 'responses.import'),
    );
    expect(result).toMatchObject({ rowCount: 3, stored: 3, duplicates: 0, skipped: 0 });
    const stored = await importedRows(result.importId);
    expect(stored.map((r) => [r.metric, r.score, r.comment, r.persona, r.channel, r.source]).sort()).toEqual(
      [
        ['csat', 4, null, null, null, 'import'],
        ['nps', 10, 'Fast', 'Student', 'web', 'import'],
        ['ttr', 90, null, null, null, 'import'],
      ].sort(),
    );
    const after = await rollupHistograms(db, own.organizationId, query);
    expect(after.length).toBe(before.length + 3);
    expect(plain(after)).toEqual(plain(await rawHistograms(db, own.organizationId, query)));
    expect(await findImport(db, own.organizationId, result.importId)).toMatchObject({
      fileName: 'march.csv',
      rowCount: 3,
      storedCount: 3,
      duplicateCount: 0,
      undoneAt: null,
      createdByName: expect.any(String),
    });
  });

  it('reports progress step by step up to the number of rows', async () => {
    const steps: [number, number][] = [];
    const rows = Array.from({ length: 6_000 }, () => row({ score: serial % 11 }));
    const result = await runImport(
      db,
      own.executive.actor,
      { fileName: 'big.csv', rows },
      { step: 5000, onProgress: (done, total) => steps.push([done, total]) },
    );
    expect(dataOf(result)).toMatchObject({ stored: 6_000 });
    expect(steps).toEqual([
      [5000, 6_000],
      [6_000, 6_000],
    ]);
    expect(plain(await rollupHistograms(db, own.organizationId, query))).toEqual(
      plain(await rawHistograms(db, own.organizationId, query)),
    );
  });

  it('stores nothing when one row is invalid, and names each bad row and field', async () => {
    const snapshot = await snapshotOrganization(db, own.organizationId);
    const rows = [row(), row({ score: 11 }), row({ touchpoint: 'no-such-place' }), row({ respondedAt: 'yesterday' })];
    const result = await runImport(db, own.executive.actor, { fileName: 'bad.csv', rows });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      invalidCount: 3,
      message: { key: 'imports.invalidRows', values: { count: 3 } },
    });
    expect(!result.ok && 'rowErrors' in result ? result.rowErrors : []).toEqual([
      { row: 2, field: 'score', message: expect.objectContaining({ key: 'validation.scoreRange' }) },
      { row: 3, field: 'touchpoint', message: expect.objectContaining({ key: 'imports.rowError.unknownTouchpoint' }) },
      { row: 4, field: 'respondedAt', message: expect.objectContaining({ key: 'validation.dateTime' }) },
    ]);
    expect(await snapshotOrganization(db, own.organizationId)).toBe(snapshot);
  });

  it('imports only the valid rows when the person chose so, and counts the skipped ones', async () => {
    const result = dataOf(
      await run(importResponses, own.executive.actor, {
        fileName: 'some.csv',
        skipInvalid: true,
        rows: [row(), row({ score: -1 }), row()],
      }),
    );
    expect(result).toMatchObject({ rowCount: 3, stored: 2, skipped: 1 });
    expect(await importedRows(result.importId)).toHaveLength(2);
  });

  it('refuses a file without rows and one where no row is valid', async () => {
    expect(await runImport(db, own.executive.actor, { fileName: 'empty.csv', rows: [] })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(
      await runImport(db, own.executive.actor, { fileName: 'x.csv', skipInvalid: true, rows: [row({ score: 99 })] }),
    ).toMatchObject({ ok: false, code: 'invalid', message: { key: 'imports.noValidRows' } });
  });

  it('counts rows whose externalId is already stored as duplicates on a second import', async () => {
    const rows = [row(), row(), row()];
    const first = dataOf(await runImport(db, own.executive.actor, { fileName: 'a.csv', rows }));
    const second = dataOf(
      await run(importResponses, own.executive.actor, { fileName: 'a-again.csv', rows: [...rows, row()] }),
    );
    expect(second).toMatchObject({ stored: 1, duplicates: 3 });
    expect(await findImport(db, own.organizationId, second.importId)).toMatchObject({
      storedCount: 1,
      duplicateCount: 3,
    });
    expect(await importedRows(first.importId)).toHaveLength(3);
  });

  it('counts a row repeated inside the file as a duplicate, keeping the first one', async () => {
    const result = dataOf(
      await runImport(db, own.executive.actor, {
        fileName: 'repeat.csv',
        rows: [row({ externalId: 'repeat-1', score: 3 }), row({ externalId: 'repeat-1', score: 9 }), row()],
      }),
    );
    expect(result).toMatchObject({ stored: 2, duplicates: 1 });
    expect((await importedRows(result.importId)).find((r) => r.externalId === 'repeat-1')?.score).toBe(3);
    expect(plain(await rollupHistograms(db, own.organizationId, query))).toEqual(
      plain(await rawHistograms(db, own.organizationId, query)),
    );
  });

  it("files each answer under its day in the organization's time zone", async () => {
    await db
      .update(organizations)
      .set({ timeZone: 'America/Los_Angeles' })
      .where(eq(organizations.id, own.organizationId));
    try {
      const result = dataOf(
        await runImport(db, own.executive.actor, {
          fileName: 'evening.csv',
          rows: [row({ respondedAt: '2026-03-03T05:00:00Z' })],
        }),
      );
      expect((await importedRows(result.importId)).map((r) => r.day)).toEqual(['2026-03-02']);
    } finally {
      await db.update(organizations).set({ timeZone: 'UTC' }).where(eq(organizations.id, own.organizationId));
    }
  });
});

describe('storing an import in steps', () => {
  const many = (count: number) => Array.from({ length: count }, () => row({ score: serial % 11 }));

  it('lets other queries run between its steps, and shows the import only once its answers are stored', async () => {
    const events: string[] = [];
    let read: Promise<unknown> | undefined;
    const result = await runImport(
      db,
      own.executive.actor,
      { fileName: 'steps.csv', rows: many(500) },
      {
        step: 100,
        onProgress: (done) => {
          events.push(`staged ${done}`);
          read ??= listImports(db, own.organizationId).then((list) =>
            events.push(list.some((i) => i.fileName === 'steps.csv') ? 'read: listed' : 'read: not listed'),
          );
        },
      },
    );
    await read;
    expect(dataOf(result)).toMatchObject({ stored: 500 });
    // On PGlite (one connection) a read waits for any open transaction: it finished before the last step was staged.
    expect(events.indexOf('read: not listed')).toBeGreaterThan(-1);
    expect(events.indexOf('read: not listed')).toBeLessThan(events.indexOf('staged 500'));
    expect((await listImports(db, own.organizationId)).map((i) => i.fileName)).toContain('steps.csv');
    expect(
      await db.select().from(stagedResponses).where(eq(stagedResponses.organizationId, own.organizationId)),
    ).toEqual([]);
  });

  it('stores the same answers and rollups when the storing transaction moves the rows a few at a time', async () => {
    const known = row();
    dataOf(await runImport(db, own.executive.actor, { fileName: 'known.csv', rows: [known] }));
    const rows = [
      row({ externalId: 'split-1', score: 2 }),
      known,
      row(),
      row({ externalId: 'split-1', score: 8 }),
      row(),
      row({ metric: 'ces', score: 6 }),
    ];
    const result = dataOf(
      await runImport(db, own.executive.actor, { fileName: 'split.csv', rows }, { step: 4, commitStep: 2 }),
    );
    expect(result).toMatchObject({ stored: 4, duplicates: 2 });
    expect((await importedRows(result.importId)).find((r) => r.externalId === 'split-1')?.score).toBe(2);
    expect(plain(await rollupHistograms(db, own.organizationId, query))).toEqual(
      plain(await rawHistograms(db, own.organizationId, query)),
    );
  });

  it('leaves nothing behind when a step fails: no answers, no staged rows, no import', async () => {
    const snapshot = await snapshotOrganization(db, own.organizationId);
    const result = await runImport(
      db,
      own.executive.actor,
      { fileName: 'broken.csv', rows: many(300) },
      {
        step: 100,
        onProgress: (done) => {
          if (done === 200) throw new Error('connection lost');
        },
      },
    );
    expect(result).toMatchObject({ ok: false, code: 'internal' });
    expect(await snapshotOrganization(db, own.organizationId)).toBe(snapshot);
  });

  const staged = (importId: string) =>
    db
      .select()
      .from(stagedResponses)
      .where(and(eq(stagedResponses.organizationId, own.organizationId), eq(stagedResponses.importId, importId)));
  const stage = (importId: string) =>
    stageRows(db, own.organizationId, importId, [
      {
        rowNumber: 1,
        touchpointId: own.touchpointId,
        metric: 'nps',
        score: 7,
        comment: null,
        respondedAt: new Date('2026-03-02T10:00:00Z'),
        day: '2026-03-02',
        externalId: null,
        persona: null,
        channel: null,
      },
    ]);

  it('hides an import that never finished, refuses to undo it, and clears it when the next import starts', async () => {
    const [abandoned] = await db
      .insert(responseImports)
      .values({
        organizationId: own.organizationId,
        fileName: 'abandoned.csv',
        rowCount: 1,
        createdBy: own.executive.userId,
        createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000),
        completedAt: null,
      })
      .returning();
    await stage(abandoned!.id);
    const names = (await listImports(db, own.organizationId)).map((i) => i.fileName);
    expect(names).not.toContain('abandoned.csv');
    expect(await run(undoImport, own.executive.actor, { importId: abandoned!.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });

    dataOf(await runImport(db, own.executive.actor, { fileName: 'next.csv', rows: [row()] }));
    expect(await db.select().from(responseImports).where(eq(responseImports.id, abandoned!.id))).toEqual([]);
    expect(await staged(abandoned!.id)).toEqual([]);
  });

  it('item 12: one import at a time per organization: while one runs, the next is refused and the running one kept', async () => {
    const claim = await claimStagingImport(
      db,
      own.organizationId,
      { fileName: 'running.csv', rowCount: 1, createdBy: own.executive.userId },
      new Date(Date.now() - 15 * 60 * 1000),
    );
    if (!claim.ok) throw new Error('expected no import to be running');
    await stage(claim.id);
    try {
      const snapshot = await snapshotOrganization(db, own.organizationId);
      expect(await runImport(db, own.executive.actor, { fileName: 'second.csv', rows: [row()] })).toMatchObject({
        ok: false,
        code: 'conflict',
        message: { key: 'imports.alreadyRunning', values: { name: 'running.csv' } },
      });
      expect(await snapshotOrganization(db, own.organizationId)).toBe(snapshot);
      expect(await staged(claim.id)).toHaveLength(1);
      expect((await listImports(db, own.organizationId)).map((i) => i.fileName)).not.toContain('running.csv');
      // Another organization may start one meanwhile.
      const otherClaim = await claimStagingImport(
        db,
        other.organizationId,
        { fileName: 'other.csv', rowCount: 1, createdBy: other.executive.userId },
        new Date(Date.now() - 15 * 60 * 1000),
      );
      expect(otherClaim.ok).toBe(true);
      if (otherClaim.ok) await discardStagingImport(db, other.organizationId, otherClaim.id);
    } finally {
      await discardStagingImport(db, own.organizationId, claim.id);
    }
    // Once it is gone (finished or discarded), the next import goes ahead.
    dataOf(await runImport(db, own.executive.actor, { fileName: 'after.csv', rows: [row()] }));
  });

  it('item 12: of two imports started at the same moment, one is stored and the other refused, nothing mixed', async () => {
    const before = (await listImports(db, own.organizationId)).length;
    const results = await Promise.all(
      ['first.csv', 'second.csv'].map((fileName) =>
        runImport(db, own.executive.actor, { fileName, rows: many(300) }, { step: 100 }),
      ),
    );
    const stored = results.filter((r) => r.ok);
    expect(stored).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([
      { code: 'conflict', message: { key: 'imports.alreadyRunning' } },
    ]);
    const imports = await listImports(db, own.organizationId);
    expect(imports).toHaveLength(before + 1);
    expect(await importedRows(dataOf(stored[0]!).importId)).toHaveLength(300);
  });
});

describe('undoing an import', () => {
  it('removes exactly that import from the answers and the rollups, and marks it undone', async () => {
    const at = new Date('2026-05-04T09:00:00Z');
    await db.transaction((tx) =>
      recordResponses(tx, { id: own.organizationId, timeZone: 'UTC' }, [
        { touchpointId: own.touchpointId, metric: 'nps', score: 9, respondedAt: at, source: 'api' },
      ]),
    );
    const kept = dataOf(
      await runImport(db, own.executive.actor, {
        fileName: 'kept.csv',
        rows: [row({ respondedAt: at.toISOString() })],
      }),
    );
    const before = plain(await rollupHistograms(db, own.organizationId, query));
    const undone = dataOf(
      await runImport(db, own.executive.actor, {
        fileName: 'undo.csv',
        rows: [
          row({ respondedAt: at.toISOString(), score: 9 }),
          row({ respondedAt: at.toISOString(), score: 2 }),
          row({ metric: 'ces', score: 7 }),
        ],
      }),
    );
    expect(
      dataOf(await run(undoImport, own.executive.actor, { importId: undone.importId }, 'responses.undoImport')),
    ).toEqual({ removed: 3 });
    expect(await importedRows(undone.importId)).toHaveLength(0);
    expect(await importedRows(kept.importId)).toHaveLength(1);
    const after = plain(await rollupHistograms(db, own.organizationId, query));
    expect(after).toEqual(before);
    expect(after).toEqual(plain(await rawHistograms(db, own.organizationId, query)));
    expect(await findImport(db, own.organizationId, undone.importId)).toMatchObject({
      undoneAt: expect.any(Date),
      undoneByName: expect.any(String),
    });
  });

  it('says who undid it when it is undone a second time', async () => {
    const { importId } = dataOf(await runImport(db, own.executive.actor, { fileName: 'twice.csv', rows: [row()] }));
    dataOf(await run(undoImport, own.executive.actor, { importId }));
    const again = await run(undoImport, own.executive.actor, { importId });
    expect(again).toMatchObject({
      ok: false,
      code: 'conflict',
      message: { key: 'imports.alreadyUndone', values: { name: expect.stringContaining('executive') } },
    });
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
      expect(await run(importResponses, actor, { fileName: 'x.csv', rows: [row()] })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(await importResponses.execute(db, null, { fileName: 'x.csv', rows: [row()] })).toMatchObject({
      ok: false,
      code: 'unauthenticated',
    });
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
    const result = await runImport(db, own.executive.actor, {
      fileName: 'x.csv',
      rows: [row({ touchpoint: other.touchpointId })],
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid', rowErrors: [{ row: 1, field: 'touchpoint' }] });
    const theirs = dataOf(
      await runImport(db, other.executive.actor, {
        fileName: 'theirs.csv',
        rows: [row({ touchpoint: other.touchpointId })],
      }),
    );
    const otherAfterImport = await snapshotOrganization(db, other.organizationId);
    expect(otherAfterImport).not.toBe(otherSnapshot);
    expect(await run(undoImport, own.executive.actor, { importId: theirs.importId })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await snapshotOrganization(db, other.organizationId)).toBe(otherAfterImport);
    expect(await snapshotOrganization(db, own.organizationId)).toBe(ownSnapshot);
  });
});
