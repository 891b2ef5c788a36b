/** Permission-matrix rows of the action plans. */
import { type Fixtures, field, notFound, type Spec } from './spec';

// Ids of the other organization inside an own-department input are reported next to their field; those variants
// use department A, so that the lead gets past the department rule to the check of the ids.
export const planSpecs = {
  createPlanItem: {
    permission: 'plan.edit',
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
    permission: 'plan.edit',
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
    permission: 'planRequest.answer',
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
    permission: 'promiseOwner.set',
    own: [{ label: '', input: (f) => ({ departmentId: f.own.departmentB }) }],
    other: [{ label: '', input: (f) => ({ departmentId: f.other.departmentB }), refusal: notFound }],
  },
} satisfies Record<string, Spec>;
