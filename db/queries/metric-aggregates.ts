import 'server-only';
import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { metricAggregates, touchpoints, users } from '@/db/schema';
import type { Metric } from '@/lib/domain/metrics';

const aggregateColumns = {
  id: metricAggregates.id,
  touchpointId: metricAggregates.touchpointId,
  metric: metricAggregates.metric,
  value: metricAggregates.value,
  n: metricAggregates.n,
  periodStart: metricAggregates.periodStart,
  periodEnd: metricAggregates.periodEnd,
  source: metricAggregates.source,
};

/** A value measured elsewhere (an agency's quarterly NPS), with its n and period; shown marked as measured. */
export interface MetricAggregate {
  id: string;
  touchpointId: string;
  metric: Metric;
  /** In the unit the product shows: points, percent, CES in the organization's headline unit, TTR hours. */
  value: number;
  n: number;
  periodStart: string;
  periodEnd: string;
  source: string;
}

export interface AggregateQuery {
  touchpointIds?: string[];
  metrics?: Metric[];
  /** Inclusive calendar dates (YYYY-MM-DD): values whose period overlaps [from, to]. */
  from: string;
  to: string;
}

/** The measured values whose period overlaps the range, for charts; oldest period first. */
export async function aggregatesFor(
  db: Database,
  organizationId: string,
  query: AggregateQuery,
): Promise<MetricAggregate[]> {
  if (query.touchpointIds?.length === 0 || query.metrics?.length === 0) return [];
  const where: SQL[] = [
    eq(metricAggregates.organizationId, organizationId),
    lte(metricAggregates.periodStart, query.to),
    gte(metricAggregates.periodEnd, query.from),
  ];
  if (query.touchpointIds) where.push(inArray(metricAggregates.touchpointId, query.touchpointIds));
  if (query.metrics) where.push(inArray(metricAggregates.metric, query.metrics));
  return db
    .select(aggregateColumns)
    .from(metricAggregates)
    .where(and(...where))
    .orderBy(metricAggregates.periodEnd, metricAggregates.periodStart);
}

/** Every measured value of the organization with the touchpoint's name and department and who added it, newest period first. */
export async function listAggregates(db: Database, organizationId: string, limit = 200) {
  return db
    .select({
      ...aggregateColumns,
      touchpointName: touchpoints.name,
      departmentId: touchpoints.departmentId,
      createdByName: users.name,
      createdAt: metricAggregates.createdAt,
    })
    .from(metricAggregates)
    .innerJoin(
      touchpoints,
      and(
        eq(touchpoints.organizationId, metricAggregates.organizationId),
        eq(touchpoints.id, metricAggregates.touchpointId),
      ),
    )
    .leftJoin(users, eq(users.id, metricAggregates.createdBy))
    .where(eq(metricAggregates.organizationId, organizationId))
    .orderBy(desc(metricAggregates.periodEnd), desc(metricAggregates.createdAt))
    .limit(limit);
}

/** One measured value with the department of its touchpoint, for permission checks. */
export async function findAggregate(db: Database, organizationId: string, aggregateId: string) {
  const [row] = await db
    .select({ ...aggregateColumns, touchpointName: touchpoints.name, departmentId: touchpoints.departmentId })
    .from(metricAggregates)
    .innerJoin(
      touchpoints,
      and(
        eq(touchpoints.organizationId, metricAggregates.organizationId),
        eq(touchpoints.id, metricAggregates.touchpointId),
      ),
    )
    .where(and(eq(metricAggregates.organizationId, organizationId), eq(metricAggregates.id, aggregateId)));
  return row ?? null;
}

export async function insertAggregate(
  db: Database,
  organizationId: string,
  values: Omit<MetricAggregate, 'id'> & { createdBy: string },
) {
  const [row] = await db
    .insert(metricAggregates)
    .values({ organizationId, ...values })
    .returning({ id: metricAggregates.id });
  return row!;
}

export async function deleteAggregate(db: Database, organizationId: string, aggregateId: string) {
  await db
    .delete(metricAggregates)
    .where(and(eq(metricAggregates.organizationId, organizationId), eq(metricAggregates.id, aggregateId)));
}
