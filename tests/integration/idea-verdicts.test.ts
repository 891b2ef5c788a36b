/**
 * Issue 12: when the card of a change that came from an idea reaches a verdict, the idea's author and followers are
 * told, with the card's sentence, once per verdict, in the transaction that stores the card. Collecting is no verdict.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertTouchpoint } from '@/db/queries/journey';
import { changeTouched } from '@/db/queries/impact-staleness';
import { type NewResponse, recordResponses } from '@/db/queries/responses';
import { notifications, weeklyImprovements } from '@/db/schema';
import { submitIdea, voteForIdea } from '@/lib/commands/ideas';
import { recomputeStaleImpact } from '@/lib/impact-service/compute';
import { addDays } from '@/lib/domain/weeks';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeOrganization, type OrganizationFixture, uniqueSuffix } from '@/tests/fixtures/organizations';
import { insertFixtureImprovement } from '@/tests/fixtures/weekly';
import { dataOf } from './helpers';

const db = useTestDatabase();
let f: OrganizationFixture;
let ideaId = '';
let courier = '';
let improvement = '';

const nps = (touchpointId: string, day: string, score: number, count: number): NewResponse[] =>
  Array.from({ length: count }, () => ({
    touchpointId,
    metric: 'nps' as const,
    score,
    respondedAt: new Date(`${day}T12:00:00Z`),
    source: 'seed',
  }));

async function record(responses: NewResponse[]) {
  await db.transaction((tx) => recordResponses(tx, { id: f.organizationId, timeZone: 'UTC' }, responses));
}

async function verdictNotices() {
  return db
    .select({ userId: notifications.userId, details: notifications.details })
    .from(notifications)
    .where(and(eq(notifications.organizationId, f.organizationId), eq(notifications.kind, 'ideaVerdict')));
}

beforeAll(async () => {
  f = await makeOrganization(db, `Verdict Co ${uniqueSuffix()}`);
  const add = async (name: string) =>
    (
      await insertTouchpoint(db, f.organizationId, {
        name,
        stageId: f.stageId,
        departmentId: f.departmentA,
        channel: 'online',
      })
    ).id;
  courier = await add('Courier delivery');
  const checkout = await add('Checkout');
  const answers: NewResponse[] = [];
  for (let week = 0; week < 12; week++) {
    const day = addDays('2026-01-28', 7 * week);
    for (const id of [f.touchpointId, courier, checkout])
      answers.push(...nps(id, day, 10, 20), ...nps(id, day, 8, 10), ...nps(id, day, 3, 10));
  }
  await record(answers);
  ideaId = dataOf(
    await submitIdea.execute(db, f.staff.actor, {
      title: 'Text the delivery slot',
      change: 'An SMS with the two-hour slot',
      departmentId: f.departmentA,
    }),
  ).id;
  dataOf(await voteForIdea.execute(db, f.executive.actor, { ideaId }));
  improvement = await insertFixtureImprovement(db, f.organizationId, {
    departmentId: f.departmentA,
    weekStart: '2026-03-02',
    effectiveDate: '2026-03-04',
    createdBy: f.lead.userId,
    title: 'Two-hour delivery slot by SMS',
    touchpointIds: [courier],
  });
  await db
    .update(weeklyImprovements)
    .set({ source: 'idea', sourceIdeaId: ideaId })
    .where(and(eq(weeklyImprovements.organizationId, f.organizationId), eq(weeklyImprovements.id, improvement)));
  await db.transaction((tx) => changeTouched(tx, f.organizationId, 'improvement', improvement));
});

describe('a verdict on the change an idea became', () => {
  it('tells the author and the followers with the sentence, once per verdict', async () => {
    const rise: NewResponse[] = [];
    for (const day of ['2026-03-10', '2026-03-17', '2026-03-24', '2026-03-31'])
      rise.push(...nps(courier, day, 10, 150));
    await record(rise);
    await recomputeStaleImpact(db, f.organizationId);
    const notices = await verdictNotices();
    expect(notices.map((n) => n.userId).sort()).toEqual([f.staff.userId, f.executive.userId].sort());
    expect(notices[0]!.details).toMatchObject({
      title: 'Text the delivery slot',
      verdict: 'better',
      changeKind: 'improvement',
      changeId: improvement,
      changeTitle: 'Two-hour delivery slot by SMS',
    });
    expect(String(notices[0]!.details.sentence)).toMatch(/^NPS at Courier delivery rose about \d+ points/);

    // Computed again with the same verdict: nobody is told twice.
    await db.transaction((tx) => changeTouched(tx, f.organizationId, 'improvement', improvement));
    await recomputeStaleImpact(db, f.organizationId);
    expect(await verdictNotices()).toHaveLength(2);
  });
});
