/** Permission-matrix rows of the settings: the organization, departments, the journey and members. */
import { type Fixtures, field, notFound, type Spec } from './spec';

export const settingsSpecs = {
  updateOrganizationSettings: {
    permission: 'organization.update',
    // The fixtures' first day (Monday) stays: with improvements logged it is locked (organization-settings.test.ts).
    own: [
      { label: '', input: () => ({ name: 'Renamed Org', timeZone: 'Europe/Paris', weekStartsOn: 1, currency: 'usd' }) },
    ],
    other: [],
  },
  updateImpactSettings: {
    permission: 'impactSettings.update',
    // The input names no organization: the command always writes the caller's own (impact-settings.test.ts).
    own: [
      {
        label: '',
        input: () => ({
          baselineWeeks: 6,
          washoutWeeks: 0,
          afterWeeks: 8,
          thresholds: {
            nps: { minChange: 4, precision: 8 },
            nev: { minChange: 5, precision: 10 },
            csat: { minChange: 3, precision: 6 },
            cesShare: { minChange: 3, precision: 6 },
            cesMean: { minChange: 0.2, precision: 0.4 },
            ttr: { minChange: 10, precision: 20 },
          },
        }),
      },
    ],
    other: [],
  },
  createDepartment: {
    permission: 'department.create',
    own: [{ label: '', input: () => ({ name: 'Support', stage: 'back', description: 'Helps' }) }],
    other: [],
  },
  updateDepartmentDetails: {
    permission: 'department.update',
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
    permission: 'department.archive',
    own: [{ label: '', input: (f) => ({ departmentId: f.own.departmentB, archived: 'on' }) }],
    other: [{ label: '', input: (f) => ({ departmentId: f.other.departmentB, archived: 'on' }), refusal: notFound }],
  },
  createStage: {
    permission: 'journeyStage.manage',
    own: [{ label: '', input: () => ({ name: 'Use', phase: 'after' }) }],
    other: [],
  },
  updateStageDetails: {
    permission: 'journeyStage.manage',
    own: [{ label: '', input: (f) => ({ stageId: f.own.stageId, name: 'Explore', phase: 'during' }) }],
    other: [
      { label: '', input: (f) => ({ stageId: f.other.stageId, name: 'Explore', phase: 'during' }), refusal: notFound },
    ],
  },
  moveStage: {
    permission: 'journeyStage.manage',
    own: [{ label: '', input: (f) => ({ stageId: f.own.emptyStageId, direction: 'up' }) }],
    other: [{ label: '', input: (f) => ({ stageId: f.other.emptyStageId, direction: 'up' }), refusal: notFound }],
  },
  removeStage: {
    permission: 'journeyStage.manage',
    own: [{ label: '', input: (f) => ({ stageId: f.own.emptyStageId }) }],
    other: [{ label: '', input: (f) => ({ stageId: f.other.emptyStageId }), refusal: notFound }],
  },
  createTouchpoint: {
    permission: 'touchpoint.manage',
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
    permission: 'touchpoint.manage',
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
    permission: 'touchpoint.manage',
    own: [{ label: '', input: (f) => ({ touchpointId: f.own.touchpointId, direction: 'down' }) }],
    other: [
      { label: '', input: (f) => ({ touchpointId: f.other.touchpointId, direction: 'down' }), refusal: notFound },
    ],
  },
  archiveTouchpoint: {
    permission: 'touchpoint.manage',
    own: [{ label: '', input: (f) => ({ touchpointId: f.own.touchpointId, archived: true }) }],
    other: [{ label: '', input: (f) => ({ touchpointId: f.other.touchpointId, archived: true }), refusal: notFound }],
  },
  inviteMember: {
    permission: 'member.invite',
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
    permission: 'invitation.revoke',
    own: [{ label: '', input: (f) => ({ invitationId: f.own.invitationId }) }],
    other: [{ label: '', input: (f) => ({ invitationId: f.other.invitationId }), refusal: notFound }],
  },
  updateMember: {
    permission: 'member.update',
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
    permission: 'member.remove',
    own: [{ label: '', input: (f) => ({ userId: f.own.staff.userId }) }],
    other: [{ label: '', input: (f) => ({ userId: f.other.staff.userId }), refusal: notFound }],
  },
  issuePasswordReset: {
    permission: 'member.resetPassword',
    own: [{ label: '', input: (f) => ({ userId: f.own.staff.userId }) }],
    other: [{ label: '', input: (f) => ({ userId: f.other.staff.userId }), refusal: notFound }],
  },
} satisfies Record<string, Spec>;
