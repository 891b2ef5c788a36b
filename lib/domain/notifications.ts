import { type Actor, can, type Role } from './permissions';
import { reminderDue } from './weekly';
import type { FirstDay } from './weeks';

/** What waits for a person, derived from the data on every request, so it is never out of date. */
export type Notification =
  | { kind: 'weeklyReminder'; departmentId: string; week: string }
  | { kind: 'goalToRead'; version: number }
  | {
      kind: 'requestToAnswer';
      requestId: string;
      itemTitle: string;
      departmentId: string;
      planItemId: string;
      itemDepartmentId: string;
      promise: boolean;
    }
  | { kind: 'itemOverdue'; planItemId: string; itemTitle: string; departmentId: string; dueDate: string };

/** Whether this person covers the departments that have no lead (executives do), so needs the roster to know which. */
export function coversUnledDepartments(actor: Actor): boolean {
  return actor.role === 'executive';
}

/**
 * The departments whose pending requests this person is asked to answer. A lead answers what is addressed to
 * their own department; an executive covers every department that has no lead, so no request waits for nobody.
 */
export function departmentsToAnswer(
  actor: Actor,
  departmentIds: readonly string[],
  members: readonly { role: Role; departmentId: string | null }[],
): string[] {
  if (coversUnledDepartments(actor)) {
    const led = new Set(members.filter((m) => m.role === 'lead').map((m) => m.departmentId));
    return departmentIds.filter((id) => !led.has(id));
  }
  if (actor.departmentId && can(actor, 'planRequest.answer', { departmentId: actor.departmentId })) {
    return [actor.departmentId];
  }
  return [];
}

/**
 * The area this person is reminded to log this week's improvement for, or null: their own department, when they
 * may log for it and the organization's reminder day has come (`today` is a calendar date, YYYY-MM-DD).
 * Whether the area has already logged one is for the caller to look up.
 */
export function weeklyReminderDepartment(
  actor: Actor,
  today: string,
  reminderWeekday: number,
  firstDay: FirstDay,
): string | null {
  if (!actor.departmentId || !can(actor, 'weekly.log', { departmentId: actor.departmentId })) return null;
  const isoWeekday = ((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return reminderDue(isoWeekday, reminderWeekday, firstDay) ? actor.departmentId : null;
}
