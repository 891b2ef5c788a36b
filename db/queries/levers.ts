import 'server-only';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { departments, impactResults, impactVerdicts, levers, leverTouchpoints } from '@/db/schema';
import { type ImpactCard, storedCardOf } from '@/lib/impact/card-schema';
import type { DeclaredMetric } from '@/lib/impact/change';
import { touchpointsOfKind } from './changes';

/**
 * The register of accelerators and blockers. Every statement filters by organization; a lever in effect (an
 * accelerator in place, a blocker removed) is also a change with an impact card (db/queries/changes.ts).
 */

export type LeverKind = 'accelerator' | 'blocker';
export type LeverState = 'planned' | 'in-place' | 'open' | 'removed';

export interface LeverRow {
  id: string;
  kind: LeverKind;
  name: string;
  description: string;
  departmentId: string;
  departmentName: string;
  touchpoints: { id: string; name: string }[];
  metric: DeclaredMetric;
  direction: 'up' | 'down';
  state: LeverState;
  /** A blocker: open since this day, when known. */
  knownSince: string | null;
  /** An accelerator: in place since; a blocker: removed on. The card's change date; null while planned or open. */
  effectiveDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LeverWithImpact extends LeverRow {
  /** The stored card (impact_results, kind 'lever'); null when none yet or not a change. */
  card: ImpactCard | null;
  /** The card waits for the worker (never for a lever that is not a change). */
  stale: boolean;
}

export interface LeverFilters {
  kind?: LeverKind;
  state?: LeverState;
  touchpointId?: string;
  departmentId?: string;
}

/** What a command needs to know about a lever it acts on. */
export interface LeverForCommand {
  id: string;
  kind: LeverKind;
  name: string;
  description: string;
  departmentId: string;
  metric: DeclaredMetric;
  direction: 'up' | 'down';
  state: LeverState;
  knownSince: string | null;
  effectiveDate: string | null;
  touchpointIds: string[];
}

/** The columns a command writes. */
export interface LeverColumns {
  name: string;
  description: string;
  departmentId: string;
  metric: Exclude<DeclaredMetric, 'business'>;
  direction: 'up' | 'down';
  state: LeverState;
  knownSince: string | null;
  effectiveDate: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const registerColumns = {
  id: levers.id,
  kind: levers.kind,
  name: levers.name,
  description: levers.description,
  departmentId: levers.departmentId,
  departmentName: departments.name,
  metric: levers.metric,
  direction: levers.direction,
  state: levers.state,
  knownSince: levers.knownSince,
  effectiveDate: levers.effectiveDate,
  createdAt: levers.createdAt,
  updatedAt: levers.updatedAt,
  card: impactResults.card,
  resultStale: impactResults.stale,
};

async function registerRows(db: Database, organizationId: string, where: SQL[]): Promise<LeverWithImpact[]> {
  const rows = await db
    .select(registerColumns)
    .from(levers)
    .innerJoin(
      departments,
      and(eq(departments.organizationId, levers.organizationId), eq(departments.id, levers.departmentId)),
    )
    .leftJoin(
      impactResults,
      and(
        eq(impactResults.organizationId, levers.organizationId),
        eq(impactResults.changeKind, 'lever'),
        eq(impactResults.changeId, levers.id),
      ),
    )
    .where(and(eq(levers.organizationId, organizationId), ...where))
    .orderBy(asc(levers.name), asc(levers.id));
  const touchpointsAt = await touchpointsOfKind(
    db,
    organizationId,
    'lever',
    rows.map((r) => r.id),
  );
  return rows.map(({ card: stored, resultStale, createdAt, updatedAt, ...row }) => {
    const card = row.effectiveDate === null ? null : storedCardOf(stored);
    return {
      ...row,
      touchpoints: touchpointsAt.get(row.id) ?? [],
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
      card,
      // A lever in effect without a computed card, or with one marked since, waits for the worker.
      stale: row.effectiveDate !== null && (card === null || resultStale !== false),
    };
  });
}

/** Every lever of the organization matching the filters, by name, with its stored card. */
export function leverRegister(
  db: Database,
  organizationId: string,
  filters: LeverFilters = {},
): Promise<LeverWithImpact[]> {
  const where: SQL[] = [];
  if (filters.kind) where.push(eq(levers.kind, filters.kind));
  if (filters.state) where.push(eq(levers.state, filters.state));
  if (filters.departmentId) where.push(eq(levers.departmentId, filters.departmentId));
  if (filters.touchpointId) {
    where.push(sql`EXISTS (SELECT 1 FROM ${leverTouchpoints} l WHERE l.organization_id = ${organizationId}::uuid
      AND l.lever_id = ${levers.id} AND l.touchpoint_id = ${filters.touchpointId}::uuid)`);
  }
  return registerRows(db, organizationId, where);
}

/** One lever with its card; null for an id that is not a uuid or belongs to another organization. */
export async function leverById(db: Database, organizationId: string, id: string): Promise<LeverWithImpact | null> {
  if (!UUID.test(id)) return null;
  const [lever] = await registerRows(db, organizationId, [eq(levers.id, id)]);
  return lever ?? null;
}

/** The open blockers at each touchpoint (touchpoint id -> blockers by name): what still hurts there. */
export async function openBlockersByTouchpoint(
  db: Database,
  organizationId: string,
): Promise<Map<string, { id: string; name: string }[]>> {
  const rows = await db
    .select({ touchpointId: leverTouchpoints.touchpointId, id: levers.id, name: levers.name })
    .from(levers)
    .innerJoin(
      leverTouchpoints,
      and(eq(leverTouchpoints.organizationId, levers.organizationId), eq(leverTouchpoints.leverId, levers.id)),
    )
    .where(and(eq(levers.organizationId, organizationId), eq(levers.state, 'open')))
    .orderBy(asc(levers.name), asc(levers.id));
  const byTouchpoint = new Map<string, { id: string; name: string }[]>();
  for (const { touchpointId, id, name } of rows) {
    byTouchpoint.set(touchpointId, [...(byTouchpoint.get(touchpointId) ?? []), { id, name }]);
  }
  return byTouchpoint;
}

/** A lever as commands see it, or null (another organization's, or gone). */
export async function findLeverForCommand(
  db: Database,
  organizationId: string,
  id: string,
): Promise<LeverForCommand | null> {
  const [row] = await db
    .select({
      id: levers.id,
      kind: levers.kind,
      name: levers.name,
      description: levers.description,
      departmentId: levers.departmentId,
      metric: levers.metric,
      direction: levers.direction,
      state: levers.state,
      knownSince: levers.knownSince,
      effectiveDate: levers.effectiveDate,
    })
    .from(levers)
    .where(and(eq(levers.organizationId, organizationId), eq(levers.id, id)));
  if (!row) return null;
  const links = await db
    .select({ touchpointId: leverTouchpoints.touchpointId })
    .from(leverTouchpoints)
    .where(and(eq(leverTouchpoints.organizationId, organizationId), eq(leverTouchpoints.leverId, id)));
  return { ...row, touchpointIds: links.map((l) => l.touchpointId) };
}

export async function insertLever(
  db: Database,
  organizationId: string,
  values: LeverColumns & { kind: LeverKind; createdByUserId: string },
): Promise<string> {
  const [row] = await db
    .insert(levers)
    .values({ organizationId, ...values })
    .returning({ id: levers.id });
  return row!.id;
}

export async function updateLever(db: Database, organizationId: string, id: string, values: Partial<LeverColumns>) {
  await db
    .update(levers)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(levers.organizationId, organizationId), eq(levers.id, id)));
}

/** Replaces the lever's touchpoints with these. */
export async function setLeverTouchpoints(
  db: Database,
  organizationId: string,
  leverId: string,
  touchpointIds: readonly string[],
) {
  await db
    .delete(leverTouchpoints)
    .where(and(eq(leverTouchpoints.organizationId, organizationId), eq(leverTouchpoints.leverId, leverId)));
  if (touchpointIds.length === 0) return;
  await db
    .insert(leverTouchpoints)
    .values([...new Set(touchpointIds)].map((touchpointId) => ({ organizationId, leverId, touchpointId })));
}

/** Deletes a lever with its touchpoints and the history of its card's verdicts (its card: changeTouched). */
export async function deleteLeverRow(db: Database, organizationId: string, id: string) {
  await db.delete(levers).where(and(eq(levers.organizationId, organizationId), eq(levers.id, id)));
  await db
    .delete(impactVerdicts)
    .where(
      and(
        eq(impactVerdicts.organizationId, organizationId),
        eq(impactVerdicts.changeKind, 'lever'),
        eq(impactVerdicts.changeId, id),
      ),
    );
}
