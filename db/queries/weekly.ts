import 'server-only';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { departments, planItems, users, weeklyImprovements, weeklyImprovementTouchpoints } from '@/db/schema';
import { dateIn } from '@/lib/domain/weeks';
import { targetLockedSince } from '@/lib/impact/declared-target';
import { findOrganization } from './organizations';

/** The grid's cells for a range of weeks: one query, whatever the number of areas and weeks. */
export async function gridCells(db: Database, organizationId: string, fromWeek: string, toWeek: string) {
  return db
    .select({
      id: weeklyImprovements.id,
      departmentId: weeklyImprovements.departmentId,
      weekStart: weeklyImprovements.weekStart,
      title: weeklyImprovements.title,
      late: weeklyImprovements.late,
    })
    .from(weeklyImprovements)
    .where(
      and(
        eq(weeklyImprovements.organizationId, organizationId),
        gte(weeklyImprovements.weekStart, fromWeek),
        lte(weeklyImprovements.weekStart, toWeek),
      ),
    );
}

/** Every week in which each area logged, for streaks that reach back beyond the shown window. */
export async function loggedWeeks(db: Database, organizationId: string, untilWeek: string) {
  return db
    .select({ departmentId: weeklyImprovements.departmentId, weekStart: weeklyImprovements.weekStart })
    .from(weeklyImprovements)
    .where(and(eq(weeklyImprovements.organizationId, organizationId), lte(weeklyImprovements.weekStart, untilWeek)));
}

export async function firstLoggedWeek(db: Database, organizationId: string): Promise<string | null> {
  const [row] = await db
    .select({ first: sql<string | null>`min(${weeklyImprovements.weekStart})::text` })
    .from(weeklyImprovements)
    .where(eq(weeklyImprovements.organizationId, organizationId));
  return row?.first ?? null;
}

const detailColumns = {
  id: weeklyImprovements.id,
  departmentId: weeklyImprovements.departmentId,
  departmentName: departments.name,
  weekStart: weeklyImprovements.weekStart,
  title: weeklyImprovements.title,
  process: weeklyImprovements.process,
  before: weeklyImprovements.before,
  after: weeklyImprovements.after,
  metric: weeklyImprovements.metric,
  businessMetric: weeklyImprovements.businessMetric,
  direction: weeklyImprovements.direction,
  source: weeklyImprovements.source,
  sourcePlanItemId: weeklyImprovements.sourcePlanItemId,
  sourcePlanItemTitle: planItems.title,
  sourceNote: weeklyImprovements.sourceNote,
  ownerUserId: weeklyImprovements.ownerUserId,
  ownerName: users.name,
  effectiveDate: weeklyImprovements.effectiveDate,
  late: weeklyImprovements.late,
  createdAt: weeklyImprovements.createdAt,
  updatedAt: weeklyImprovements.updatedAt,
};

/**
 * Improvements in full, with their touchpoints: one week, one improvement, or all of them (export). Each says since
 * when its declared target is locked (its after window started, as of `now`), or null while it may still change.
 */
export async function listImprovements(
  db: Database,
  organizationId: string,
  filter: { weekStart?: string; improvementId?: string; now?: Date } = {},
) {
  const where = [eq(weeklyImprovements.organizationId, organizationId)];
  if (filter.weekStart) where.push(eq(weeklyImprovements.weekStart, filter.weekStart));
  if (filter.improvementId) where.push(eq(weeklyImprovements.id, filter.improvementId));
  const rows = await db
    .select(detailColumns)
    .from(weeklyImprovements)
    .innerJoin(
      departments,
      and(
        eq(departments.organizationId, weeklyImprovements.organizationId),
        eq(departments.id, weeklyImprovements.departmentId),
      ),
    )
    .leftJoin(users, eq(users.id, weeklyImprovements.ownerUserId))
    .leftJoin(
      planItems,
      and(
        eq(planItems.organizationId, weeklyImprovements.organizationId),
        eq(planItems.id, weeklyImprovements.sourcePlanItemId),
      ),
    )
    .where(and(...where))
    .orderBy(asc(weeklyImprovements.weekStart), asc(departments.name));
  const ids = rows.map((r) => r.id);
  const organization = ids.length ? await findOrganization(db, organizationId) : null;
  const today = organization ? dateIn(filter.now ?? new Date(), organization.timeZone) : '';
  const lockedSince = (effectiveDate: string) =>
    organization
      ? targetLockedSince([effectiveDate], organization.impactWindows, organization.weekStartsOn, today)
      : null;
  const links = ids.length
    ? await db
        .select({
          improvementId: weeklyImprovementTouchpoints.improvementId,
          touchpointId: weeklyImprovementTouchpoints.touchpointId,
        })
        .from(weeklyImprovementTouchpoints)
        .where(
          and(
            eq(weeklyImprovementTouchpoints.organizationId, organizationId),
            inArray(weeklyImprovementTouchpoints.improvementId, ids),
          ),
        )
    : [];
  return rows.map((r) => ({
    ...r,
    touchpointIds: links.filter((l) => l.improvementId === r.id).map((l) => l.touchpointId),
    targetLockedSince: lockedSince(r.effectiveDate),
  }));
}

export type ImprovementView = Awaited<ReturnType<typeof listImprovements>>[number];

export async function findImprovement(db: Database, organizationId: string, improvementId: string) {
  const [row] = await db
    .select({
      id: weeklyImprovements.id,
      departmentId: weeklyImprovements.departmentId,
      weekStart: weeklyImprovements.weekStart,
      title: weeklyImprovements.title,
      effectiveDate: weeklyImprovements.effectiveDate,
      metric: weeklyImprovements.metric,
      direction: weeklyImprovements.direction,
    })
    .from(weeklyImprovements)
    .where(and(eq(weeklyImprovements.organizationId, organizationId), eq(weeklyImprovements.id, improvementId)));
  return row ?? null;
}

export async function findImprovementInCell(
  db: Database,
  organizationId: string,
  departmentId: string,
  weekStart: string,
) {
  const [row] = await db
    .select({ id: weeklyImprovements.id, title: weeklyImprovements.title })
    .from(weeklyImprovements)
    .where(
      and(
        eq(weeklyImprovements.organizationId, organizationId),
        eq(weeklyImprovements.departmentId, departmentId),
        eq(weeklyImprovements.weekStart, weekStart),
      ),
    );
  return row ?? null;
}

/** What a lead writes about an improvement, in the table's own column types. */
type Columns = Pick<
  typeof weeklyImprovements.$inferSelect,
  'title' | 'process' | 'before' | 'after' | 'metric' | 'direction' | 'source' | 'sourceNote' | 'effectiveDate'
> & { businessMetric: string; sourcePlanItemId?: string | null; ownerUserId?: string | null };

function columnsOf(input: Columns) {
  return {
    title: input.title,
    process: input.process,
    before: input.before,
    after: input.after,
    metric: input.metric,
    businessMetric: input.metric === 'business' ? input.businessMetric : null,
    direction: input.metric ? input.direction : null,
    source: input.source,
    sourcePlanItemId: input.source === 'plan_item' ? (input.sourcePlanItemId ?? null) : null,
    sourceNote: input.sourceNote,
    ownerUserId: input.ownerUserId ?? null,
    effectiveDate: input.effectiveDate,
  };
}

/**
 * Inserts the week's improvement of an area, or returns null when the cell is already taken: the unique key
 * decides, so two leads logging the same cell at the same moment cannot both win.
 */
export async function insertImprovement(
  db: Database,
  organizationId: string,
  values: Columns & {
    departmentId: string;
    weekStart: string;
    late: boolean;
    createdBy: string;
    /** The staff idea it came from: set when logged, kept by later edits. */
    sourceIdeaId?: string | null;
  },
) {
  const [row] = await db
    .insert(weeklyImprovements)
    .values({
      organizationId,
      sourceIdeaId: values.sourceIdeaId ?? null,
      departmentId: values.departmentId,
      weekStart: values.weekStart,
      late: values.late,
      createdBy: values.createdBy,
      ...columnsOf(values),
    })
    .onConflictDoNothing({
      target: [weeklyImprovements.organizationId, weeklyImprovements.departmentId, weeklyImprovements.weekStart],
    })
    .returning({ id: weeklyImprovements.id });
  return row ?? null;
}

export async function updateImprovement(db: Database, organizationId: string, improvementId: string, values: Columns) {
  await db
    .update(weeklyImprovements)
    .set({ ...columnsOf(values), updatedAt: new Date() })
    .where(and(eq(weeklyImprovements.organizationId, organizationId), eq(weeklyImprovements.id, improvementId)));
}

export async function setImprovementTouchpoints(
  db: Database,
  organizationId: string,
  improvementId: string,
  touchpointIds: string[],
) {
  await db
    .delete(weeklyImprovementTouchpoints)
    .where(
      and(
        eq(weeklyImprovementTouchpoints.organizationId, organizationId),
        eq(weeklyImprovementTouchpoints.improvementId, improvementId),
      ),
    );
  if (touchpointIds.length) {
    await db
      .insert(weeklyImprovementTouchpoints)
      .values(touchpointIds.map((touchpointId) => ({ organizationId, improvementId, touchpointId })));
  }
}
