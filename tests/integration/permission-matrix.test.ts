/**
 * Every command x every role x (own organization, other organization's ids): the outcome must be exactly
 * what the permission table says, and a refusal must leave both organizations untouched (plan items, their
 * touchpoints and requests included).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import {
  auditEventsOf,
  makeMetricsFixture,
  makePlanFixture,
  type MetricsFixture,
  makeTwoOrganizations,
  type OrganizationFixture,
  type PlanFixture,
  snapshotOrganization,
  type TestDatabase,
  testDatabase,
} from '@/db/testing';
import type { Command } from '@/lib/auth/command';
import * as apiKeyCommands from '@/lib/commands/api-keys';
import * as departmentCommands from '@/lib/commands/departments';
import * as importCommands from '@/lib/commands/imports';
import * as metricAggregateCommands from '@/lib/commands/metric-aggregates';
import * as surveyLinkCommands from '@/lib/commands/survey-links';
import * as journeyCommands from '@/lib/commands/journey';
import * as memberCommands from '@/lib/commands/members';
import * as organizationCommands from '@/lib/commands/organization';
import * as planCommands from '@/lib/commands/plans';
import { type Permission, permissionTable, type Role, roles } from '@/lib/domain/permissions';

type Fixtures = {
  own: OrganizationFixture;
  other: OrganizationFixture;
  plans: { own: PlanFixture; other: PlanFixture };
  metrics: { own: MetricsFixture; other: MetricsFixture };
};
/** `rows`: an import refused with per-row errors. */
type Refusal = { code: 'not_found' } | { code: 'invalid'; field: string } | { code: 'invalid'; rows: true };
interface Variant {
  label: string;
  input: (f: Fixtures) => unknown;
  /** For own-department rules: the department of the own organization the command touches. */
  targetDepartment?: 'A' | 'B';
}
interface OtherVariant extends Variant {
  refusal: Refusal;
}
interface Spec {
  own: Variant[];
  /** Inputs that reference the other organization; none for commands whose input holds no ids. */
  other: OtherVariant[];
}

const notFound: Refusal = { code: 'not_found' };
const measured = {
  metric: 'nps',
  value: '30',
  n: '120',
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  source: 'Agency',
};
const touchpointOf = (f: Fixtures, d: 'A' | 'B') => (d === 'A' ? f.own.touchpointId : f.metrics.own.touchpointB);
/** One variant per department of the own organization, for own-department rules. */
const perDepartment = (input: (f: Fixtures, d: 'A' | 'B') => unknown): Variant[] =>
  (['A', 'B'] as const).map((d) => ({
    label: `department ${d}`,
    input: (f: Fixtures) => input(f, d),
    targetDepartment: d,
  }));
const field = (name: string): Refusal => ({ code: 'invalid', field: name });

const specs: Record<string, Spec> = {
  updateOrganizationSettings: {
    own: [
      { label: '', input: () => ({ name: 'Renamed Org', timeZone: 'Europe/Paris', weekStartsOn: 7, currency: 'usd' }) },
    ],
    other: [],
  },
  createDepartment: {
    own: [{ label: '', input: () => ({ name: 'Support', stage: 'back', description: 'Helps' }) }],
    other: [],
  },
  updateDepartmentDetails: {
    own: (['departmentA', 'departmentB'] as const).map((d) => ({
      label: d === 'departmentA' ? 'department A' : 'department B',
      input: (f: Fixtures) => ({ departmentId: f.own[d], name: 'Renamed', stage: 'back', description: 'New text' }),
      targetDepartment: d === 'departmentA' ? ('A' as const) : ('B' as const),
    })),
    other: [
      {
        label: '',
        input: (f) => ({ departmentId: f.other.departmentA, name: 'Renamed', stage: 'back' }),
        refusal: notFound,
      },
    ],
  },
  archiveDepartment: {
    own: [{ label: '', input: (f) => ({ departmentId: f.own.departmentB, archived: 'on' }) }],
    other: [{ label: '', input: (f) => ({ departmentId: f.other.departmentB, archived: 'on' }), refusal: notFound }],
  },
  createStage: { own: [{ label: '', input: () => ({ name: 'Use', phase: 'after' }) }], other: [] },
  updateStageDetails: {
    own: [{ label: '', input: (f) => ({ stageId: f.own.stageId, name: 'Explore', phase: 'during' }) }],
    other: [
      { label: '', input: (f) => ({ stageId: f.other.stageId, name: 'Explore', phase: 'during' }), refusal: notFound },
    ],
  },
  moveStage: {
    own: [{ label: '', input: (f) => ({ stageId: f.own.emptyStageId, direction: 'up' }) }],
    other: [{ label: '', input: (f) => ({ stageId: f.other.emptyStageId, direction: 'up' }), refusal: notFound }],
  },
  removeStage: {
    own: [{ label: '', input: (f) => ({ stageId: f.own.emptyStageId }) }],
    other: [{ label: '', input: (f) => ({ stageId: f.other.emptyStageId }), refusal: notFound }],
  },
  createTouchpoint: {
    own: [
      {
        label: '',
        input: (f) => ({
          name: 'Store',
          stageId: f.own.emptyStageId,
          departmentId: f.own.departmentB,
          channel: 'offline',
        }),
      },
    ],
    other: [
      {
        label: 'stage and department',
        input: (f) => ({
          name: 'Store',
          stageId: f.other.stageId,
          departmentId: f.other.departmentA,
          channel: 'offline',
        }),
        refusal: field('stageId'),
      },
      {
        label: 'department only',
        input: (f) => ({
          name: 'Store',
          stageId: f.own.stageId,
          departmentId: f.other.departmentA,
          channel: 'offline',
        }),
        refusal: field('departmentId'),
      },
    ],
  },
  updateTouchpointDetails: {
    own: [
      {
        label: '',
        input: (f) => ({
          touchpointId: f.own.touchpointId,
          name: 'Web shop',
          stageId: f.own.emptyStageId,
          departmentId: f.own.departmentB,
          channel: 'online',
        }),
      },
    ],
    other: [
      {
        label: 'touchpoint',
        input: (f) => ({
          touchpointId: f.other.touchpointId,
          name: 'Web shop',
          stageId: f.other.stageId,
          departmentId: f.other.departmentA,
          channel: 'online',
        }),
        refusal: notFound,
      },
      {
        label: 'stage',
        input: (f) => ({
          touchpointId: f.own.touchpointId,
          name: 'Web shop',
          stageId: f.other.stageId,
          departmentId: f.own.departmentA,
          channel: 'online',
        }),
        refusal: field('stageId'),
      },
    ],
  },
  moveTouchpoint: {
    own: [{ label: '', input: (f) => ({ touchpointId: f.own.touchpointId, direction: 'down' }) }],
    other: [
      { label: '', input: (f) => ({ touchpointId: f.other.touchpointId, direction: 'down' }), refusal: notFound },
    ],
  },
  archiveTouchpoint: {
    own: [{ label: '', input: (f) => ({ touchpointId: f.own.touchpointId, archived: true }) }],
    other: [{ label: '', input: (f) => ({ touchpointId: f.other.touchpointId, archived: true }), refusal: notFound }],
  },
  inviteMember: {
    own: [
      {
        label: '',
        input: (f) => ({ email: 'new.person@example.test', role: 'staff', departmentId: f.own.departmentB }),
      },
    ],
    other: [
      {
        label: '',
        input: (f) => ({ email: 'new.person@example.test', role: 'staff', departmentId: f.other.departmentB }),
        refusal: field('departmentId'),
      },
    ],
  },
  revokeInvitation: {
    own: [{ label: '', input: (f) => ({ invitationId: f.own.invitationId }) }],
    other: [{ label: '', input: (f) => ({ invitationId: f.other.invitationId }), refusal: notFound }],
  },
  updateMember: {
    own: [{ label: '', input: (f) => ({ userId: f.own.staff.userId, role: 'lead', departmentId: f.own.departmentB }) }],
    other: [
      {
        label: 'member',
        input: (f) => ({ userId: f.other.staff.userId, role: 'lead', departmentId: f.other.departmentB }),
        refusal: notFound,
      },
      {
        label: 'department',
        input: (f) => ({ userId: f.own.staff.userId, role: 'lead', departmentId: f.other.departmentB }),
        refusal: field('departmentId'),
      },
    ],
  },
  removeMember: {
    own: [{ label: '', input: (f) => ({ userId: f.own.staff.userId }) }],
    other: [{ label: '', input: (f) => ({ userId: f.other.staff.userId }), refusal: notFound }],
  },
  // Action plans. Ids of the other organization inside an own-department input are reported next to their field;
  // those variants use department A, so that the lead gets past the department rule to the check of the ids.
  createPlanItem: {
    own: (['A', 'B'] as const).map((d) => ({
      label: `department ${d}`,
      input: (f: Fixtures) => ({
        departmentId: d === 'A' ? f.own.departmentA : f.own.departmentB,
        title: 'Faster refunds',
        affectedDepartmentIds: [d === 'A' ? f.own.departmentB : f.own.departmentA],
      }),
      targetDepartment: d,
    })),
    other: [
      {
        label: 'department',
        input: (f) => ({ departmentId: f.other.departmentA, title: 'Faster refunds' }),
        refusal: notFound,
      },
      {
        label: 'touchpoint',
        input: (f) => ({
          departmentId: f.own.departmentA,
          title: 'Faster refunds',
          touchpointIds: [f.other.touchpointId],
        }),
        refusal: field('touchpointIds'),
      },
      {
        label: 'owner',
        input: (f) => ({ departmentId: f.own.departmentA, title: 'Faster refunds', ownerUserId: f.other.lead.userId }),
        refusal: field('ownerUserId'),
      },
      {
        label: 'affected department',
        input: (f) => ({
          departmentId: f.own.departmentA,
          title: 'Faster refunds',
          affectedDepartmentIds: [f.other.departmentB],
        }),
        refusal: field('affectedDepartmentIds'),
      },
    ],
  },
  updatePlanItemDetails: {
    own: (['A', 'B'] as const).map((d) => ({
      label: `item of department ${d}`,
      input: (f: Fixtures) => ({
        planItemId: d === 'A' ? f.plans.own.itemA : f.plans.own.itemB,
        title: 'Renamed item',
        status: 'in_progress',
      }),
      targetDepartment: d,
    })),
    other: [
      { label: 'item', input: (f) => ({ planItemId: f.plans.other.itemA, title: 'Renamed item' }), refusal: notFound },
      {
        label: 'touchpoint',
        input: (f) => ({ planItemId: f.plans.own.itemA, title: 'Renamed item', touchpointIds: f.other.touchpointId }),
        refusal: field('touchpointIds'),
      },
      {
        label: 'owner',
        input: (f) => ({ planItemId: f.plans.own.itemA, title: 'Renamed item', ownerUserId: f.other.staff.userId }),
        refusal: field('ownerUserId'),
      },
      {
        label: 'affected department',
        input: (f) => ({
          planItemId: f.plans.own.itemA,
          title: 'Renamed item',
          affectedDepartmentIds: [f.other.departmentA],
        }),
        refusal: field('affectedDepartmentIds'),
      },
    ],
  },
  answerPlanRequest: {
    own: (['A', 'B'] as const).map((d) => ({
      label: `request to department ${d}`,
      input: (f: Fixtures) => ({
        requestId: d === 'A' ? f.plans.own.requestToA : f.plans.own.requestToB,
        answer: 'concern',
        comment: 'Needs a budget first',
      }),
      targetDepartment: d,
    })),
    other: [
      { label: '', input: (f) => ({ requestId: f.plans.other.requestToA, answer: 'acknowledged' }), refusal: notFound },
    ],
  },
  setPromiseOwner: {
    own: [{ label: '', input: (f) => ({ departmentId: f.own.departmentB }) }],
    other: [{ label: '', input: (f) => ({ departmentId: f.other.departmentB }), refusal: notFound }],
  },
  // Touchpoint metrics: survey links and measured values belong to a touchpoint, so to its department.
  createSurveyLink: {
    own: perDepartment((f, d) => ({ touchpointId: touchpointOf(f, d), metric: 'csat' })),
    other: [{ label: '', input: (f) => ({ touchpointId: f.other.touchpointId, metric: 'csat' }), refusal: notFound }],
  },
  setSurveyLinkEnabled: {
    own: perDepartment((f, d) => ({ linkId: d === 'A' ? f.metrics.own.linkA : f.metrics.own.linkB, enabled: false })),
    other: [{ label: '', input: (f) => ({ linkId: f.metrics.other.linkA, enabled: false }), refusal: notFound }],
  },
  rotateSurveyLink: {
    own: perDepartment((f, d) => ({ linkId: d === 'A' ? f.metrics.own.linkA : f.metrics.own.linkB })),
    other: [{ label: '', input: (f) => ({ linkId: f.metrics.other.linkA }), refusal: notFound }],
  },
  addMetricAggregate: {
    own: perDepartment((f, d) => ({ touchpointId: touchpointOf(f, d), ...measured })),
    other: [{ label: '', input: (f) => ({ touchpointId: f.other.touchpointId, ...measured }), refusal: notFound }],
  },
  deleteMetricAggregate: {
    own: perDepartment((f, d) => ({ aggregateId: d === 'A' ? f.metrics.own.aggregateA : f.metrics.own.aggregateB })),
    other: [{ label: '', input: (f) => ({ aggregateId: f.metrics.other.aggregateA }), refusal: notFound }],
  },
  createApiKey: { own: [{ label: '', input: () => ({ name: 'Helpdesk' }) }], other: [] },
  revokeApiKey: {
    own: [{ label: '', input: (f) => ({ apiKeyId: f.metrics.own.apiKeyId }) }],
    other: [{ label: '', input: (f) => ({ apiKeyId: f.metrics.other.apiKeyId }), refusal: notFound }],
  },
  importResponses: {
    own: [
      {
        label: '',
        input: (f) => ({ fileName: 'more.csv', rows: [{ touchpoint: f.own.touchpointId, metric: 'nps', score: 10 }] }),
      },
    ],
    other: [
      {
        label: '',
        input: (f) => ({
          fileName: 'more.csv',
          rows: [{ touchpoint: f.other.touchpointId, metric: 'nps', score: 10 }],
        }),
        refusal: { code: 'invalid', rows: true },
      },
    ],
  },
  undoImport: {
    own: [{ label: '', input: (f) => ({ importId: f.metrics.own.importId }) }],
    other: [{ label: '', input: (f) => ({ importId: f.metrics.other.importId }), refusal: notFound }],
  },
};

function isCommand(value: unknown): value is Command<unknown> {
  return typeof value === 'object' && value !== null && 'execute' in value && 'permission' in value;
}
const exported: Record<string, Command<unknown>> = Object.fromEntries(
  [
    organizationCommands,
    departmentCommands,
    journeyCommands,
    memberCommands,
    planCommands,
    surveyLinkCommands,
    metricAggregateCommands,
    apiKeyCommands,
    importCommands,
  ]
    .flatMap((module) => Object.entries(module))
    .filter((entry): entry is [string, Command<unknown>] => isCommand(entry[1])),
);

type Expected = { ok: true } | { ok: false; refusal: { code: 'forbidden' } | Refusal };

/** The permission table's answer, spelled out rule by rule. */
function expectedOutcome(
  permission: Permission,
  role: Role,
  scope: 'own' | 'other',
  variant: Variant | OtherVariant,
): Expected {
  const rule = permissionTable[permission][role];
  if (rule === 'none') return { ok: false, refusal: { code: 'forbidden' } };
  if (scope === 'other') return { ok: false, refusal: (variant as OtherVariant).refusal };
  if (rule === 'any') return { ok: true };
  // own-department: only when the actor has a department and the target is that department. In the fixtures the
  // lead and the staff member belong to department A, the executive to none.
  const actorDepartment = role === 'executive' ? null : 'A';
  return actorDepartment !== null && variant.targetDepartment === actorDepartment
    ? { ok: true }
    : { ok: false, refusal: { code: 'forbidden' } };
}

let database: TestDatabase;
let db: Database;
let fixtures: Fixtures | null = null;
let matrixCases = 0;
let unauthenticatedCases = 0;

/** Fixtures are reused across refusals (which change nothing, as asserted) and rebuilt after any allowed change. */
async function currentFixtures(): Promise<Fixtures> {
  if (!fixtures) {
    const { own, other } = await makeTwoOrganizations(db);
    fixtures = {
      own,
      other,
      plans: { own: await makePlanFixture(db, own), other: await makePlanFixture(db, other) },
      metrics: { own: await makeMetricsFixture(db, own), other: await makeMetricsFixture(db, other) },
    };
  }
  return fixtures;
}

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.close();
});

it('covers every exported command, with the permission it declares', () => {
  expect(Object.keys(exported).sort()).toEqual(Object.keys(specs).sort());
  expect(Object.keys(exported)).toHaveLength(29);
  expect(Object.fromEntries(Object.entries(exported).map(([name, c]) => [name, c.permission]))).toEqual({
    updateOrganizationSettings: 'organization.update',
    createDepartment: 'department.create',
    updateDepartmentDetails: 'department.update',
    archiveDepartment: 'department.archive',
    createStage: 'journeyStage.manage',
    updateStageDetails: 'journeyStage.manage',
    moveStage: 'journeyStage.manage',
    removeStage: 'journeyStage.manage',
    createTouchpoint: 'touchpoint.manage',
    updateTouchpointDetails: 'touchpoint.manage',
    moveTouchpoint: 'touchpoint.manage',
    archiveTouchpoint: 'touchpoint.manage',
    inviteMember: 'member.invite',
    revokeInvitation: 'invitation.revoke',
    updateMember: 'member.update',
    removeMember: 'member.remove',
    createPlanItem: 'plan.edit',
    updatePlanItemDetails: 'plan.edit',
    answerPlanRequest: 'planRequest.answer',
    setPromiseOwner: 'promiseOwner.set',
    createSurveyLink: 'surveyLink.manage',
    setSurveyLinkEnabled: 'surveyLink.manage',
    rotateSurveyLink: 'surveyLink.manage',
    addMetricAggregate: 'metricAggregate.manage',
    deleteMetricAggregate: 'metricAggregate.manage',
    createApiKey: 'apiKey.manage',
    revokeApiKey: 'apiKey.manage',
    importResponses: 'responses.import',
    undoImport: 'responses.import',
  });
});

for (const [name, spec] of Object.entries(specs)) {
  describe(name, () => {
    const scopes = [
      ...spec.own.map((variant) => ({ scope: 'own' as const, variant })),
      ...spec.other.map((variant) => ({ scope: 'other' as const, variant })),
    ];
    for (const role of roles) {
      for (const { scope, variant } of scopes) {
        const command = exported[name];
        if (!command) continue; // reported by the coverage test above
        const permission = command.permission;
        const expected = expectedOutcome(permission, role, scope, variant);
        const outcome = expected.ok
          ? 'ok'
          : expected.refusal.code + ('field' in expected.refusal ? ` (${expected.refusal.field})` : '');
        const title = `${role}, ${scope} organization${variant.label ? ` (${variant.label})` : ''} -> ${outcome}`;

        it(title, async () => {
          matrixCases++;
          const f = await currentFixtures();
          const actor = f.own[role].actor;
          const input = variant.input(f);
          const before = {
            own: await snapshotOrganization(db, f.own.organizationId),
            other: await snapshotOrganization(db, f.other.organizationId),
          };

          const result = await command.execute(db, actor, input);
          if (result.ok) fixtures = null; // changed: the next case starts afresh

          expect(await snapshotOrganization(db, f.other.organizationId)).toBe(before.other);
          if (expected.ok) {
            expect(result).toMatchObject({ ok: true });
            const events = await auditEventsOf(db, f.own.organizationId);
            expect(events).toHaveLength(1);
            expect(events[0]).toMatchObject({ organizationId: f.own.organizationId, actorUserId: actor.userId });
            return;
          }
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.code).toBe(expected.refusal.code);
          if ('field' in expected.refusal) expect(result.fieldErrors).toHaveProperty([expected.refusal.field]);
          if ('rows' in expected.refusal)
            expect(result).toMatchObject({ rowErrors: [{ row: 1, field: 'touchpoint' }] });
          expect(await snapshotOrganization(db, f.own.organizationId)).toBe(before.own);
        });
      }
    }

    it('refuses without a signed-in member', async () => {
      unauthenticatedCases++;
      const f = await currentFixtures();
      const input = (spec.own[0] as Variant).input(f);
      const before = await snapshotOrganization(db, f.own.organizationId);
      const result = await exported[name]!.execute(db, null, input);
      expect(result).toMatchObject({ ok: false, code: 'unauthenticated' });
      expect(await snapshotOrganization(db, f.own.organizationId)).toBe(before);
    });
  });
}

it('ran every case', () => {
  // Own-organization inputs: 16 settings commands (department update twice) = 17, plus plan commands: create, update and
  // answer twice each (department A and B), promise owner once = 7; total 24.
  // Other-organization inputs: 16 settings, plus create 4, update 4, answer 1, promise owner 1 = 10; total 26. All x 3 roles.
  // Metrics: survey links (3) and measured values (2) twice each (department A and B), API keys, import and undo
  // once each = 14 own; one other-organization input for each but creating a key = 8.
  expect(matrixCases).toBe((24 + 14 + 26 + 8) * 3);
  expect(unauthenticatedCases).toBe(29);
});
