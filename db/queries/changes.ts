import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type ChangeKind, changeKinds, type ImpactCard, storedCardOf } from '@/lib/impact/card-schema';
import type { ChangeRecord, DeclaredMetric } from '@/lib/impact/change';
import { rowsOf } from './raw-rows';

/**
 * The changes impact cards measure, in one place: weekly improvements (dated by their effective date), plan items
 * marked done (dated by the day they took effect) and levers in effect (an accelerator put in place, a blocker
 * removed: dated by that day). Every statement filters by organization.
 */

/** Where a page of changes ended: the last change's date, kind and id, in the list's order. */
export interface ChangePosition {
  date: string;
  kind: ChangeKind;
  id: string;
}

/** A change with its stored impact card: null until the card is first computed. */
export interface ChangeWithImpact extends ChangeRecord {
  card: ImpactCard | null;
  /** The card waits for a recomputation (answers or changes in its window moved), or was never computed. */
  stale: boolean;
}

interface ChangeRow {
  kind: ChangeKind;
  id: string;
  title: string;
  date: string;
  departmentId: string;
  departmentName: string;
  metric: DeclaredMetric | null;
  direction: 'up' | 'down' | null;
  investment: string | null;
  card?: unknown;
  stale?: boolean | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every kind of change as one relation, already restricted to the organization and to `where` (on the columns
 * `date`, `id`) and, with a touchpoint, to changes made there. Text and ISO dates out, so both drivers agree.
 */
function changesRelation(organizationId: string, where: (date: SQL, id: SQL) => SQL, touchpointId?: string) {
  const at = (links: SQL, column: SQL, id: SQL) =>
    touchpointId
      ? sql`AND EXISTS (SELECT 1 FROM ${links} l WHERE l.organization_id = ${organizationId}::uuid
          AND l.${column} = ${id} AND l.touchpoint_id = ${touchpointId}::uuid)`
      : sql``;
  return sql`(
    SELECT 'improvement'::text AS kind, w.id, w.title, w.effective_date AS date, w.department_id,
      w.metric::text AS metric, w.direction::text AS direction, NULL::numeric AS investment
    FROM weekly_improvements w
    WHERE w.organization_id = ${organizationId}::uuid AND ${where(sql`w.effective_date`, sql`w.id`)}
      ${at(sql`weekly_improvement_touchpoints`, sql.raw('improvement_id'), sql`w.id`)}
    UNION ALL
    SELECT 'plan-item'::text, p.id, p.title, p.effective_date, p.department_id,
      p.metric::text, p.direction::text, p.investment
    FROM plan_items p
    WHERE p.organization_id = ${organizationId}::uuid AND p.status = 'done' AND p.effective_date IS NOT NULL
      AND ${where(sql`p.effective_date`, sql`p.id`)}
      ${at(sql`plan_item_touchpoints`, sql.raw('plan_item_id'), sql`p.id`)}
    UNION ALL
    SELECT 'lever'::text, v.id, v.name, v.effective_date, v.department_id,
      v.metric::text, v.direction::text, NULL::numeric
    FROM levers v
    WHERE v.organization_id = ${organizationId}::uuid AND v.effective_date IS NOT NULL
      AND ${where(sql`v.effective_date`, sql`v.id`)}
      ${at(sql`lever_touchpoints`, sql.raw('lever_id'), sql`v.id`)}
  )`;
}

const changeColumns = sql`c.kind, c.id::text AS id, c.title, c.date::text AS date,
  c.department_id::text AS "departmentId", d.name AS "departmentName", c.metric, c.direction,
  c.investment::text AS investment`;

const departmentJoin = (organizationId: string) =>
  sql`JOIN departments d ON d.organization_id = ${organizationId}::uuid AND d.id = c.department_id`;

/** Where each kind of change keeps its touchpoints: the link table and its column naming the change. */
const touchpointLinks: Record<ChangeKind, { table: SQL; column: SQL }> = {
  improvement: { table: sql`weekly_improvement_touchpoints`, column: sql.raw('improvement_id') },
  'plan-item': { table: sql`plan_item_touchpoints`, column: sql.raw('plan_item_id') },
  lever: { table: sql`lever_touchpoints`, column: sql.raw('lever_id') },
};

/**
 * The touchpoints of the changes of one kind with these ids, by name: one statement, the ids as one array parameter
 * (a parameter per id costs more than the query itself on a long list).
 */
export async function touchpointsOfKind(
  db: Database,
  organizationId: string,
  kind: ChangeKind,
  ids: readonly string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const byChange = new Map<string, { id: string; name: string }[]>();
  if (ids.length === 0) return byChange;
  const { table, column } = touchpointLinks[kind];
  const rows = rowsOf<{ changeId: string; id: string; name: string }>(
    await db.execute(sql`
      SELECT l.${column}::text AS "changeId", t.id::text AS id, t.name
      FROM ${table} l
      JOIN touchpoints t ON t.organization_id = l.organization_id AND t.id = l.touchpoint_id
      WHERE l.organization_id = ${organizationId}::uuid AND l.${column} = ANY(${`{${ids.join(',')}}`}::uuid[])
      ORDER BY t.name, t.id`),
  );
  for (const { changeId, id, name } of rows) byChange.set(changeId, [...(byChange.get(changeId) ?? []), { id, name }]);
  return byChange;
}

/** The touchpoints of each change, in one statement per kind at most. */
async function touchpointsOf(db: Database, organizationId: string, rows: { kind: ChangeKind; id: string }[]) {
  const byKind = new Map<ChangeKind, Map<string, { id: string; name: string }[]>>();
  for (const kind of changeKinds) {
    const ids = rows.filter((r) => r.kind === kind).map((r) => r.id);
    byKind.set(kind, await touchpointsOfKind(db, organizationId, kind, ids));
  }
  return (kind: ChangeKind, id: string) => byKind.get(kind)?.get(id) ?? [];
}

async function recordsOf(db: Database, organizationId: string, rows: ChangeRow[]): Promise<ChangeRecord[]> {
  const touchpointsAt = await touchpointsOf(db, organizationId, rows);
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    title: row.title,
    date: row.date,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    touchpoints: touchpointsAt(row.kind, row.id),
    metric: row.metric,
    direction: row.direction,
    investment: row.investment === null ? null : Number(row.investment),
  }));
}

/**
 * One page of the changes dated from `from` to `to` (inclusive), newest first (then by kind and id, so the order
 * is total and a page boundary never repeats or skips a change), after `after` when given; optionally only those
 * made at one touchpoint. Each with its stored impact card.
 */
export async function listChanges(
  db: Database,
  organizationId: string,
  options: { from: string; to: string; touchpointId?: string; after?: ChangePosition; limit: number },
): Promise<{ changes: ChangeWithImpact[]; hasMore: boolean }> {
  const { from, to, touchpointId, after, limit } = options;
  const inRange = (date: SQL) => sql`${date} BETWEEN ${from}::date AND ${to}::date`;
  const rows = rowsOf<ChangeRow>(
    await db.execute(sql`
      SELECT ${changeColumns}, r.card, r.stale
      FROM ${changesRelation(organizationId, inRange, touchpointId)} c
      ${departmentJoin(organizationId)}
      LEFT JOIN impact_results r ON r.organization_id = ${organizationId}::uuid
        AND r.change_kind = c.kind::change_kind AND r.change_id = c.id
      ${after ? sql`WHERE (c.date, c.kind, c.id) < (${after.date}::date, ${after.kind}::text, ${after.id}::uuid)` : sql``}
      ORDER BY c.date DESC, c.kind DESC, c.id DESC
      LIMIT ${limit + 1}`),
  );
  const page = rows.slice(0, limit);
  const records = await recordsOf(db, organizationId, page);
  return {
    changes: records.map((record, i) => {
      const card = storedCardOf(page[i]!.card);
      // No stored row, or a row never computed: it waits for the worker.
      return { ...record, card, stale: card === null || page[i]!.stale !== false };
    }),
    hasMore: rows.length > limit,
  };
}

/**
 * One change of the organization, or null for an unknown id, another organization's, a plan item not done, or a
 * lever not in effect (a planned accelerator, an open blocker).
 */
export async function findChange(
  db: Database,
  organizationId: string,
  kind: ChangeKind,
  id: string,
): Promise<ChangeRecord | null> {
  if (!UUID.test(id)) return null;
  const rows = rowsOf<ChangeRow>(
    await db.execute(sql`
      SELECT ${changeColumns}
      FROM ${changesRelation(organizationId, (_date, changeId) => sql`${changeId} = ${id}::uuid`)} c
      ${departmentJoin(organizationId)}
      WHERE c.kind = ${kind}`),
  );
  const [record] = await recordsOf(db, organizationId, rows);
  return record ?? null;
}

/** Every change dated from `from` to `to`, oldest first, with or without touchpoints: the other changes a card models. */
export async function changesBetween(
  db: Database,
  organizationId: string,
  from: string,
  to: string,
): Promise<ChangeRecord[]> {
  const rows = rowsOf<ChangeRow>(
    await db.execute(sql`
      SELECT ${changeColumns}
      FROM ${changesRelation(organizationId, (date) => sql`${date} BETWEEN ${from}::date AND ${to}::date`)} c
      ${departmentJoin(organizationId)}
      ORDER BY c.date, c.kind, c.id`),
  );
  return recordsOf(db, organizationId, rows);
}
