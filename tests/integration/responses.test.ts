/**
 * Storing answers: the daily rollups always equal what the raw answers say, for any data (a property test),
 * a re-sent externalId is a duplicate, and deleting an import takes its answers out of the rollups.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawHistograms, rollupHistograms, type HistogramQuery } from '@/db/queries/metrics';
import {
  deleteImportedResponses,
  recordResponses,
  touchpointsByReference,
  type NewResponse,
} from '@/db/queries/responses';
import { insertTouchpoint } from '@/db/queries/journey';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations } from '@/tests/fixtures/organizations';
import { responseImports } from '@/db/schema';
import { scales, scoreOf, type SurveyMetric } from '@/lib/domain/metrics';
import { eq } from 'drizzle-orm';

const db = useTestDatabase();

const timeZone = 'Europe/Kyiv';
const surveyMetric = fc.constantFrom<SurveyMetric>('nps', 'csat', 'ces', 'nev');
const answer = surveyMetric.chain((metric) =>
  fc.record({
    metric: fc.constant(metric),
    score: fc.integer(scales[metric]),
    // Around the turn of a year and a DST change, so day, week and month buckets all split.
    respondedAt: fc.date({
      min: new Date('2025-12-20T00:00:00Z'),
      max: new Date('2026-04-10T00:00:00Z'),
      noInvalidDate: true,
    }),
    second: fc.boolean(),
  }),
);

function plain(rows: Awaited<ReturnType<typeof rollupHistograms>>) {
  return rows
    .map((r) => ({ ...r, histogram: [...r.histogram.entries()].sort((a, b) => a[0] - b[0]) }))
    .sort((a, b) => `${a.touchpointId}${a.metric}${a.bucket}`.localeCompare(`${b.touchpointId}${b.metric}${b.bucket}`));
}

describe('daily rollups', () => {
  it('give the same histograms, and so the same scores, as the raw answers for any data and any bucket', async () => {
    const { own } = await makeTwoOrganizations(db);
    const second = (
      await insertTouchpoint(db, own.organizationId, {
        name: 'Parcel',
        stageId: own.stageId,
        departmentId: own.departmentB,
        channel: 'offline',
      })
    ).id;
    await fc.assert(
      fc.asyncProperty(
        fc.array(answer, { minLength: 0, maxLength: 60 }),
        fc.constantFrom<HistogramQuery['bucket']>('day', 'week', 'month', 'total'),
        fc.constantFrom(1, 7),
        async (answers, bucket, weekStartsOn) => {
          const responses: NewResponse[] = answers.map((a) => ({
            touchpointId: a.second ? second : own.touchpointId,
            metric: a.metric,
            score: a.score,
            respondedAt: a.respondedAt,
            source: 'seed',
          }));
          await db.transaction((tx) => recordResponses(tx, { id: own.organizationId, timeZone }, responses));
          const query: HistogramQuery = { from: '2025-12-01', to: '2026-04-30', bucket, weekStartsOn };
          const fromRollups = await rollupHistograms(db, own.organizationId, query);
          const fromRaw = await rawHistograms(db, own.organizationId, query);
          expect(plain(fromRollups)).toEqual(plain(fromRaw));
          for (const [i, row] of fromRollups.entries()) {
            expect(scoreOf(row.metric, row.histogram)).toEqual(scoreOf(fromRaw[i]!.metric, fromRaw[i]!.histogram));
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('buckets an answer by the day in the organization time zone', async () => {
    const { own } = await makeTwoOrganizations(db);
    // 22:30 UTC on 31 March is already 1 April in Kyiv (UTC+3).
    await db.transaction((tx) =>
      recordResponses(tx, { id: own.organizationId, timeZone }, [
        {
          touchpointId: own.touchpointId,
          metric: 'nps',
          score: 10,
          respondedAt: new Date('2026-03-31T22:30:00Z'),
          source: 'api',
        },
      ]),
    );
    const rows = await rollupHistograms(db, own.organizationId, {
      from: '2026-03-01',
      to: '2026-04-30',
      bucket: 'month',
      weekStartsOn: 1,
    });
    expect(rows.map((r) => [r.bucket, [...r.histogram]])).toEqual([['2026-04-01', [[10, 1]]]]);
  });

  it('counts a re-sent externalId as a duplicate and stores it once', async () => {
    const { own } = await makeTwoOrganizations(db);
    const batch: NewResponse[] = [
      {
        touchpointId: own.touchpointId,
        metric: 'csat',
        score: 5,
        respondedAt: new Date('2026-02-02T10:00:00Z'),
        source: 'api',
        externalId: 'a-1',
      },
      {
        touchpointId: own.touchpointId,
        metric: 'csat',
        score: 2,
        respondedAt: new Date('2026-02-02T10:00:00Z'),
        source: 'api',
        externalId: 'a-2',
      },
    ];
    expect(await db.transaction((tx) => recordResponses(tx, { id: own.organizationId, timeZone }, batch))).toEqual({
      stored: 2,
      duplicates: 0,
    });
    expect(await db.transaction((tx) => recordResponses(tx, { id: own.organizationId, timeZone }, batch))).toEqual({
      stored: 0,
      duplicates: 2,
    });
    const [row] = await rollupHistograms(db, own.organizationId, {
      from: '2026-02-01',
      to: '2026-02-28',
      bucket: 'total',
      weekStartsOn: 1,
    });
    expect(scoreOf('csat', row!.histogram)).toMatchObject({ n: 2, value: 50 });
  });

  it('takes an undone import out of the rollups and leaves other answers alone', async () => {
    const { own } = await makeTwoOrganizations(db);
    const [imported] = await db
      .insert(responseImports)
      .values({ organizationId: own.organizationId, fileName: 'a.csv' })
      .returning();
    const at = new Date('2026-02-03T10:00:00Z');
    await db.transaction(async (tx) => {
      await recordResponses(tx, { id: own.organizationId, timeZone }, [
        { touchpointId: own.touchpointId, metric: 'nps', score: 9, respondedAt: at, source: 'api' },
      ]);
      await recordResponses(tx, { id: own.organizationId, timeZone }, [
        {
          touchpointId: own.touchpointId,
          metric: 'nps',
          score: 9,
          respondedAt: at,
          source: 'import',
          importId: imported!.id,
        },
        {
          touchpointId: own.touchpointId,
          metric: 'nps',
          score: 3,
          respondedAt: at,
          source: 'import',
          importId: imported!.id,
        },
      ]);
    });
    expect(await db.transaction((tx) => deleteImportedResponses(tx, own.organizationId, imported!.id))).toBe(2);
    const rows = await rollupHistograms(db, own.organizationId, {
      from: '2026-02-01',
      to: '2026-02-28',
      bucket: 'day',
      weekStartsOn: 1,
    });
    expect(rows.map((r) => [...r.histogram])).toEqual([[[9, 1]]]);
    await db.delete(responseImports).where(eq(responseImports.id, imported!.id));
  });

  it('resolves touchpoints by id or key within the organization only', async () => {
    const { own, other } = await makeTwoOrganizations(db);
    const found = await touchpointsByReference(db, own.organizationId, [own.touchpointId, other.touchpointId, 'nope']);
    expect([...found.keys()]).toEqual([own.touchpointId]);
  });
});
