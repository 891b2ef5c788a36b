import { isOverdue, type PlanItemStatus } from './plans';

export interface SummaryItem {
  departmentId: string;
  status: PlanItemStatus;
  dueDate: string | null;
  ownerUserId: string | null;
  investment: number | null;
  requests: { departmentId: string; status: string }[];
}

export interface DepartmentSummary {
  byStatus: Record<PlanItemStatus, number>;
  overdue: number;
  withoutOwner: number;
  /** Investment of every item not dropped. */
  investmentPlanned: number;
  /** Investment of done items: what was actually spent. */
  investmentSpent: number;
  /** Requests addressed to this department still waiting for its answer. */
  pendingAnswers: number;
}

const empty = (): DepartmentSummary => ({
  byStatus: { planned: 0, in_progress: 0, done: 0, dropped: 0 },
  overdue: 0,
  withoutOwner: 0,
  investmentPlanned: 0,
  investmentSpent: 0,
  pendingAnswers: 0,
});

/** Per department, and in total, what the executive overview shows. */
export function summarizePlans(items: SummaryItem[], departmentIds: string[], today: string) {
  const byDepartment = new Map(departmentIds.map((id) => [id, empty()]));
  const total = empty();
  for (const item of items) {
    for (const summary of [byDepartment.get(item.departmentId), total]) {
      if (!summary) continue;
      summary.byStatus[item.status] += 1;
      if (isOverdue(item, today)) summary.overdue += 1;
      if (!item.ownerUserId && item.status !== 'dropped' && item.status !== 'done') summary.withoutOwner += 1;
      if (item.status !== 'dropped') summary.investmentPlanned += item.investment ?? 0;
      if (item.status === 'done') summary.investmentSpent += item.investment ?? 0;
    }
    for (const request of item.requests) {
      if (request.status !== 'pending') continue;
      const addressed = byDepartment.get(request.departmentId);
      if (addressed) addressed.pendingAnswers += 1;
      total.pendingAnswers += 1;
    }
  }
  return { byDepartment, total };
}
