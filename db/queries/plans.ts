import 'server-only';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import {
  departments,
  organizations,
  planItemAffectedDepartments,
  planItems,
  planItemTouchpoints,
  planRequests,
  users,
} from '@/db/schema';
import type { TargetMetric } from '@/lib/domain/goal';
import type { PlanItemStatus } from '@/lib/domain/plans';

const itemColumns = {
  id: planItems.id,
  departmentId: planItems.departmentId,
  title: planItems.title,
  description: planItems.description,
  ownerUserId: planItems.ownerUserId,
  dueDate: planItems.dueDate,
  status: planItems.status,
  dropReason: planItems.dropReason,
  quickWin: planItems.quickWin,
  investment: planItems.investment,
  expectedOutcome: planItems.expectedOutcome,
  changesPromise: planItems.changesPromise,
  servesCommitment: planItems.servesCommitment,
  servesTargetId: planItems.servesTargetId,
  completedAt: planItems.completedAt,
  effectiveDate: planItems.effectiveDate,
  metric: planItems.metric,
  direction: planItems.direction,
  sourceIdeaId: planItems.sourceIdeaId,
  updatedAt: planItems.updatedAt,
};

export type PlanItemRow = {
  id: string;
  departmentId: string;
  title: string;
  description: string;
  ownerUserId: string | null;
  dueDate: string | null;
  status: PlanItemStatus;
  dropReason: string | null;
  quickWin: boolean;
  investment: number | null;
  expectedOutcome: string;
  changesPromise: boolean;
  servesCommitment: string | null;
  servesTargetId: string | null;
  completedAt: Date | null;
  /** "Took effect on": the day a done item's change reached customers, its impact card's date; null unless done. */
  effectiveDate: string | null;
  /** The declared target metric and direction (locked once the item's after window has started). */
  metric: TargetMetric | null;
  direction: 'up' | 'down' | null;
  /** The staff idea it came from: marking it done ships the idea. */
  sourceIdeaId: string | null;
  updatedAt: Date;
};

export interface PlanItemFilter {
  departmentId?: string;
  status?: PlanItemStatus;
  touchpointId?: string;
  quickWin?: boolean;
}

/** Plan items with their owner's and department's names, affected touchpoints and requests. */
export async function listPlanItems(db: Database, organizationId: string, filter: PlanItemFilter = {}) {
  const where: SQL[] = [eq(planItems.organizationId, organizationId)];
  if (filter.departmentId) where.push(eq(planItems.departmentId, filter.departmentId));
  if (filter.status) where.push(eq(planItems.status, filter.status));
  if (filter.quickWin !== undefined) where.push(eq(planItems.quickWin, filter.quickWin));
  if (filter.touchpointId) {
    where.push(sql`exists (select 1 from ${planItemTouchpoints} pit where pit.organization_id = ${planItems.organizationId}
      and pit.plan_item_id = ${planItems.id} and pit.touchpoint_id = ${filter.touchpointId})`);
  }
  const items = await db
    .select({ ...itemColumns, ownerName: users.name, departmentName: departments.name })
    .from(planItems)
    .innerJoin(
      departments,
      and(eq(departments.organizationId, planItems.organizationId), eq(departments.id, planItems.departmentId)),
    )
    .leftJoin(users, eq(users.id, planItems.ownerUserId))
    .where(and(...where))
    .orderBy(asc(departments.name), sql`${planItems.dueDate} asc nulls last`, asc(planItems.createdAt));
  const ids = items.map((i) => i.id);
  const [touchpointLinks, affectedLinks, requests] = ids.length
    ? await Promise.all([
        db
          .select({ planItemId: planItemTouchpoints.planItemId, touchpointId: planItemTouchpoints.touchpointId })
          .from(planItemTouchpoints)
          .where(
            and(eq(planItemTouchpoints.organizationId, organizationId), inArray(planItemTouchpoints.planItemId, ids)),
          ),
        db
          .select({
            planItemId: planItemAffectedDepartments.planItemId,
            departmentId: planItemAffectedDepartments.departmentId,
          })
          .from(planItemAffectedDepartments)
          .where(
            and(
              eq(planItemAffectedDepartments.organizationId, organizationId),
              inArray(planItemAffectedDepartments.planItemId, ids),
            ),
          ),
        listRequests(db, organizationId, { planItemIds: ids }),
      ])
    : [[], [], []];
  return items.map((item) => ({
    ...item,
    touchpointIds: touchpointLinks.filter((l) => l.planItemId === item.id).map((l) => l.touchpointId),
    affectedDepartmentIds: affectedLinks.filter((l) => l.planItemId === item.id).map((l) => l.departmentId),
    requests: requests.filter((r) => r.planItemId === item.id),
  }));
}

export type PlanItemView = Awaited<ReturnType<typeof listPlanItems>>[number];

export async function findPlanItem(
  db: Database,
  organizationId: string,
  planItemId: string,
): Promise<PlanItemRow | null> {
  const [row] = await db
    .select(itemColumns)
    .from(planItems)
    .where(and(eq(planItems.organizationId, organizationId), eq(planItems.id, planItemId)));
  return row ?? null;
}

type ItemValues = Omit<
  PlanItemRow,
  'id' | 'departmentId' | 'updatedAt' | 'completedAt' | 'effectiveDate' | 'metric' | 'direction' | 'sourceIdeaId'
> &
  Partial<Pick<PlanItemRow, 'completedAt' | 'effectiveDate' | 'metric' | 'direction'>>;

/**
 * Inserts an item. A done item given no "took effect on" date takes the day it was completed in the organization's
 * time zone (as migration 0009 did for the items done before the date existed).
 */
export async function insertPlanItem(
  db: Database,
  organizationId: string,
  values: ItemValues & { departmentId: string; createdBy: string; sourceIdeaId?: string | null },
) {
  const completedDay =
    values.status === 'done' && values.completedAt && values.effectiveDate === undefined
      ? sql<string>`(${values.completedAt.toISOString()}::timestamptz at time zone (select ${organizations.timeZone}
          from ${organizations} where ${organizations.id} = ${organizationId}))::date`
      : undefined;
  const [row] = await db
    .insert(planItems)
    .values({ organizationId, ...values, effectiveDate: completedDay ?? values.effectiveDate ?? null })
    .returning({ id: planItems.id });
  return row!;
}

export async function updatePlanItem(
  db: Database,
  organizationId: string,
  planItemId: string,
  values: Partial<ItemValues>,
) {
  await db
    .update(planItems)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(planItems.organizationId, organizationId), eq(planItems.id, planItemId)));
}

export async function setPlanItemTouchpoints(
  db: Database,
  organizationId: string,
  planItemId: string,
  touchpointIds: string[],
) {
  await db
    .delete(planItemTouchpoints)
    .where(and(eq(planItemTouchpoints.organizationId, organizationId), eq(planItemTouchpoints.planItemId, planItemId)));
  if (touchpointIds.length) {
    await db
      .insert(planItemTouchpoints)
      .values(touchpointIds.map((touchpointId) => ({ organizationId, planItemId, touchpointId })));
  }
}

export async function setPlanItemAffectedDepartments(
  db: Database,
  organizationId: string,
  planItemId: string,
  departmentIds: string[],
) {
  await db
    .delete(planItemAffectedDepartments)
    .where(
      and(
        eq(planItemAffectedDepartments.organizationId, organizationId),
        eq(planItemAffectedDepartments.planItemId, planItemId),
      ),
    );
  if (departmentIds.length) {
    await db
      .insert(planItemAffectedDepartments)
      .values(departmentIds.map((departmentId) => ({ organizationId, planItemId, departmentId })));
  }
}

const requestColumns = {
  id: planRequests.id,
  planItemId: planRequests.planItemId,
  departmentId: planRequests.departmentId,
  departmentName: departments.name,
  kind: planRequests.kind,
  status: planRequests.status,
  comment: planRequests.comment,
  answeredAt: planRequests.answeredAt,
  answeredByName: users.name,
};

export async function listRequests(
  db: Database,
  organizationId: string,
  filter: { planItemIds?: string[]; departmentId?: string; departmentIds?: string[]; status?: 'pending' } = {},
) {
  const where: SQL[] = [eq(planRequests.organizationId, organizationId)];
  if (filter.planItemIds) where.push(inArray(planRequests.planItemId, filter.planItemIds));
  if (filter.departmentId) where.push(eq(planRequests.departmentId, filter.departmentId));
  if (filter.departmentIds) where.push(inArray(planRequests.departmentId, filter.departmentIds));
  if (filter.status) where.push(eq(planRequests.status, filter.status));
  const itemDepartment = alias(departments, 'item_department');
  return db
    .select({
      ...requestColumns,
      itemTitle: planItems.title,
      itemDepartmentId: planItems.departmentId,
      itemDepartmentName: itemDepartment.name,
    })
    .from(planRequests)
    .innerJoin(
      departments,
      and(eq(departments.organizationId, planRequests.organizationId), eq(departments.id, planRequests.departmentId)),
    )
    .innerJoin(
      planItems,
      and(eq(planItems.organizationId, planRequests.organizationId), eq(planItems.id, planRequests.planItemId)),
    )
    .innerJoin(
      itemDepartment,
      and(eq(itemDepartment.organizationId, planItems.organizationId), eq(itemDepartment.id, planItems.departmentId)),
    )
    .leftJoin(users, eq(users.id, planRequests.answeredBy))
    .where(and(...where))
    .orderBy(asc(planRequests.createdAt));
}

export async function findRequest(db: Database, organizationId: string, requestId: string) {
  const [row] = await db
    .select({
      id: planRequests.id,
      planItemId: planRequests.planItemId,
      departmentId: planRequests.departmentId,
      kind: planRequests.kind,
      status: planRequests.status,
    })
    .from(planRequests)
    .where(and(eq(planRequests.organizationId, organizationId), eq(planRequests.id, requestId)));
  return row ?? null;
}

/**
 * Makes the item's requests match who must hear of it: new departments get a pending request, departments no
 * longer concerned lose theirs unless they already answered (an answer is history worth keeping).
 */
export async function syncRequests(
  db: Database,
  organizationId: string,
  planItemId: string,
  wanted: { departmentId: string; kind: 'ripple' | 'promise' }[],
) {
  const existing = await db
    .select({
      id: planRequests.id,
      departmentId: planRequests.departmentId,
      kind: planRequests.kind,
      status: planRequests.status,
    })
    .from(planRequests)
    .where(and(eq(planRequests.organizationId, organizationId), eq(planRequests.planItemId, planItemId)));
  const key = (r: { departmentId: string; kind: string }) => `${r.kind}:${r.departmentId}`;
  const wantedKeys = new Set(wanted.map(key));
  const existingKeys = new Set(existing.map(key));
  const stale = existing.filter((r) => !wantedKeys.has(key(r)) && r.status === 'pending').map((r) => r.id);
  if (stale.length)
    await db
      .delete(planRequests)
      .where(and(eq(planRequests.organizationId, organizationId), inArray(planRequests.id, stale)));
  const added = wanted.filter((w) => !existingKeys.has(key(w)));
  if (added.length) await db.insert(planRequests).values(added.map((w) => ({ organizationId, planItemId, ...w })));
  return { added: added.length, removed: stale.length };
}

export async function answerRequest(
  db: Database,
  organizationId: string,
  requestId: string,
  values: { status: 'acknowledged' | 'concern'; comment: string; answeredBy: string },
) {
  await db
    .update(planRequests)
    .set({ ...values, answeredAt: new Date() })
    .where(and(eq(planRequests.organizationId, organizationId), eq(planRequests.id, requestId)));
}

/** The department that owns brand promises: the one set in settings, else one named "Marketing". */
export async function promiseOwner(db: Database, organizationId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(
      and(
        eq(departments.organizationId, organizationId),
        eq(departments.archived, false),
        sql`(${departments.ownsPromises} or lower(${departments.name}) = 'marketing')`,
      ),
    )
    .orderBy(sql`${departments.ownsPromises} desc`)
    .limit(1);
  return row ?? null;
}

export async function setPromiseOwnerDepartment(db: Database, organizationId: string, departmentId: string) {
  await db
    .update(departments)
    .set({ ownsPromises: false })
    .where(and(eq(departments.organizationId, organizationId), eq(departments.ownsPromises, true)));
  await db
    .update(departments)
    .set({ ownsPromises: true })
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, departmentId)));
}
