/** The one-page goal: who may save and publish it, the page budget, versions (reads: goal-reads.test.ts). */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentGoal, findGoalDraft, goalVersionByNumber, listGoalVersions } from '@/db/queries/goal';
import { goalVersions } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { snapshotOrganization, withNewAuditEvents } from '@/tests/fixtures/snapshots';
import { publishGoal, saveGoalDraft } from '@/lib/commands/goal';
import { goalLength } from '@/lib/domain/goal';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();

const run = auditedRun(() => db, { entityType: 'goalVersion' });

const snapshot = (organizationId: string) => snapshotOrganization(db, organizationId);

const sections = {
  statement: 'Every customer wants to come back.',
  whyService: 'Service is why they return.',
  atmosphere: 'Calm, personal, without surprises.',
  commitments: ['Answer within a day.', 'Honest delivery dates.', 'Fix first, find the cause later.', '', ''],
  dayToDay: 'Improve one thing each week.',
};

function draft(f: OrganizationFixture, values: Record<string, unknown> = {}) {
  return {
    ...sections,
    targets: [
      { metric: 'nps', businessMetric: '', touchpointId: '', targetValue: '45', dueDate: '2026-12-31' },
      { metric: 'csat', businessMetric: '', touchpointId: f.touchpointId, targetValue: '90', dueDate: '2026-06-30' },
      {
        metric: 'business',
        businessMetric: 'Repeat-customer rate',
        touchpointId: '',
        targetValue: '40',
        dueDate: '2026-12-31',
      },
    ],
    ...values,
  };
}

let own: OrganizationFixture;
let other: OrganizationFixture;
beforeEach(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
});

describe('saving the draft', () => {
  it('lets an executive save an incomplete draft, and keeps it apart from the published goal', async () => {
    const result = await run(
      saveGoalDraft,
      own.executive.actor,
      { statement: ' Only a first sentence. ' },
      'goal.saveDraft',
    );
    expect(dataOf(result).draftUpdatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await findGoalDraft(db, own.organizationId)).toMatchObject({
      version: null,
      statement: 'Only a first sentence.',
      whyService: '',
      commitments: [],
      targets: [],
      publishedAt: null,
    });
    expect(await currentGoal(db, own.organizationId)).toBeNull();
  });

  it('saves the sections and targets, drops blank commitments, and replaces the targets on the next save', async () => {
    dataOf(await run(saveGoalDraft, own.executive.actor, draft(own), 'goal.saveDraft'));
    const saved = await findGoalDraft(db, own.organizationId);
    expect(saved?.commitments).toEqual([
      'Answer within a day.',
      'Honest delivery dates.',
      'Fix first, find the cause later.',
    ]);
    expect(saved?.targets).toEqual([
      expect.objectContaining({
        metric: 'nps',
        businessMetric: null,
        touchpointId: null,
        targetValue: 45,
        dueDate: '2026-12-31',
      }),
      expect.objectContaining({
        metric: 'csat',
        touchpointId: own.touchpointId,
        touchpointName: 'Website',
        targetValue: 90,
      }),
      expect.objectContaining({ metric: 'business', businessMetric: 'Repeat-customer rate', targetValue: 40 }),
    ]);
    const [event] = (
      await withNewAuditEvents(db, own.organizationId, () =>
        saveGoalDraft.execute(db, own.executive.actor, draft(own, { targets: [], statement: 'Changed.' })),
      )
    ).events;
    expect(event?.changes).toMatchObject({ sections: ['statement'], targets: 0 });
    expect((await findGoalDraft(db, own.organizationId))?.targets).toEqual([]);
    expect(
      await db.select().from(goalVersions).where(eq(goalVersions.organizationId, own.organizationId)),
    ).toHaveLength(1);
  });

  it('refuses leads and staff with forbidden, and changes nothing', async () => {
    dataOf(await run(saveGoalDraft, own.executive.actor, draft(own)));
    const before = await snapshot(own.organizationId);
    for (const actor of [own.lead.actor, own.staff.actor]) {
      for (const command of [saveGoalDraft, publishGoal]) {
        expect(await run(command, actor, draft(own, { statement: 'Taken over.' }))).toEqual({
          ok: false,
          code: 'forbidden',
          message: { key: 'errors.forbidden' },
        });
      }
    }
    expect(await snapshot(own.organizationId)).toBe(before);
  });

  it('accepts exactly 2,500 characters and refuses 2,501 with an error on the budget, keeping the saved draft', async () => {
    const commitments = goalLength({ ...sections, statement: '', whyService: '', atmosphere: '', dayToDay: '' });
    const atBudget = draft(own, {
      statement: 's'.repeat(300),
      whyService: 'w'.repeat(1000),
      atmosphere: 'a'.repeat(1000),
      dayToDay: 'd'.repeat(200 - commitments),
    });
    expect(goalLength(atBudget)).toBe(2500);
    dataOf(await run(saveGoalDraft, own.executive.actor, atBudget));
    const before = await snapshot(own.organizationId);
    const over = { ...atBudget, dayToDay: `${atBudget.dayToDay}!` };
    expect(await run(saveGoalDraft, own.executive.actor, over)).toEqual({
      ok: false,
      code: 'invalid',
      message: { key: 'errors.checkFields' },
      fieldErrors: { budget: { key: 'goal.errors.overBudget', values: { used: 2501, budget: 2500, over: 1 } } },
    });
    expect(await run(publishGoal, own.executive.actor, over)).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { budget: {} },
    });
    expect(await snapshot(own.organizationId)).toBe(before);
  });

  it('puts each invalid value next to its field: section length, number, date, business name, range', async () => {
    const result = await run(
      saveGoalDraft,
      own.executive.actor,
      draft(own, {
        statement: 's'.repeat(301),
        commitments: ['ok', 'c'.repeat(301)],
        targets: [
          { metric: 'nps', touchpointId: '', targetValue: 'forty', dueDate: '2026-12-31' },
          { metric: 'ces', touchpointId: '', targetValue: '5', dueDate: '2026-02-30' },
          { metric: 'business', businessMetric: ' ', touchpointId: '', targetValue: '', dueDate: '' },
        ],
      }),
    );
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(!result.ok && result.fieldErrors).toEqual({
      statement: { key: 'validation.tooLong', values: { max: 300 } },
      'commitments.1': { key: 'validation.tooLong', values: { max: 300 } },
      'targets.0.targetValue': { key: 'validation.invalid' },
      'targets.1.dueDate': { key: 'validation.format' },
      'targets.2.businessMetric': { key: 'validation.required' },
      'targets.2.targetValue': { key: 'validation.required' },
      'targets.2.dueDate': { key: 'validation.required' },
    });
    const range = await run(
      saveGoalDraft,
      own.executive.actor,
      draft(own, {
        targets: [{ metric: 'csat', touchpointId: '', targetValue: '120', dueDate: '2026-12-31' }],
      }),
    );
    expect(!range.ok && range.fieldErrors).toEqual({
      'targets.0.targetValue': { key: 'goal.errors.valueRange', values: { min: 0, max: 100 } },
    });
  });

  it('refuses more than 8 targets', async () => {
    const target = { metric: 'nps', touchpointId: '', targetValue: '45', dueDate: '2026-12-31' };
    const result = await run(saveGoalDraft, own.executive.actor, draft(own, { targets: Array(9).fill(target) }));
    expect(!result.ok && result.fieldErrors).toEqual({ targets: { key: 'validation.tooBig', values: { max: 8 } } });
    dataOf(await run(saveGoalDraft, own.executive.actor, draft(own, { targets: Array(8).fill(target) })));
  });

  it("refuses another organization's touchpoint as a field error, and writes nothing in either", async () => {
    const before = { own: await snapshot(own.organizationId), other: await snapshot(other.organizationId) };
    const input = draft(own, {
      targets: [{ metric: 'csat', touchpointId: other.touchpointId, targetValue: '90', dueDate: '2026-06-30' }],
    });
    for (const command of [saveGoalDraft, publishGoal]) {
      const result = await run(command, own.executive.actor, input);
      expect(!result.ok && result.fieldErrors).toEqual({ 'targets.0.touchpointId': { key: 'validation.notFound' } });
    }
    expect({ own: await snapshot(own.organizationId), other: await snapshot(other.organizationId) }).toEqual(before);
  });

  it('refuses to overwrite a draft someone else saved after the editor opened it', async () => {
    const first = dataOf(await run(saveGoalDraft, own.executive.actor, draft(own)));
    dataOf(
      await run(
        saveGoalDraft,
        own.executive.actor,
        draft(own, { statement: 'Second editor.', draftUpdatedAt: first.draftUpdatedAt }),
      ),
    );
    const stale = await run(
      saveGoalDraft,
      own.executive.actor,
      draft(own, { statement: 'First editor again.', draftUpdatedAt: first.draftUpdatedAt }),
    );
    expect(stale).toEqual({ ok: false, code: 'conflict', message: { key: 'goal.errors.draftChanged' } });
    expect((await findGoalDraft(db, own.organizationId))?.statement).toBe('Second editor.');
  });
});

describe('publishing', () => {
  it('publishes version 1, then 2, keeping every version with its author, date and targets', async () => {
    const first = dataOf(await run(publishGoal, own.executive.actor, draft(own), 'goal.publish'));
    expect(first.version).toBe(1);
    const v2Input = draft(own, {
      statement: 'Every customer comes back and brings a friend.',
      targets: [],
      draftUpdatedAt: first.draftUpdatedAt,
    });
    const { result, events } = await withNewAuditEvents(db, own.organizationId, () =>
      publishGoal.execute(db, own.executive.actor, v2Input),
    );
    expect(dataOf(result).version).toBe(2);
    expect(events.map((e) => [e.action, e.changes])).toEqual([
      ['goal.publish', expect.objectContaining({ name: '2', version: 2 })],
    ]);

    const versions = await listGoalVersions(db, own.organizationId);
    expect(versions.map((v) => [v.version, v.authorName])).toEqual([
      [2, expect.stringMatching(/^executive /)],
      [1, expect.stringMatching(/^executive /)],
    ]);
    const v1 = await goalVersionByNumber(db, own.organizationId, 1);
    expect(v1).toMatchObject({ version: 1, statement: sections.statement, publishedAt: expect.any(Date) });
    expect(v1?.targets).toHaveLength(3);
    const current = await currentGoal(db, own.organizationId);
    expect(current).toEqual({
      id: expect.any(String),
      version: 2,
      publishedAt: expect.any(Date),
      statement: 'Every customer comes back and brings a friend.',
      commitments: ['Answer within a day.', 'Honest delivery dates.', 'Fix first, find the cause later.'],
      targets: [],
    });
    // The draft stays as the working copy, equal to what was published.
    expect((await findGoalDraft(db, own.organizationId))?.statement).toBe(current?.statement);
    expect(await currentGoal(db, other.organizationId)).toBeNull();
  });

  it('gives currentGoal the published targets with their ids, never the draft ones', async () => {
    dataOf(await run(publishGoal, own.executive.actor, draft(own)));
    dataOf(await run(saveGoalDraft, own.executive.actor, draft(own, { targets: [] })));
    const current = await currentGoal(db, own.organizationId);
    expect(current?.targets).toEqual([
      {
        id: expect.any(String),
        metric: 'nps',
        businessMetric: null,
        touchpointId: null,
        targetValue: 45,
        dueDate: '2026-12-31',
      },
      {
        id: expect.any(String),
        metric: 'csat',
        businessMetric: null,
        touchpointId: own.touchpointId,
        targetValue: 90,
        dueDate: '2026-06-30',
      },
      {
        id: expect.any(String),
        metric: 'business',
        businessMetric: 'Repeat-customer rate',
        touchpointId: null,
        targetValue: 40,
        dueDate: '2026-12-31',
      },
    ]);
  });

  it('refuses to publish an incomplete goal, with each problem next to its field, and publishes nothing', async () => {
    const before = await snapshot(own.organizationId);
    const result = await run(
      publishGoal,
      own.executive.actor,
      draft(own, { atmosphere: ' ', commitments: ['One.', 'Two.', ''] }),
    );
    expect(result).toEqual({
      ok: false,
      code: 'invalid',
      message: { key: 'errors.checkFields' },
      fieldErrors: {
        atmosphere: { key: 'goal.errors.sectionMissing' },
        commitments: { key: 'goal.errors.commitmentCount', values: { count: 2, min: 3, max: 5 } },
      },
    });
    expect(await snapshot(own.organizationId)).toBe(before);
    // The same words may still be kept as a draft.
    dataOf(
      await run(saveGoalDraft, own.executive.actor, draft(own, { atmosphere: ' ', commitments: ['One.', 'Two.', ''] })),
    );
  });

  it('refuses six commitments', async () => {
    const result = await run(
      publishGoal,
      own.executive.actor,
      draft(own, { commitments: ['1', '2', '3', '4', '5', '6'] }),
    );
    expect(!result.ok && result.fieldErrors).toEqual({ commitments: { key: 'validation.tooBig', values: { max: 5 } } });
  });
});
