/**
 * Touchpoint summaries (the journey map's cards) and the goal's live target values: the scores equal scoreOf
 * of the answers stored, periods split on the organization's calendar days, and another organization's
 * answers never count.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { goalTargetReadings } from '@/db/queries/goal';
import { insertTouchpoint } from '@/db/queries/journey';
import { type NewResponse, recordResponses } from '@/db/queries/responses';
import { touchpointSummaries } from '@/db/queries/touchpoint-summary';
import { organizations } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { cesOf, histogramOf, type Metric, scoreOf } from '@/lib/domain/metrics';

const db = useTestDatabase();

const timeZone = 'Europe/Kyiv';
const TODAY = '2026-03-31';
// Last 90 days: 2026-01-01..2026-03-31; the 90 before: 2025-10-03..2025-12-31.

let own: OrganizationFixture;
let other: OrganizationFixture;
let parcel: string;
beforeEach(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
  parcel = (
    await insertTouchpoint(db, own.organizationId, {
      name: 'Parcel',
      stageId: own.stageId,
      departmentId: own.departmentB,
      channel: 'offline',
    })
  ).id;
});

/** Answers on a calendar day, at noon Kyiv time. */
function answers(touchpointId: string, metric: Metric, day: string, scores: number[]): NewResponse[] {
  return scores.map((score) => ({
    touchpointId,
    metric,
    score,
    respondedAt: new Date(`${day}T09:00:00Z`),
    source: 'seed' as const,
  }));
}

async function store(f: OrganizationFixture, responses: NewResponse[]) {
  await db.transaction((tx) => recordResponses(tx, { id: f.organizationId, timeZone }, responses));
}

const npsA = [10, 10, 9, 8, 7, 3, 0, 10, 9, 6];
const npsB = [9, 9, 9, 2, 5];
const csatA = [5, 4, 4, 2, 1, 5];
const npsBefore = [0, 1, 2, 10];

async function storeExample() {
  await store(own, [
    ...answers(own.touchpointId, 'nps', '2026-02-10', npsA.slice(0, 5)),
    ...answers(own.touchpointId, 'nps', TODAY, npsA.slice(5)),
    ...answers(own.touchpointId, 'csat', '2026-01-01', csatA),
    ...answers(parcel, 'nps', '2026-03-01', npsB),
    ...answers(own.touchpointId, 'nps', '2025-12-31', npsBefore),
    // Outside both periods: never counted.
    ...answers(own.touchpointId, 'nps', '2025-10-02', [0, 0, 0]),
    ...answers(own.touchpointId, 'nps', '2026-04-01', [0, 0, 0]),
  ]);
  // Another organization's answers at its own touchpoint, on the same days.
  await store(other, [
    ...answers(other.touchpointId, 'nps', '2026-02-10', [0, 0, 0, 0]),
    ...answers(other.touchpointId, 'csat', TODAY, [1, 1]),
  ]);
}

describe('touchpoint summaries', () => {
  it('score each touchpoint per metric exactly as scoreOf scores the answers of the last 90 days, most answered metric first', async () => {
    await storeExample();
    const summary = await touchpointSummaries(db, own.organizationId, { today: TODAY });
    expect(summary.period).toEqual({
      days: 90,
      from: '2026-01-01',
      to: TODAY,
      previousFrom: '2025-10-03',
      previousTo: '2025-12-31',
    });

    const first = summary.byTouchpoint.get(own.touchpointId)!;
    expect(first.map((m) => m.metric)).toEqual(['nps', 'csat']);
    expect(first[0]!.current).toEqual(scoreOf('nps', histogramOf(npsA)));
    expect(first[0]!.current.n).toBe(10);
    expect(first[0]!.previous).toEqual(scoreOf('nps', histogramOf(npsBefore)));
    expect(first[1]!.current).toEqual(scoreOf('csat', histogramOf(csatA)));
    expect(first[1]!.previous.n).toBe(0);
    expect(summary.byTouchpoint.get(parcel)!.map((m) => [m.metric, m.current])).toEqual([
      ['nps', scoreOf('nps', histogramOf(npsB))],
    ]);
    expect(summary.byTouchpoint.has(other.touchpointId)).toBe(false);
  });

  it('reports the change from the period before, with its significance from compareScores', async () => {
    await store(own, [
      ...answers(own.touchpointId, 'csat', '2026-03-15', Array(60).fill(5)),
      ...answers(own.touchpointId, 'csat', '2025-11-15', [...Array(30).fill(5), ...Array(30).fill(1)]),
      ...answers(parcel, 'csat', '2026-03-15', [5, 4, 2]),
      ...answers(parcel, 'csat', '2025-11-15', [5, 2, 2]),
    ]);
    const summary = await touchpointSummaries(db, own.organizationId, { today: TODAY });
    const clear = summary.byTouchpoint.get(own.touchpointId)![0]!.trend;
    expect(clear.delta).toBeCloseTo(50);
    expect(clear.significant).toBe(true);
    const noisy = summary.byTouchpoint.get(parcel)![0]!.trend;
    expect(noisy.delta).toBeCloseTo(100 * (2 / 3 - 1 / 3));
    expect(noisy.significant).toBe(false);
  });

  it('combines every touchpoint of the organization by merging their histograms, and never another organization', async () => {
    await storeExample();
    const summary = await touchpointSummaries(db, own.organizationId, { today: TODAY });
    const nps = summary.combined.find((m) => m.metric === 'nps')!;
    expect(nps.current).toEqual(scoreOf('nps', histogramOf([...npsA, ...npsB])));
    expect(nps.current.n).toBe(15);
    expect(nps.previous).toEqual(scoreOf('nps', histogramOf(npsBefore)));
    expect(summary.combined.find((m) => m.metric === 'csat')!.current).toEqual(scoreOf('csat', histogramOf(csatA)));

    const others = await touchpointSummaries(db, other.organizationId, { today: TODAY });
    expect(others.combined.map((m) => [m.metric, m.current.n])).toEqual([
      ['nps', 4],
      ['csat', 2],
    ]);
    // Asking the own organization for another organization's touchpoint finds nothing.
    const foreign = await touchpointSummaries(db, own.organizationId, {
      today: TODAY,
      touchpointIds: [other.touchpointId],
    });
    expect(foreign.byTouchpoint.size).toBe(0);
    expect(foreign.combined).toEqual([]);
  });

  it('reads only the touchpoints asked for, and scores CES with the organization headline', async () => {
    const ces = [7, 6, 5, 2, 1, 4];
    await store(own, [
      ...answers(own.touchpointId, 'ces', '2026-03-01', ces),
      ...answers(parcel, 'ces', '2026-03-01', [1, 1]),
    ]);
    const mean = await touchpointSummaries(db, own.organizationId, { today: TODAY, touchpointIds: [own.touchpointId] });
    expect([...mean.byTouchpoint.keys()]).toEqual([own.touchpointId]);
    expect(mean.cesHeadline).toBe('mean');
    expect(mean.combined[0]!.current).toEqual(cesOf(histogramOf(ces), 'mean'));

    await db.update(organizations).set({ cesHeadline: 'share' }).where(eq(organizations.id, own.organizationId));
    const share = await touchpointSummaries(db, own.organizationId, {
      today: TODAY,
      touchpointIds: [own.touchpointId],
    });
    expect(share.combined[0]!.current).toEqual(cesOf(histogramOf(ces), 'share'));
    expect(share.combined[0]!.current.value).toBeCloseTo(50);
  });
});

describe('live values of goal targets', () => {
  const target = (id: string, metric: Metric | 'business', touchpointId: string | null) => ({
    id,
    metric,
    touchpointId,
  });

  it('reads a touchpoint target at its touchpoint and a whole-company target over every touchpoint, business numbers not at all', async () => {
    await storeExample();
    await store(own, [
      ...answers(parcel, 'ttr', '2026-03-20', [60, 120, 30 * 60]),
      ...answers(own.touchpointId, 'ces', '2026-03-20', [7, 5, 3]),
    ]);
    await db.update(organizations).set({ cesHeadline: 'share' }).where(eq(organizations.id, own.organizationId));
    const readings = await goalTargetReadings(
      db,
      own.organizationId,
      [
        target('company-nps', 'nps', null),
        target('first-csat', 'csat', own.touchpointId),
        target('parcel-ttr', 'ttr', parcel),
        target('first-ces', 'ces', own.touchpointId),
        target('parcel-csat', 'csat', parcel),
        target('repeat', 'business', null),
      ],
      TODAY,
    );
    expect(readings.period).toMatchObject({ from: '2026-01-01', to: TODAY });
    expect(readings.scores.get('company-nps')).toEqual(scoreOf('nps', histogramOf([...npsA, ...npsB])));
    expect(readings.scores.get('first-csat')).toEqual(scoreOf('csat', histogramOf(csatA)));
    expect(readings.scores.get('parcel-ttr')).toMatchObject({ value: 2, n: 3, unit: 'hours' });
    // Goal targets for CES are on the 1-7 scale: the mean, even when the organization headlines the share.
    expect(readings.scores.get('first-ces')).toEqual(cesOf(histogramOf([7, 5, 3]), 'mean'));
    expect(readings.scores.get('parcel-csat')).toMatchObject({ value: null, n: 0 });
    expect(readings.scores.has('repeat')).toBe(false);
  });

  it('never includes another organization, even for a target naming its touchpoint', async () => {
    await storeExample();
    const readings = await goalTargetReadings(
      db,
      own.organizationId,
      [target('foreign', 'nps', other.touchpointId), target('csat', 'csat', null)],
      TODAY,
    );
    expect(readings.scores.get('foreign')).toMatchObject({ value: null, n: 0 });
    expect(readings.scores.get('csat')).toEqual(scoreOf('csat', histogramOf(csatA)));
  });
});
