import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { impactResults, impactVerdicts, organizations, touchpoints } from '@/db/schema';
import { measureOf, type Sums, sumsOf } from '@/lib/impact/answers';
import { cellGrid, type DatedGrid } from '@/lib/impact/grid';
import type { Audience } from '@/lib/impact/card';
import { type ChangeKind, type ImpactCard, storedCardOf } from '@/lib/impact/card-schema';
import { type ImpactSettings, impactSettingsOf, type Measure } from '@/lib/impact/settings';
import type { Metric } from '@/lib/domain/metrics';
import { type FirstDay, weekOfDate, weeksBetween } from '@/lib/domain/weeks';
import { rowsOf } from './raw-rows';

/** What every card of an organization needs to know about it. */
export interface ImpactOrganization {
  id: string;
  timeZone: string;
  weekStartsOn: FirstDay;
  cesHeadline: 'mean' | 'share';
  settings: ImpactSettings;
}

export async function impactOrganization(db: Database, organizationId: string): Promise<ImpactOrganization | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!row) return null;
  return {
    id: row.id,
    timeZone: row.timeZone,
    weekStartsOn: row.weekStartsOn,
    cesHeadline: row.cesHeadline === 'share' ? 'share' : 'mean',
    settings: impactSettingsOf(row),
  };
}

/** Every touchpoint of the organization with its name and journey stage (archived ones too: their history counts). */
export async function impactTouchpoints(db: Database, organizationId: string) {
  const rows = await db
    .select({ id: touchpoints.id, name: touchpoints.name, stageId: touchpoints.stageId })
    .from(touchpoints)
    .where(eq(touchpoints.organizationId, organizationId));
  return new Map(rows.map((r) => [r.id, { name: r.name, stageId: r.stageId as string | null }]));
}

/** Per measure, the weekly sums by touchpoint and week (grid.ts). */
export type WeeklySums = Map<Measure, DatedGrid>;
/** Who answered, per touchpoint, metric and week: channel and persona counts (an empty string for none). */
export type WeeklyAudience = Map<string, Map<Metric, Map<string, Audience>>>;

/** A touchpoint's rows of one metric: "touchpoint id|metric". */
export type WeeklyGroup = `${string}|${Metric}`;

/**
 * What the weekly rows of the weeks from `from` to `to` are, per touchpoint and metric: a digest of their versions,
 * which says whether the group's rows changed since a reader kept them.
 *
 * Why the digest changes whenever the rows do: every write of a row gives it a version from a sequence, one no row
 * ever had before (a sequence never hands out a value twice, not even after a rollback), and a row's contents are
 * only ever written together with a new version. So a group's rows are the same exactly when the set of their
 * versions is, and it is enough to tell two sets of versions apart (also a write that took its version earlier and
 * committed later, which the newest version alone would miss). The digest is the count of the versions, their XOR,
 * and the XOR of two 64-bit hashes of each (hashint8extended, seeded 1 and 2). Two different sets A and B: if their
 * sizes differ, the counts do. Otherwise the versions in one and not the other (A xor B) are at least two, and the
 * digests agree only if the XOR of each hash over them is 0: for one row rewritten (one version gone, a new one
 * there, the usual change) the XOR of the versions alone already differs, as two different numbers never XOR to 0;
 * for several, two independent 64-bit hashes both XOR to 0 by chance 1 in 2^128, as often as two md5 digests of
 * the ordered versions (what this replaced) collide. Unlike those, XORs need no sort and no text per row, and any
 * order of rows gives the same digest.
 */
export async function weeklyRowsState(
  db: Database,
  organizationId: string,
  range: { from: string; to: string },
  weekStartsOn: FirstDay,
): Promise<Map<WeeklyGroup, string>> {
  const rows = rowsOf<{ touchpoint_id: string; metric: Metric; digest: string }>(
    await db.execute(sql`
      SELECT touchpoint_id, metric::text AS metric,
        count(*) || ':' || bit_xor(version) || ':' || bit_xor(hashint8extended(version, 1))
          || ':' || bit_xor(hashint8extended(version, 2)) AS digest
      FROM metric_weekly_rollups
      WHERE organization_id = ${organizationId}::uuid
        AND week_start BETWEEN ${weekOfDate(range.from, weekStartsOn)}::date AND ${range.to}::date
      GROUP BY 1, 2`),
  );
  return new Map(rows.map((r) => [`${r.touchpoint_id}|${r.metric}` as const, r.digest]));
}

/**
 * What impact cards read, from the weekly rollups for the weeks starting from `from` to `to`: the sums per measure,
 * touchpoint and week (a grid whose week 0 is the week of `from`), and who answered at the touchpoints `audienceAt`
 * (the changes' own); with `only`, of those touchpoints and metrics only.
 */
export async function weeklyCells(
  db: Database,
  organizationId: string,
  range: { from: string; to: string },
  calendar: { weekStartsOn: FirstDay; cesHeadline: 'mean' | 'share' },
  audienceAt: readonly string[],
  only?: readonly WeeklyGroup[],
): Promise<{ sums: WeeklySums; audience: WeeklyAudience }> {
  // The groups as pairs the primary key finds (one changed group is a few dozen rows, not the organization's weeks).
  const pairs = only?.map((group) => group.split('|') as [string, Metric]);
  const groups = pairs
    ? sql`AND (touchpoint_id, metric) IN (
        SELECT g.touchpoint_id, g.metric::response_metric
        FROM unnest(${`{${pairs.map(([t]) => t).join(',')}}`}::uuid[], ${`{${pairs.map(([, m]) => m).join(',')}}`}::text[])
          AS g(touchpoint_id, metric))`
    : sql``;
  const rows = rowsOf<{
    touchpoint_id: string;
    metric: Metric;
    week: string;
    counts: unknown;
    audience: unknown;
  }>(
    await db.execute(sql`
      SELECT touchpoint_id, metric::text AS metric, week_start::text AS week, counts,
        CASE WHEN touchpoint_id = ANY(${`{${audienceAt.join(',')}}`}::uuid[]) THEN jsonb_build_array(channels, personas) END AS audience
      FROM metric_weekly_rollups
      WHERE organization_id = ${organizationId}::uuid
        AND week_start BETWEEN ${weekOfDate(range.from, calendar.weekStartsOn)}::date AND ${range.to}::date ${groups}`),
  );
  const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, number>;
  // The weeks as columns from the week of `from` on (each row's week start found once per date).
  const firstWeek = weekOfDate(range.from, calendar.weekStartsOn);
  const last = weeksBetween(firstWeek, weekOfDate(range.to, calendar.weekStartsOn));
  const columns = new Map<string, number>();
  const columnOf = (week: string) => {
    let column = columns.get(week);
    if (column === undefined)
      columns.set(week, (column = weeksBetween(firstWeek, weekOfDate(week, calendar.weekStartsOn))));
    return column;
  };
  const byMeasure = new Map<Measure, Map<string, [number, Sums][]>>();
  const audience: WeeklyAudience = new Map();
  for (const row of rows) {
    const measure = measureOf(row.metric, calendar.cesHeadline);
    let byTouchpoint = byMeasure.get(measure);
    if (!byTouchpoint) byMeasure.set(measure, (byTouchpoint = new Map()));
    let weeks = byTouchpoint.get(row.touchpoint_id);
    if (!weeks) byTouchpoint.set(row.touchpoint_id, (weeks = []));
    const counts = Object.entries(json(row.counts)).map(([score, n]): [number, number] => [Number(score), Number(n)]);
    weeks.push([columnOf(row.week), sumsOf(measure, counts)]);
    if (row.audience === null) continue;
    const [channel, persona] = (typeof row.audience === 'string' ? JSON.parse(row.audience) : row.audience) as [
      Record<string, number>,
      Record<string, number>,
    ];
    let byMetric = audience.get(row.touchpoint_id);
    if (!byMetric) audience.set(row.touchpoint_id, (byMetric = new Map()));
    let whoByWeek = byMetric.get(row.metric);
    if (!whoByWeek) byMetric.set(row.metric, (whoByWeek = new Map()));
    whoByWeek.set(row.week, { channel, persona });
  }
  const sums: WeeklySums = new Map(
    [...byMeasure].map(([measure, byTouchpoint]) => [measure, { firstWeek, grid: cellGrid(byTouchpoint, 0, last) }]),
  );
  return { sums, audience };
}

/**
 * Claims up to `limit` waiting cards of an organization for computing (oldest first, and any left claimed by a run
 * that stopped): their stale_since becomes null, so a mark that arrives meanwhile shows. Returns each with its card.
 */
export async function claimStaleImpact(db: Database, organizationId: string, limit: number) {
  const rows = rowsOf<{ kind: ChangeKind; id: string; card: unknown }>(
    await db.execute(sql`
      UPDATE impact_results SET stale_since = NULL
      WHERE organization_id = ${organizationId}::uuid AND (change_kind, change_id) IN (
        SELECT change_kind, change_id FROM impact_results
        WHERE organization_id = ${organizationId}::uuid AND stale
        ORDER BY stale_since NULLS FIRST, change_kind, change_id
        LIMIT ${limit}
      )
      RETURNING change_kind::text AS kind, change_id::text AS id, card`),
  );
  return rows.map((r) => ({ kind: r.kind, id: r.id, card: storedCardOf(r.card) }));
}

/** Every organization's id: the worker queues the cards each one is missing when it starts. */
export async function impactOrganizationIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: organizations.id }).from(organizations);
  return rows.map((r) => r.id);
}

/** The organizations that have stale cards. */
export async function organizationsWithStaleImpact(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: impactResults.organizationId })
    .from(impactResults)
    .where(eq(impactResults.stale, true));
  return rows.map((r) => r.id);
}

export interface ComputedCard {
  change: { kind: ChangeKind; id: string };
  previous: ImpactCard | null;
  card: ImpactCard;
  window: { start: string; end: string };
}

/**
 * Stores recomputed cards, and every verdict that changed (per metric, with its date), in one transaction of two
 * statements. A card is fresh unless it was marked again while it was computed (then it stays stale and is computed
 * once more). `tell` runs in the same transaction, to write what the new verdicts set off (the notices to the
 * followers of the ideas the changes came from). Returns how many are fresh.
 */
export async function storeImpactCards(
  db: Database,
  organizationId: string,
  computed: readonly ComputedCard[],
  tell?: (tx: Database, computed: readonly ComputedCard[]) => Promise<void>,
) {
  if (computed.length === 0) return 0;
  return db.transaction(async (tx) => {
    // Cards are derived data: if a crash loses this commit, the rows are still claimed and are computed again.
    await tx.execute(sql`SET LOCAL synchronous_commit TO OFF`);
    const values = sql.join(
      computed.map(
        (c) =>
          sql`(${c.change.kind}::change_kind, ${c.change.id}::uuid, ${JSON.stringify(c.card)}::jsonb, ${c.window.start}::date, ${c.window.end}::date)`,
      ),
      sql`, `,
    );
    const updated = rowsOf<{ stale: boolean }>(
      await tx.execute(sql`
        UPDATE impact_results r SET card = v.card, stale = r.stale_since IS NOT NULL, computed_at = now(),
          window_start = v.window_start, window_end = v.window_end
        FROM (VALUES ${values}) AS v(change_kind, change_id, card, window_start, window_end)
        WHERE r.organization_id = ${organizationId}::uuid AND r.change_kind = v.change_kind AND r.change_id = v.change_id
        RETURNING r.stale`),
    );
    const changed = computed.flatMap(({ change, previous, card }) => {
      const before = new Map((previous?.metrics ?? []).map((m) => [m.metric, m.verdict]));
      return card.metrics
        .filter((m) => before.get(m.metric) !== m.verdict)
        .map((m) => ({
          organizationId,
          changeKind: change.kind,
          changeId: change.id,
          metric: m.metric,
          verdict: m.verdict,
          previousVerdict: before.get(m.metric) ?? null,
        }));
    });
    if (changed.length > 0) await tx.insert(impactVerdicts).values(changed);
    if (changed.length > 0 && tell) await tell(tx, computed);
    return updated.filter((r) => r.stale === false).length;
  });
}

/** Stores one recomputed card (storeImpactCards); whether it is fresh. */
export async function storeImpactCard(
  db: Database,
  organizationId: string,
  change: { kind: ChangeKind; id: string },
  previous: ImpactCard | null,
  card: ImpactCard,
  window: { start: string; end: string },
): Promise<boolean> {
  return (await storeImpactCards(db, organizationId, [{ change, previous, card, window }])) === 1;
}

/** The verdict history of one change, oldest first. */
export async function verdictHistory(db: Database, organizationId: string, kind: ChangeKind, id: string) {
  return db
    .select({
      metric: impactVerdicts.metric,
      verdict: impactVerdicts.verdict,
      previousVerdict: impactVerdicts.previousVerdict,
      changedAt: impactVerdicts.changedAt,
    })
    .from(impactVerdicts)
    .where(
      and(
        eq(impactVerdicts.organizationId, organizationId),
        eq(impactVerdicts.changeKind, kind),
        eq(impactVerdicts.changeId, id),
      ),
    )
    .orderBy(asc(impactVerdicts.changedAt));
}

/** The stored card of one change: null when none is stored yet; stale until the worker has a fresh one. */
export async function storedCard(db: Database, organizationId: string, kind: ChangeKind, id: string) {
  const stored = (await storedCards(db, organizationId, [{ kind, id }])).get(`${kind}:${id}`);
  const card = stored?.card ?? null;
  return { card, stale: card === null || stored!.stale };
}

/** Stored cards for some changes of the organization, by "kind:id". */
export async function storedCards(
  db: Database,
  organizationId: string,
  changes: readonly { kind: ChangeKind; id: string }[],
) {
  const ids = [...new Set(changes.map((c) => c.id))];
  if (ids.length === 0) return new Map<string, { card: ImpactCard | null; stale: boolean }>();
  const rows = await db
    .select({
      kind: impactResults.changeKind,
      id: impactResults.changeId,
      card: impactResults.card,
      stale: impactResults.stale,
    })
    .from(impactResults)
    .where(and(eq(impactResults.organizationId, organizationId), inArray(impactResults.changeId, ids)));
  return new Map(rows.map((r) => [`${r.kind}:${r.id}`, { card: storedCardOf(r.card), stale: r.stale }]));
}
