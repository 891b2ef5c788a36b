import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { goalReads, goalVersions, planItems } from '@/db/schema';
import type { Actor } from '@/lib/domain/permissions';
import { can } from '@/lib/domain/permissions';
import { todayIn } from '@/lib/domain/plans';
import { reminderDue } from '@/lib/domain/weekly';
import { type FirstDay, weekOf } from '@/lib/domain/weeks';
import type { Organization } from './organizations';
import { listMembers } from './members';
import { listRequests } from './plans';
import { findImprovementInCell } from './weekly';

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

/** What waits for this person, derived from the data on every request, so it is never out of date. */
export async function notificationsFor(
  db: Database,
  organization: Organization,
  actor: Actor & { userId: string },
  now = new Date(),
): Promise<Notification[]> {
  const out: Notification[] = [];
  const organizationId = organization.id;
  const today = todayIn(organization.timeZone, now);
  const firstDay = organization.weekStartsOn as FirstDay;
  const week = weekOf(now, organization.timeZone, firstDay);
  const isoWeekday = ((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  if (
    actor.departmentId &&
    can(actor, 'weekly.log', { departmentId: actor.departmentId }) &&
    reminderDue(isoWeekday, organization.reminderWeekday, firstDay) &&
    !(await findImprovementInCell(db, organizationId, actor.departmentId, week))
  ) {
    out.push({ kind: 'weeklyReminder', departmentId: actor.departmentId, week });
  }
  const [latest] = await db
    .select({ id: goalVersions.id, version: goalVersions.version })
    .from(goalVersions)
    .where(
      and(
        eq(goalVersions.organizationId, organizationId),
        eq(goalVersions.status, 'published'),
        isNotNull(goalVersions.version),
      ),
    )
    .orderBy(desc(goalVersions.version))
    .limit(1);
  if (latest?.version) {
    const [read] = await db
      .select({ userId: goalReads.userId })
      .from(goalReads)
      .where(
        and(
          eq(goalReads.organizationId, organizationId),
          eq(goalReads.goalVersionId, latest.id),
          eq(goalReads.userId, actor.userId),
        ),
      );
    if (!read) out.push({ kind: 'goalToRead', version: latest.version });
  }
  // A lead answers what is addressed to their department; an executive covers departments that have no lead.
  let answerable: Awaited<ReturnType<typeof listRequests>> = [];
  if (actor.role === 'executive') {
    const leads = new Set(
      (await listMembers(db, organizationId)).filter((m) => m.role === 'lead').map((m) => m.departmentId),
    );
    answerable = (await listRequests(db, organizationId, { status: 'pending' })).filter(
      (r) => !leads.has(r.departmentId),
    );
  } else if (actor.departmentId && can(actor, 'planRequest.answer', { departmentId: actor.departmentId })) {
    answerable = await listRequests(db, organizationId, { departmentId: actor.departmentId, status: 'pending' });
  }
  {
    for (const r of answerable) {
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
  }
  const overdue = await db
    .select({
      id: planItems.id,
      title: planItems.title,
      departmentId: planItems.departmentId,
      dueDate: planItems.dueDate,
    })
    .from(planItems)
    .where(
      and(
        eq(planItems.organizationId, organizationId),
        eq(planItems.ownerUserId, actor.userId),
        inArray(planItems.status, ['planned', 'in_progress']),
        sql`${planItems.dueDate} < ${today}`,
      ),
    );
  for (const item of overdue)
    out.push({
      kind: 'itemOverdue',
      planItemId: item.id,
      itemTitle: item.title,
      departmentId: item.departmentId,
      dueDate: item.dueDate!,
    });
  return out;
}
