/** Permission-matrix rows of the one-page goal. */
import { goalSections } from '@/tests/fixtures/goal';
import { field, notFound, type Spec } from './spec';

/** A goal that may be published, with one target on the given touchpoint. */
const goal = (touchpointId: string) => ({
  ...goalSections,
  targets: [{ metric: 'csat', businessMetric: '', touchpointId, targetValue: '90', dueDate: '2026-12-31' }],
});

export const goalSpecs = {
  saveGoalDraft: {
    permission: 'goal.edit',
    own: [
      { label: '', input: (f) => ({ statement: 'Only a first sentence.', targets: goal(f.own.touchpointId).targets }) },
    ],
    other: [
      {
        label: 'target touchpoint',
        input: (f) => ({ statement: 'Only a first sentence.', targets: goal(f.other.touchpointId).targets }),
        refusal: field('targets.0.touchpointId'),
      },
    ],
  },
  publishGoal: {
    permission: 'goal.publish',
    own: [{ label: '', input: (f) => goal(f.own.touchpointId) }],
    other: [
      {
        label: 'target touchpoint',
        input: (f) => goal(f.other.touchpointId),
        refusal: field('targets.0.touchpointId'),
      },
    ],
  },
  acknowledgeGoal: {
    permission: 'goal.acknowledge',
    own: [{ label: '', input: (f) => ({ goalVersionId: f.goal.own }) }],
    other: [{ label: '', input: (f) => ({ goalVersionId: f.goal.other }), refusal: notFound }],
  },
} satisfies Record<string, Spec>;
