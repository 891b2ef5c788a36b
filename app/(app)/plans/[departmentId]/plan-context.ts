import 'server-only';
import type { PlanContext } from '@/components/plans/plan-view';
import type { Database } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { currentGoal } from '@/db/queries/goal';
import { listTouchpoints } from '@/db/queries/journey';
import { listMembers } from '@/db/queries/members';
import type { Organization } from '@/db/queries/organizations';
import { promiseOwner } from '@/db/queries/plans';

/** Reads, in one go, what the plan page shapes its item cards and item form from (components/plans/plan-view). */
export async function loadPlanContext(db: Database, organization: Organization): Promise<PlanContext> {
  const [members, touchpoints, departments, goal, owner] = await Promise.all([
    listMembers(db, organization.id),
    listTouchpoints(db, organization.id),
    listDepartments(db, organization.id),
    currentGoal(db, organization.id),
    promiseOwner(db, organization.id),
  ]);
  return { members, touchpoints, departments, goal, promiseOwner: owner };
}
