/** Permission-matrix rows of accelerators and blockers: a lever belongs to the department that owns it. */
import { departmentOf, type Fixtures, field, notFound, perDepartment, type Spec } from './spec';

const fields = (f: Fixtures, d: 'A' | 'B', values: Record<string, unknown> = {}) => ({
  name: 'Case studies on the website',
  description: 'Three customers tell their story',
  departmentId: departmentOf(f, d),
  touchpointIds: [f.own.touchpointId],
  metric: 'nps',
  direction: 'up',
  ...values,
});
const acceleratorIn = (f: Fixtures, d: 'A' | 'B') =>
  d === 'A' ? f.levers.own.acceleratorA : f.levers.own.acceleratorB;
const otherLever = (values: Record<string, unknown> = {}) => ({
  label: 'lever',
  input: (f: Fixtures) => ({ leverId: f.levers.other.acceleratorA, ...values }),
  refusal: notFound,
});

// Ids of the other organization next to an own lever or department are reported next to their field; those variants
// use department A, so that the lead gets past the department rule to the check of the ids.
export const leverSpecs = {
  createLever: {
    permission: 'lever.manage',
    own: perDepartment((f, d) => ({ kind: 'accelerator', ...fields(f, d) })),
    other: [
      {
        label: 'department',
        input: (f) => ({ kind: 'accelerator', ...fields(f, 'A', { departmentId: f.other.departmentA }) }),
        refusal: notFound,
      },
      {
        label: 'touchpoint',
        input: (f) => ({ kind: 'blocker', ...fields(f, 'A', { touchpointIds: [f.other.touchpointId] }) }),
        refusal: field('touchpointIds'),
      },
    ],
  },
  updateLever: {
    permission: 'lever.manage',
    own: perDepartment((f, d) => ({ leverId: acceleratorIn(f, d), ...fields(f, d, { name: 'Renamed lever' }) })),
    other: [
      { ...otherLever(), input: (f) => ({ leverId: f.levers.other.acceleratorA, ...fields(f, 'A') }) },
      {
        label: 'department',
        input: (f) => ({
          leverId: f.levers.own.acceleratorA,
          ...fields(f, 'A', { departmentId: f.other.departmentA }),
        }),
        refusal: field('departmentId'),
      },
      {
        label: 'touchpoint',
        input: (f) => ({
          leverId: f.levers.own.acceleratorA,
          ...fields(f, 'A', { touchpointIds: [f.other.touchpointId] }),
        }),
        refusal: field('touchpointIds'),
      },
    ],
  },
  setLeverState: {
    permission: 'lever.manage',
    own: perDepartment((f, d) => ({ leverId: acceleratorIn(f, d), state: 'in-place' })),
    other: [otherLever({ state: 'in-place' })],
  },
  deleteLever: {
    permission: 'lever.manage',
    own: perDepartment((f, d) => ({ leverId: acceleratorIn(f, d) })),
    other: [otherLever()],
  },
} satisfies Record<string, Spec>;
