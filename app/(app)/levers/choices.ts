import 'server-only';
import type { Database } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { listTouchpoints } from '@/db/queries/journey';
import type { LeverRow } from '@/db/queries/levers';
import type { Member } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { dateIn } from '@/lib/domain/weeks';

/**
 * What the lever form offers: the departments the member may give a lever to (an executive any, a lead their own)
 * and the touchpoints that are not archived, plus what an edited lever already names, archived since or not.
 */
export async function leverFormChoices(db: Database, member: Member, lever?: LeverRow) {
  const organizationId = member.organization.id;
  const [departments, touchpoints] = await Promise.all([
    listDepartments(db, organizationId, { includeArchived: true }),
    listTouchpoints(db, organizationId, { includeArchived: true }),
  ]);
  const kept = new Set(lever?.touchpoints.map((tp) => tp.id));
  return {
    departments: departments
      .filter(
        (d) =>
          d.id === lever?.departmentId || (!d.archived && can(member.actor, 'lever.manage', { departmentId: d.id })),
      )
      .map((d) => ({ value: d.id, label: d.name })),
    touchpoints: touchpoints
      .filter((tp) => !tp.archived || kept.has(tp.id))
      .map((tp) => ({ value: tp.id, label: tp.name })),
    today: dateIn(new Date(), member.organization.timeZone),
  };
}

/** Whether the member may add a lever at all: an executive, or a lead of a department. */
export function mayAddLevers(member: Member): boolean {
  return can(member.actor, 'lever.manage', { departmentId: member.actor.departmentId });
}
