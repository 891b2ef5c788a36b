/** Rules of department action plans. Pure: no I/O. */
export const planItemStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type PlanItemStatus = (typeof planItemStatuses)[number];

const transitions: Record<PlanItemStatus, readonly PlanItemStatus[]> = {
  planned: ['in_progress', 'done', 'dropped'],
  in_progress: ['planned', 'done', 'dropped'],
  done: ['in_progress'], // reopened when it turns out not to be finished
  dropped: ['planned'], // picked up again
};

/** Whether an item may go from one status to another (staying put is always allowed). */
export function canMove(from: PlanItemStatus, to: PlanItemStatus): boolean {
  return from === to || transitions[from].includes(to);
}

export function allowedNextStatuses(from: PlanItemStatus): PlanItemStatus[] {
  return [from, ...transitions[from]];
}

/** Overdue: a due date before today that is neither done nor dropped. Dates are YYYY-MM-DD in the org's time zone. */
export function isOverdue(item: { status: PlanItemStatus; dueDate: string | null }, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today && (item.status === 'planned' || item.status === 'in_progress');
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The departments that must hear of an item: every affected department other than its own, plus the
 * brand-promise owner when the item changes a service, product or channel. A dropped item asks nobody.
 */
export function requestsFor(
  item: { departmentId: string; status: PlanItemStatus; affectedDepartmentIds: string[]; changesPromise: boolean },
  promiseOwnerId: string | null,
) {
  if (item.status === 'dropped') return [];
  const ripple = [...new Set(item.affectedDepartmentIds)].filter((id) => id !== item.departmentId);
  const promise = item.changesPromise && promiseOwnerId && promiseOwnerId !== item.departmentId ? [promiseOwnerId] : [];
  return [
    ...ripple.map((departmentId) => ({ departmentId, kind: 'ripple' as const })),
    ...promise.map((departmentId) => ({ departmentId, kind: 'promise' as const })),
  ];
}
