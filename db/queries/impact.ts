import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { impactResults, impactVerdicts, organizations, touchpoints } from '@/db/schema';
import { addSums, emptySums, measureOf, type Sums, sumsOf } from '@/lib/impact/answers';
import type { Audience } from '@/lib/impact/card';
import { type ChangeKind, type ImpactCard, storedCardOf } from '@/lib/impact/card-schema';
import { type ImpactSettings, impactSettingsOf, type Measure } from '@/lib/impact/settings';
import type { Metric } from '@/lib/domain/metrics';
import { type FirstDay, weekOfDate } from '@/lib/domain/weeks';
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

export type WeeklySums = Map<Measure, Map<string, Map<string, Sums>>>;

/**
 * Weekly sums per measure, touchpoint and week (its first day, in the organization's weeks) from the daily rollups,
 * for the days `from` to `to`. The rows are read as they are and merged here: expanding every day's histogram in SQL
 * and grouping it there is several times slower (bench/impact.ts).
 */
export async function weeklySums(
  db: Database,
  organizationId: string,
  range: { from: string; to: string },
  calendar: { weekStartsOn: FirstDay; cesHeadline: 'mean' | 'share' },
  touchpointIds?: readonly string[],
): Promise<WeeklySums> {
  const only =
    touchpointIds && touchpointIds.length > 0
      ? sql`AND touchpoint_id IN (${sql.join(
          touchpointIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql``;
  const rows = rowsOf<{ touchpoint_id: string; metric: Metric; day: string; counts: unknown }>(
    await db.execute(sql`
      SELECT touchpoint_id, metric::text AS metric, day::text AS day, counts FROM metric_rollups
      WHERE organization_id = ${organizationId}::uuid AND day BETWEEN ${range.from}::date AND ${range.to}::date ${only}`),
  );
  const weekOf = new Map<string, string>();
  const sums: WeeklySums = new Map();
  for (const row of rows) {
    let week = weekOf.get(row.day);
    if (week === undefined) weekOf.set(row.day, (week = weekOfDate(row.day, calendar.weekStartsOn)));
    const measure = measureOf(row.metric, calendar.cesHeadline);
    let byTouchpoint = sums.get(measure);
    if (!byTouchpoint) sums.set(measure, (byTouchpoint = new Map()));
    let byWeek = byTouchpoint.get(row.touchpoint_id);
    if (!byWeek) byTouchpoint.set(row.touchpoint_id, (byWeek = new Map()));
    const counts = (typeof row.counts === 'string' ? JSON.parse(row.counts) : row.counts) as Record<string, number>;
    const day = sumsOf(
      measure,
      Object.entries(counts).map(([score, n]): [number, number] => [Number(score), Number(n)]),
    );
    byWeek.set(week, addSums(byWeek.get(week) ?? emptySums(), day));
  }
  return sums;
}

/** Who answered, per touchpoint, metric and week: channel and persona counts (an empty string for none). */
export type WeeklyAudience = Map<string, Map<Metric, Map<string, Audience>>>;

/**
 * Who answered per touchpoint, metric and week (the organization's weeks) from `from` to `to`, optionally at some
 * touchpoints only: one grouped read of the answers for a whole batch of cards.
 */
export async function weeklyAudience(
  db: Database,
  organizationId: string,
  range: { from: string; to: string },
  weekStartsOn: FirstDay,
  touchpointIds?: readonly string[],
): Promise<WeeklyAudience> {
  const weekStart = sql`(r.day - ((extract(isodow FROM r.day)::int - ${weekStartsOn}::int + 7) % 7))`;
  const only =
    touchpointIds && touchpointIds.length > 0
      ? sql`AND r.touchpoint_id IN (${sql.join(
          touchpointIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql``;
  const rows = rowsOf<{
    touchpoint_id: string;
    metric: Metric;
    week: string;
    channel: string | null;
    persona: string | null;
    answers: string | number;
  }>(
    await db.execute(sql`
      SELECT r.touchpoint_id, r.metric::text AS metric, ${weekStart}::text AS week, r.channel, r.persona,
        count(*) AS answers
      FROM survey_responses r
      WHERE r.organization_id = ${organizationId}::uuid AND r.day BETWEEN ${range.from}::date AND ${range.to}::date ${only}
      GROUP BY 1, 2, 3, 4, 5`),
  );
  const audience: WeeklyAudience = new Map();
  for (const row of rows) {
    let byMetric = audience.get(row.touchpoint_id);
    if (!byMetric) audience.set(row.touchpoint_id, (byMetric = new Map()));
    let byWeek = byMetric.get(row.metric);
    if (!byWeek) byMetric.set(row.metric, (byWeek = new Map()));
    let week = byWeek.get(row.week);
    if (!week) byWeek.set(row.week, (week = { channel: {}, persona: {} }));
    const n = Number(row.answers);
    const counts = week as { channel: Record<string, number>; persona: Record<string, number> };
    counts.channel[row.channel ?? ''] = (counts.channel[row.channel ?? ''] ?? 0) + n;
    counts.persona[row.persona ?? ''] = (counts.persona[row.persona ?? ''] ?? 0) + n;
  }
  return audience;
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
 * once more). Returns how many are fresh.
 */
export async function storeImpactCards(db: Database, organizationId: string, computed: readonly ComputedCard[]) {
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
