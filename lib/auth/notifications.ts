import 'server-only';
import { cache } from 'react';
import { type Database, getDb } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { listMembers } from '@/db/queries/members';
import { overdueItemsOwnedBy, unreadGoalVersion } from '@/db/queries/notifications';
import type { Organization } from '@/db/queries/organizations';
import { listRequests } from '@/db/queries/plans';
import { unreadCount } from '@/db/queries/stored-notifications';
import { findImprovementInCell } from '@/db/queries/weekly';
import {
  coversUnledDepartments,
  departmentsToAnswer,
  type Notification,
  weeklyReminderDepartment,
} from '@/lib/domain/notifications';
import type { Actor } from '@/lib/domain/permissions';
import { todayIn } from '@/lib/domain/plans';
import { weekOf } from '@/lib/domain/weeks';
import type { Member } from './session';

/**
 * What waits for this person, derived from the data on every request, so it is never out of date: the weekly
 * reminder, the goal to read, the requests to answer and the person's overdue plan items, in that order.
 * The queries read; lib/domain/notifications decides who is asked what.
 */
export async function notificationsFor(
  db: Database,
  organization: Organization,
  actor: Actor & { userId: string },
  now = new Date(),
): Promise<Notification[]> {
  const out: Notification[] = [];
  const organizationId = organization.id;
  const today = todayIn(organization.timeZone, now);
  const firstDay = organization.weekStartsOn;
  const week = weekOf(now, organization.timeZone, firstDay);
  const reminded = weeklyReminderDepartment(actor, today, organization.reminderWeekday, firstDay);
  if (reminded && !(await findImprovementInCell(db, organizationId, reminded, week))) {
    out.push({ kind: 'weeklyReminder', departmentId: reminded, week });
  }
  const unreadVersion = await unreadGoalVersion(db, organizationId, actor.userId);
  if (unreadVersion !== null) out.push({ kind: 'goalToRead', version: unreadVersion });
  // The roster is read only by those who cover departments without a lead: the layout runs this on every page.
  const [departments, members] = coversUnledDepartments(actor)
    ? await Promise.all([
        listDepartments(db, organizationId, { includeArchived: true }),
        listMembers(db, organizationId),
      ])
    : [[], []];
  const answerFor = departmentsToAnswer(
    actor,
    departments.map((d) => d.id),
    members,
  );
  const requests =
    answerFor.length > 0 ? await listRequests(db, organizationId, { departmentIds: answerFor, status: 'pending' }) : [];
  for (const r of requests) {
    out.push({
      kind: 'requestToAnswer',
      requestId: r.id,
      itemTitle: r.itemTitle,
      departmentId: r.departmentId,
      planItemId: r.planItemId,
      itemDepartmentId: r.itemDepartmentId,
      promise: r.kind === 'promise',
    });
  }
  for (const item of await overdueItemsOwnedBy(db, organizationId, actor.userId, today)) {
    out.push({
      kind: 'itemOverdue',
      planItemId: item.id,
      itemTitle: item.title,
      departmentId: item.departmentId,
      dueDate: item.dueDate,
    });
  }
  return out;
}

/** The signed-in member's notifications, computed once per request (the bell and the page share it). */
export const myNotifications = cache(async (member: Member) =>
  notificationsFor(await getDb(), member.organization, member.actor),
);

/** How many of the signed-in member's stored notifications are unread: one count, shared by the bell and the page. */
export const myUnreadCount = cache(async (member: Member) =>
  unreadCount(await getDb(), member.organization.id, member.actor.userId),
);
