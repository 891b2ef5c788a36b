import { describe, expect, it } from 'vitest';
import {
  allowedNextStatuses,
  canMove,
  isOverdue,
  type PlanItemStatus,
  planItemStatuses,
  requestsFor,
  todayIn,
} from './plans';

describe('status transitions', () => {
  // The whole table, spelled out: row = from, column = to.
  const table: Record<PlanItemStatus, Record<PlanItemStatus, boolean>> = {
    planned: { planned: true, in_progress: true, done: true, dropped: true },
    in_progress: { planned: true, in_progress: true, done: true, dropped: true },
    done: { planned: false, in_progress: true, done: true, dropped: false },
    dropped: { planned: true, in_progress: false, done: false, dropped: true },
  };

  for (const from of planItemStatuses) {
    for (const to of planItemStatuses) {
      const allowed = table[from][to];
      it(`${from} -> ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canMove(from, to)).toBe(allowed);
        expect(allowedNextStatuses(from).includes(to)).toBe(allowed);
      });
    }
  }

  it('lists the current status first, then the others in a stable order, without repeats', () => {
    expect(allowedNextStatuses('planned')).toEqual(['planned', 'in_progress', 'done', 'dropped']);
    expect(allowedNextStatuses('in_progress')).toEqual(['in_progress', 'planned', 'done', 'dropped']);
    expect(allowedNextStatuses('done')).toEqual(['done', 'in_progress']);
    expect(allowedNextStatuses('dropped')).toEqual(['dropped', 'planned']);
    for (const s of planItemStatuses) expect(new Set(allowedNextStatuses(s)).size).toBe(allowedNextStatuses(s).length);
  });

  it('knows exactly the four statuses', () => {
    expect(planItemStatuses).toEqual(['planned', 'in_progress', 'done', 'dropped']);
  });
});

describe('isOverdue', () => {
  const today = '2025-03-15';

  it('is not overdue when due today', () => {
    expect(isOverdue({ status: 'planned', dueDate: today }, today)).toBe(false);
  });

  it('is overdue when due yesterday and still open', () => {
    expect(isOverdue({ status: 'planned', dueDate: '2025-03-14' }, today)).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueDate: '2025-03-14' }, today)).toBe(true);
  });

  it('is never overdue once done or dropped', () => {
    expect(isOverdue({ status: 'done', dueDate: '2020-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'dropped', dueDate: '2020-01-01' }, today)).toBe(false);
  });

  it('is not overdue without a due date, or when due later', () => {
    expect(isOverdue({ status: 'planned', dueDate: null }, today)).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueDate: '2025-03-16' }, today)).toBe(false);
  });

  it('compares calendar dates across month and year ends', () => {
    expect(isOverdue({ status: 'planned', dueDate: '2024-12-31' }, '2025-01-01')).toBe(true);
    expect(isOverdue({ status: 'planned', dueDate: '2025-02-28' }, '2025-03-01')).toBe(true);
    expect(isOverdue({ status: 'planned', dueDate: '2025-10-01' }, '2025-09-30')).toBe(false);
  });
});

describe('todayIn', () => {
  // 23:30 UTC on 14 March: already 15 March in Kyiv, still 14 March in New York.
  const now = new Date('2025-03-14T23:30:00Z');

  it("gives the date in the organization's time zone, as YYYY-MM-DD", () => {
    expect(todayIn('UTC', now)).toBe('2025-03-14');
    expect(todayIn('Europe/Kyiv', now)).toBe('2025-03-15');
    expect(todayIn('America/New_York', now)).toBe('2025-03-14');
    expect(todayIn('Pacific/Auckland', new Date('2025-12-31T12:00:00Z'))).toBe('2026-01-01');
  });

  it('defaults to now', () => {
    expect(todayIn('UTC')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('requestsFor', () => {
  const own = 'dept-own';
  const a = 'dept-a';
  const b = 'dept-b';
  const marketing = 'dept-marketing';
  const item = (over: Partial<Parameters<typeof requestsFor>[0]> = {}) => ({
    departmentId: own,
    status: 'planned' as PlanItemStatus,
    affectedDepartmentIds: [] as string[],
    changesPromise: false,
    ...over,
  });

  it('asks nobody when nothing else is affected', () => {
    expect(requestsFor(item(), marketing)).toEqual([]);
  });

  it('asks every affected department, in the order given', () => {
    expect(requestsFor(item({ affectedDepartmentIds: [b, a] }), null)).toEqual([
      { departmentId: b, kind: 'ripple' },
      { departmentId: a, kind: 'ripple' },
    ]);
  });

  it("leaves out the item's own department", () => {
    expect(requestsFor(item({ affectedDepartmentIds: [own, a] }), null)).toEqual([{ departmentId: a, kind: 'ripple' }]);
  });

  it('removes duplicates', () => {
    expect(requestsFor(item({ affectedDepartmentIds: [a, a, b, a] }), null)).toEqual([
      { departmentId: a, kind: 'ripple' },
      { departmentId: b, kind: 'ripple' },
    ]);
  });

  it('adds a promise request to the promise owner when the item changes a service, product or channel', () => {
    expect(requestsFor(item({ affectedDepartmentIds: [a], changesPromise: true }), marketing)).toEqual([
      { departmentId: a, kind: 'ripple' },
      { departmentId: marketing, kind: 'promise' },
    ]);
  });

  it('keeps both kinds when the promise owner is also affected', () => {
    expect(requestsFor(item({ affectedDepartmentIds: [marketing], changesPromise: true }), marketing)).toEqual([
      { departmentId: marketing, kind: 'ripple' },
      { departmentId: marketing, kind: 'promise' },
    ]);
  });

  it('adds no promise request when the item does not change a promise', () => {
    expect(requestsFor(item({ changesPromise: false }), marketing)).toEqual([]);
  });

  it('adds no promise request when nobody owns the promises', () => {
    expect(requestsFor(item({ changesPromise: true }), null)).toEqual([]);
  });

  it('adds no promise request when the item belongs to the promise owner itself', () => {
    expect(
      requestsFor(item({ departmentId: marketing, changesPromise: true, affectedDepartmentIds: [a] }), marketing),
    ).toEqual([{ departmentId: a, kind: 'ripple' }]);
  });

  it('asks nobody about a dropped item', () => {
    expect(
      requestsFor(item({ status: 'dropped', affectedDepartmentIds: [a, b], changesPromise: true }), marketing),
    ).toEqual([]);
  });

  it('still asks about done and in-progress items', () => {
    for (const status of ['in_progress', 'done'] as const) {
      expect(requestsFor(item({ status, affectedDepartmentIds: [a] }), null)).toEqual([
        { departmentId: a, kind: 'ripple' },
      ]);
    }
  });

  it('does not change the list it was given', () => {
    const affected = [a, a, own];
    requestsFor(item({ affectedDepartmentIds: affected }), null);
    expect(affected).toEqual([a, a, own]);
  });
});
