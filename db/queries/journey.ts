import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { departments, journeyStages, touchpoints } from '@/db/schema';

export type Phase = 'before' | 'during' | 'after';
export type Channel = 'online' | 'offline';

const stageColumns = {
  id: journeyStages.id,
  name: journeyStages.name,
  phase: journeyStages.phase,
  position: journeyStages.position,
};
const touchpointColumns = {
  id: touchpoints.id,
  name: touchpoints.name,
  stageId: touchpoints.stageId,
  departmentId: touchpoints.departmentId,
  channel: touchpoints.channel,
  description: touchpoints.description,
  position: touchpoints.position,
  archived: touchpoints.archived,
  key: touchpoints.key,
};

export type JourneyStage = { id: string; name: string; phase: Phase; position: number };
export type Touchpoint = {
  id: string;
  name: string;
  stageId: string;
  departmentId: string;
  channel: Channel;
  description: string;
  position: number;
  archived: boolean;
  /** The name API senders may use instead of the id. */
  key: string | null;
};

export async function listStages(db: Database, organizationId: string): Promise<JourneyStage[]> {
  return db
    .select(stageColumns)
    .from(journeyStages)
    .where(eq(journeyStages.organizationId, organizationId))
    .orderBy(asc(journeyStages.position), asc(journeyStages.name));
}

export async function findStage(db: Database, organizationId: string, stageId: string): Promise<JourneyStage | null> {
  const [row] = await db
    .select(stageColumns)
    .from(journeyStages)
    .where(and(eq(journeyStages.organizationId, organizationId), eq(journeyStages.id, stageId)));
  return row ?? null;
}

async function nextPosition(
  db: Database,
  table: typeof journeyStages | typeof touchpoints,
  where: ReturnType<typeof eq>,
) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${table.position})` })
    .from(table)
    .where(where);
  return (row?.max ?? -1) + 1;
}

export async function insertStage(db: Database, organizationId: string, values: { name: string; phase: Phase }) {
  const position = await nextPosition(db, journeyStages, eq(journeyStages.organizationId, organizationId));
  const [row] = await db
    .insert(journeyStages)
    .values({ organizationId, ...values, position })
    .returning(stageColumns);
  return row!;
}

export async function updateStage(
  db: Database,
  organizationId: string,
  stageId: string,
  values: Partial<Pick<JourneyStage, 'name' | 'phase' | 'position'>>,
) {
  await db
    .update(journeyStages)
    .set(values)
    .where(and(eq(journeyStages.organizationId, organizationId), eq(journeyStages.id, stageId)));
}

export async function deleteStage(db: Database, organizationId: string, stageId: string) {
  await db
    .delete(journeyStages)
    .where(and(eq(journeyStages.organizationId, organizationId), eq(journeyStages.id, stageId)));
}

export async function countTouchpointsInStage(db: Database, organizationId: string, stageId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(touchpoints)
    .where(and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.stageId, stageId)));
  return row?.n ?? 0;
}

export async function listTouchpoints(db: Database, organizationId: string, opts: { includeArchived?: boolean } = {}) {
  const where = [eq(touchpoints.organizationId, organizationId)];
  if (!opts.includeArchived) where.push(eq(touchpoints.archived, false));
  return db
    .select({ ...touchpointColumns, departmentName: departments.name, departmentStage: departments.stage })
    .from(touchpoints)
    .innerJoin(
      departments,
      and(eq(departments.organizationId, touchpoints.organizationId), eq(departments.id, touchpoints.departmentId)),
    )
    .where(and(...where))
    .orderBy(asc(touchpoints.position), asc(touchpoints.name));
}

export async function findTouchpoint(
  db: Database,
  organizationId: string,
  touchpointId: string,
): Promise<Touchpoint | null> {
  const [row] = await db
    .select(touchpointColumns)
    .from(touchpoints)
    .where(and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.id, touchpointId)));
  return row ?? null;
}

/** The position after the last touchpoint of a stage (archived ones included). */
export async function nextTouchpointPosition(db: Database, organizationId: string, stageId: string) {
  return nextPosition(
    db,
    touchpoints,
    and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.stageId, stageId))!,
  );
}

export async function insertTouchpoint(
  db: Database,
  organizationId: string,
  values: {
    name: string;
    stageId: string;
    departmentId: string;
    channel: Channel;
    description?: string;
    key?: string | null;
  },
) {
  const position = await nextTouchpointPosition(db, organizationId, values.stageId);
  const [row] = await db
    .insert(touchpoints)
    .values({ organizationId, ...values, position })
    .returning(touchpointColumns);
  return row!;
}

export async function updateTouchpoint(
  db: Database,
  organizationId: string,
  touchpointId: string,
  values: Partial<
    Pick<Touchpoint, 'name' | 'stageId' | 'departmentId' | 'channel' | 'description' | 'position' | 'archived' | 'key'>
  >,
) {
  await db
    .update(touchpoints)
    .set(values)
    .where(and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.id, touchpointId)));
}

/** Whether another touchpoint of the organization already has this key. */
export async function touchpointKeyTaken(
  db: Database,
  organizationId: string,
  key: string,
  exceptTouchpointId?: string,
) {
  const [row] = await db
    .select({ id: touchpoints.id })
    .from(touchpoints)
    .where(
      and(
        eq(touchpoints.organizationId, organizationId),
        eq(touchpoints.key, key),
        exceptTouchpointId ? ne(touchpoints.id, exceptTouchpointId) : undefined,
      ),
    );
  return row !== undefined;
}
