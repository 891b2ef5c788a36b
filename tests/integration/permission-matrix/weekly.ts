/** Permission-matrix rows of the weekly tracker: improvements belong to a department's cell of a week. */
import { departmentOf, type Fixtures, field, notFound, perDepartment, type Spec } from './spec';

/** An improvement's fields, effective on the first day of `week`. */
const improvement = (week: string, values: Record<string, unknown> = {}) => ({
  title: 'Shorter queue at the counter',
  before: 'Twenty minutes',
  after: 'Five minutes',
  effectiveDate: week,
  ...values,
});
/** A new improvement in this week's cell of department A, naming ids of the other organization. */
const logInA = (f: Fixtures, values: Record<string, unknown>) => ({
  departmentId: f.own.departmentA,
  weekStart: f.weekly.own.currentWeek,
  ...improvement(f.weekly.own.currentWeek, values),
});
/** Department A's improvement of last week, edited to name ids of the other organization. */
const editInA = (f: Fixtures, values: Record<string, unknown>) => ({
  improvementId: f.weekly.own.improvementA,
  ...improvement(f.weekly.own.previousWeek, values),
});

// Ids of the other organization next to an own department are reported next to their field; those variants use
// department A, so that the lead gets past the department rule to the check of the ids.
export const weeklySpecs = {
  logImprovement: {
    permission: 'weekly.log',
    own: perDepartment((f, d) => ({
      departmentId: departmentOf(f, d),
      weekStart: f.weekly.own.currentWeek,
      ...improvement(f.weekly.own.currentWeek, { touchpointIds: [f.own.touchpointId] }),
    })),
    other: [
      {
        label: 'department',
        input: (f) => ({ ...logInA(f, {}), departmentId: f.other.departmentA }),
        refusal: notFound,
      },
      {
        label: 'touchpoint',
        input: (f) => logInA(f, { touchpointIds: [f.other.touchpointId] }),
        refusal: field('touchpointIds'),
      },
      { label: 'owner', input: (f) => logInA(f, { ownerUserId: f.other.lead.userId }), refusal: field('ownerUserId') },
      {
        label: 'plan item',
        input: (f) => logInA(f, { source: 'plan_item', sourcePlanItemId: f.plans.other.itemA }),
        refusal: field('sourcePlanItemId'),
      },
    ],
  },
  updateImprovementDetails: {
    permission: 'weekly.log',
    own: perDepartment((f, d) => ({
      improvementId: d === 'A' ? f.weekly.own.improvementA : f.weekly.own.improvementB,
      ...improvement(f.weekly.own.previousWeek, { title: 'Renamed improvement' }),
    })),
    other: [
      {
        label: 'improvement',
        input: (f) => ({ improvementId: f.weekly.other.improvementA, ...improvement(f.weekly.other.previousWeek) }),
        refusal: notFound,
      },
      {
        label: 'touchpoint',
        input: (f) => editInA(f, { touchpointIds: [f.other.touchpointId] }),
        refusal: field('touchpointIds'),
      },
      {
        label: 'owner',
        input: (f) => editInA(f, { ownerUserId: f.other.staff.userId }),
        refusal: field('ownerUserId'),
      },
      {
        label: 'plan item',
        input: (f) => editInA(f, { source: 'plan_item', sourcePlanItemId: f.plans.other.itemB }),
        refusal: field('sourcePlanItemId'),
      },
    ],
  },
} satisfies Record<string, Spec>;
