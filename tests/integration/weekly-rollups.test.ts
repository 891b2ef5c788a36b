/**
 * The weekly rollups impact cards read: for any answers, however they arrive (one by one, by CSV import, undone),
 * they hold exactly what the stored answers say per touchpoint, metric and organization week, with who answered;
 * when the first day of the week changes they are cut anew, and every card is queued again.
 */
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertTouchpoint } from '@/db/queries/journey';
import { findOrganization } from '@/db/queries/organizations';
import { rowsOf } from '@/db/queries/raw-rows';
import { recordResponses, type NewResponse } from '@/db/queries/responses';
import { impactResults, metricWeeklyRollups } from '@/db/schema';
import { importResponses, undoImport } from '@/lib/commands/imports';
import { updateOrganizationSettings } from '@/lib/commands/organization';
import { scales, type SurveyMetric } from '@/lib/domain/metrics';
import { type FirstDay, weekOfDate } from '@/lib/domain/weeks';
import type { Database } from '@/db/client';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeOrganization } from '@/tests/fixtures/organizations';
import { dataOf } from './helpers';

const db = useTestDatabase();
const timeZone = 'Europe/Kyiv';

const surveyMetric = fc.constantFrom<SurveyMetric>('nps', 'csat', 'ces', 'nev');
const answer = surveyMetric.chain((metric) =>
  fc.record({
    metric: fc.constant(metric),
    score: fc.integer(scales[metric]),
    // Around a Sunday-Monday turn and a DST change, so both week calendars split differently.
    respondedAt: fc.date({
      min: new Date('2026-03-20T00:00:00Z'),
      max: new Date('2026-04-10T00:00:00Z'),
      noInvalidDate: true,
    }),
    second: fc.boolean(),
    channel: fc.constantFrom(null, 'web', 'app'),
    persona: fc.constantFrom(null, 'Student', 'Family'),
    how: fc.constantFrom('one by one', 'import', 'undone import'),
  }),
);

type Weekly = Record<string, { answers: number; counts: object; channels: object; personas: object }>;

/** The weekly rollups as stored. */
async function stored(organizationId: string): Promise<Weekly> {
  const rows = await db
    .select()
    .from(metricWeeklyRollups)
    .where(eq(metricWeeklyRollups.organizationId, organizationId));
  return Object.fromEntries(
    rows.map((r) => [
      `${r.touchpointId}|${r.metric}|${r.weekStart}`,
      { answers: r.answers, counts: r.counts, channels: r.channels, personas: r.personas },
    ]),
  );
}

/** The same, counted here from the raw answers with the app's own week calendar. */
async function fromAnswers(database: Database, organizationId: string, firstDay: FirstDay): Promise<Weekly> {
  const answers = rowsOf<{
    touchpoint_id: string;
    metric: string;
    day: string;
    score: number;
    channel: string | null;
    persona: string | null;
  }>(
    await database.execute(sql`SELECT touchpoint_id, metric::text AS metric, day::text AS day, score, channel, persona
      FROM survey_responses WHERE organization_id = ${organizationId}::uuid`),
  );
  const weekly: Weekly = {};
  const add = (counts: object, key: string) =>
    ((counts as Record<string, number>)[key] = ((counts as Record<string, number>)[key] ?? 0) + 1);
  for (const a of answers) {
    const key = `${a.touchpoint_id}|${a.metric}|${weekOfDate(a.day, firstDay)}`;
    const week = (weekly[key] ??= { answers: 0, counts: {}, channels: {}, personas: {} });
    week.answers += 1;
    add(week.counts, String(a.score));
    add(week.channels, a.channel ?? '');
    add(week.personas, a.persona ?? '');
  }
  return weekly;
}

const settings = (weekStartsOn: FirstDay, cesHeadline: 'mean' | 'share' = 'mean') => ({
  name: 'Weekly Co',
  timeZone,
  weekStartsOn,
  currency: 'EUR',
  reminderWeekday: 4,
  cesHeadline,
});

describe('weekly rollups', () => {
  it('hold exactly the stored answers per organization week, with who answered, however they arrive', async () => {
    const f = await makeOrganization(db, 'Weekly Co');
    const second = (
      await insertTouchpoint(db, f.organizationId, {
        name: 'Parcel',
        stageId: f.stageId,
        departmentId: f.departmentB,
        channel: 'offline',
      })
    ).id;
    let serial = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(answer, { minLength: 1, maxLength: 40 }),
        fc.constantFrom<FirstDay>(1, 7),
        async (batch, firstDay) => {
          dataOf(await updateOrganizationSettings.execute(db, f.executive.actor, settings(firstDay)));
          const one = batch.filter((a) => a.how === 'one by one');
          const toResponse = (a: (typeof batch)[number]): NewResponse => ({
            touchpointId: a.second ? second : f.touchpointId,
            metric: a.metric,
            score: a.score,
            respondedAt: a.respondedAt,
            source: 'api',
            channel: a.channel,
            persona: a.persona,
          });
          await db.transaction((tx) => recordResponses(tx, { id: f.organizationId, timeZone }, one.map(toResponse)));
          for (const how of ['import', 'undone import'] as const) {
            const rows = batch
              .filter((a) => a.how === how)
              .map((a) => ({
                touchpoint: a.second ? second : f.touchpointId,
                metric: a.metric,
                score: a.score,
                respondedAt: a.respondedAt.toISOString(),
                externalId: `weekly-${(serial += 1)}`,
                ...(a.channel ? { channel: a.channel } : {}),
                ...(a.persona ? { persona: a.persona } : {}),
              }));
            if (rows.length === 0) continue;
            const done = dataOf(await importResponses.execute(db, f.executive.actor, { fileName: `${how}.csv`, rows }));
            if (how === 'undone import')
              dataOf(await undoImport.execute(db, f.executive.actor, { importId: done.importId }));
          }
          expect(await stored(f.organizationId)).toEqual(await fromAnswers(db, f.organizationId, firstDay));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('are cut anew when the first day of the week changes, and every impact card is queued again', async () => {
    const f = await makeOrganization(db, 'Weekly Co');
    const at = (iso: string): NewResponse => ({
      touchpointId: f.touchpointId,
      metric: 'nps',
      score: 10,
      respondedAt: new Date(iso),
      source: 'api',
      channel: 'web',
    });
    // A Sunday and the Monday after: one week when weeks start on Sunday, two when they start on Monday.
    await db.transaction((tx) =>
      recordResponses(tx, { id: f.organizationId, timeZone }, [at('2026-03-22T10:00:00Z'), at('2026-03-23T10:00:00Z')]),
    );
    expect(Object.keys(await stored(f.organizationId)).map((k) => k.split('|')[2])).toEqual([
      '2026-03-16',
      '2026-03-23',
    ]);
    await db.insert(impactResults).values({
      organizationId: f.organizationId,
      changeKind: 'improvement',
      changeId: crypto.randomUUID(),
      stale: false,
      staleSince: null,
    });
    dataOf(await updateOrganizationSettings.execute(db, f.executive.actor, settings(7)));
    expect(await stored(f.organizationId)).toEqual({
      [`${f.touchpointId}|nps|2026-03-22`]: {
        answers: 2,
        counts: { 10: 2 },
        channels: { web: 2 },
        personas: { '': 2 },
      },
    });
    const [card] = await db.select().from(impactResults).where(eq(impactResults.organizationId, f.organizationId));
    expect(card!.stale).toBe(true);
  });

  it('queue every impact card again when the CES headline changes, and not when nothing that cards use changes', async () => {
    const f = await makeOrganization(db, 'Weekly Co');
    await db.insert(impactResults).values({
      organizationId: f.organizationId,
      changeKind: 'improvement',
      changeId: crypto.randomUUID(),
      stale: false,
      staleSince: null,
    });
    const staleNow = async () =>
      (await db.select().from(impactResults).where(eq(impactResults.organizationId, f.organizationId)))[0]!.stale;
    const current = (await findOrganization(db, f.organizationId))!;
    const same = { ...settings(current.weekStartsOn, current.cesHeadline), timeZone: current.timeZone };
    dataOf(await updateOrganizationSettings.execute(db, f.executive.actor, { ...same, name: 'Renamed Co' }));
    expect(await staleNow()).toBe(false);
    dataOf(await updateOrganizationSettings.execute(db, f.executive.actor, { ...same, cesHeadline: 'share' }));
    expect(await staleNow()).toBe(true);
  });
});
