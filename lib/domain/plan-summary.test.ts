import { describe, expect, it } from 'vitest';
import { summarizePlans, type SummaryItem } from './plan-summary';

const S = 'support';
const D = 'delivery';
const M = 'marketing';
const X = 'archived-department'; // has items but is not among the departments listed
const today = '2025-06-10';

const item = (over: Partial<SummaryItem> & Pick<SummaryItem, 'departmentId' | 'status'>): SummaryItem => ({
  dueDate: null,
  ownerUserId: null,
  investment: null,
  requests: [],
  ...over,
});

const items: SummaryItem[] = [
  // 1: open, overdue, no owner; asks Delivery (pending) and Marketing (answered)
  item({
    departmentId: S,
    status: 'planned',
    dueDate: '2025-06-01',
    investment: 1000,
    requests: [
      { departmentId: D, status: 'pending' },
      { departmentId: M, status: 'acknowledged' },
    ],
  }),
  // 2: due today (not overdue), owned
  item({
    departmentId: S,
    status: 'in_progress',
    dueDate: today,
    ownerUserId: 'u1',
    investment: 2500.5,
    requests: [{ departmentId: D, status: 'pending' }],
  }),
  // 3: done long ago without owner: neither overdue nor "without owner"; its investment was spent
  item({
    departmentId: S,
    status: 'done',
    dueDate: '2025-05-01',
    investment: 400,
    requests: [{ departmentId: M, status: 'concern' }],
  }),
  // 4: dropped: counted by status only
  item({ departmentId: S, status: 'dropped', dueDate: '2025-01-01', investment: 9999 }),
  // 5: open without owner, due date or investment; asks Support and Marketing
  item({
    departmentId: D,
    status: 'planned',
    requests: [
      { departmentId: S, status: 'pending' },
      { departmentId: M, status: 'pending' },
    ],
  }),
  // 6: done and owned
  item({ departmentId: D, status: 'done', ownerUserId: 'u2', investment: 100.25 }),
  // 7: an item of a department not listed (archived): in the total only, but its request to Support counts for Support
  item({
    departmentId: X,
    status: 'planned',
    dueDate: '2025-06-09',
    investment: 50,
    requests: [{ departmentId: S, status: 'pending' }],
  }),
];

describe('summarizePlans', () => {
  const { byDepartment, total } = summarizePlans(items, [S, D, M], today);

  it('summarizes each listed department', () => {
    expect(byDepartment.get(S)).toEqual({
      byStatus: { planned: 1, in_progress: 1, done: 1, dropped: 1 },
      overdue: 1, // item 1 only: item 2 is due today, 3 is done, 4 is dropped
      withoutOwner: 1, // item 1: item 3 is done and 4 dropped, so they do not count
      investmentPlanned: 3900.5, // 1000 + 2500.5 + 400 (the dropped 9999 left out)
      investmentSpent: 400, // done items only
      pendingAnswers: 2, // requests from items 5 and 7
    });
    expect(byDepartment.get(D)).toEqual({
      byStatus: { planned: 1, in_progress: 0, done: 1, dropped: 0 },
      overdue: 0,
      withoutOwner: 1,
      investmentPlanned: 100.25, // item 5 has no investment: counts as 0
      investmentSpent: 100.25,
      pendingAnswers: 2, // requests from items 1 and 2
    });
    expect(byDepartment.get(M)).toEqual({
      byStatus: { planned: 0, in_progress: 0, done: 0, dropped: 0 },
      overdue: 0,
      withoutOwner: 0,
      investmentPlanned: 0,
      investmentSpent: 0,
      pendingAnswers: 1, // item 5's; the acknowledged and the concern are answered
    });
  });

  it('adds everything up in the total, departments not listed included', () => {
    expect(total).toEqual({
      byStatus: { planned: 3, in_progress: 1, done: 2, dropped: 1 },
      overdue: 2, // items 1 and 7
      withoutOwner: 3, // items 1, 5 and 7
      investmentPlanned: 4050.75, // 1000 + 2500.5 + 400 + 100.25 + 50
      investmentSpent: 500.25, // 400 + 100.25
      pendingAnswers: 5,
    });
  });

  it('has one entry per listed department and nothing for others', () => {
    expect([...byDepartment.keys()]).toEqual([S, D, M]);
    expect(byDepartment.has(X)).toBe(false);
  });

  it('gives zeros for no items', () => {
    const empty = summarizePlans([], [S], today);
    const zero = {
      byStatus: { planned: 0, in_progress: 0, done: 0, dropped: 0 },
      overdue: 0,
      withoutOwner: 0,
      investmentPlanned: 0,
      investmentSpent: 0,
      pendingAnswers: 0,
    };
    expect(empty.byDepartment.get(S)).toEqual(zero);
    expect(empty.total).toEqual(zero);
  });

  it("keeps each department's summary separate from the others and from the total", () => {
    const { byDepartment: rows, total: sum } = summarizePlans(
      [item({ departmentId: S, status: 'planned' })],
      [S, D],
      today,
    );
    expect(rows.get(S)!.byStatus.planned).toBe(1);
    expect(rows.get(D)!.byStatus.planned).toBe(0);
    expect(sum.byStatus.planned).toBe(1);
    expect(rows.get(S)).not.toBe(sum);
    expect(rows.get(S)!.byStatus).not.toBe(rows.get(D)!.byStatus);
  });

  it('counts overdue against the day given', () => {
    const due = [item({ departmentId: S, status: 'planned', dueDate: '2025-06-10' })];
    expect(summarizePlans(due, [S], '2025-06-10').total.overdue).toBe(0);
    expect(summarizePlans(due, [S], '2025-06-11').total.overdue).toBe(1);
  });
});
