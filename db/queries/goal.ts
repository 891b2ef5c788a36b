import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { departments, goalReads, goalTargets, goalVersions, memberships, touchpoints, users } from '@/db/schema';
import type { GoalSections, MemberReading, TargetMetric } from '@/lib/domain/goal';
import { mergeHistograms, type Metric, type Score, scoreOf } from '@/lib/domain/metrics';
import { rollupHistograms } from './metrics';
import { type SummaryPeriod, summaryPeriod } from './touchpoint-summary';

export interface GoalTarget {
  id: string;
  metric: TargetMetric;
  /** The named business number when metric is 'business'. */
  businessMetric: string | null;
  /** null: the whole company. */
  touchpointId: string | null;
  touchpointName: string | null;
  targetValue: number;
  dueDate: string;
}

export interface GoalVersion extends GoalSections {
  id: string;
  /** null for the draft. */
  version: number | null;
  authorName: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  targets: GoalTarget[];
}

/** What a target is about, without the id it has in one version. */
export type GoalTargetValues = Omit<GoalTarget, 'id' | 'touchpointName'>;

const versionColumns = {
  id: goalVersions.id,
  version: goalVersions.version,
  statement: goalVersions.statement,
  whyService: goalVersions.whyService,
  atmosphere: goalVersions.atmosphere,
  commitments: goalVersions.commitments,
  dayToDay: goalVersions.dayToDay,
  authorName: users.name,
  publishedAt: goalVersions.publishedAt,
  updatedAt: goalVersions.updatedAt,
};

async function targetsOf(db: Database, organizationId: string, goalVersionId: string): Promise<GoalTarget[]> {
  return db
    .select({
      id: goalTargets.id,
      metric: goalTargets.metric,
      businessMetric: goalTargets.businessMetric,
      touchpointId: goalTargets.touchpointId,
      touchpointName: touchpoints.name,
      targetValue: goalTargets.targetValue,
      dueDate: goalTargets.dueDate,
    })
    .from(goalTargets)
    .leftJoin(
      touchpoints,
      and(eq(touchpoints.organizationId, goalTargets.organizationId), eq(touchpoints.id, goalTargets.touchpointId)),
    )
    .where(and(eq(goalTargets.organizationId, organizationId), eq(goalTargets.goalVersionId, goalVersionId)))
    .orderBy(asc(goalTargets.position));
}

async function versionWhere(
  db: Database,
  organizationId: string,
  where: ReturnType<typeof and>,
  newestFirst = false,
): Promise<GoalVersion | null> {
  const [row] = await db
    .select(versionColumns)
    .from(goalVersions)
    .leftJoin(users, eq(users.id, goalVersions.authorUserId))
    .where(and(eq(goalVersions.organizationId, organizationId), where))
    .orderBy(newestFirst ? desc(goalVersions.version) : asc(goalVersions.version))
    .limit(1);
  if (!row) return null;
  return { ...row, targets: await targetsOf(db, organizationId, row.id) };
}

/** The latest published version, with everything it says; null before the first one is published. */
export async function latestGoalVersion(db: Database, organizationId: string): Promise<GoalVersion | null> {
  return versionWhere(db, organizationId, eq(goalVersions.status, 'published'), true);
}

export async function goalVersionByNumber(
  db: Database,
  organizationId: string,
  version: number,
): Promise<GoalVersion | null> {
  return versionWhere(db, organizationId, and(eq(goalVersions.status, 'published'), eq(goalVersions.version, version)));
}

/** The executives' working copy, if one has been saved. */
export async function findGoalDraft(db: Database, organizationId: string): Promise<GoalVersion | null> {
  return versionWhere(db, organizationId, eq(goalVersions.status, 'draft'));
}

/** The goal everyone works towards now (for plans: an item can serve one of its commitments or targets). */
export async function currentGoal(db: Database, organizationId: string) {
  const latest = await latestGoalVersion(db, organizationId);
  if (!latest || latest.version === null || latest.publishedAt === null) return null;
  return {
    id: latest.id,
    version: latest.version,
    publishedAt: latest.publishedAt,
    statement: latest.statement,
    commitments: latest.commitments,
    targets: latest.targets.map(({ id, metric, businessMetric, touchpointId, targetValue, dueDate }) => ({
      id,
      metric,
      businessMetric,
      touchpointId,
      targetValue,
      dueDate,
    })),
  };
}

/** Every published version, newest first. */
export async function listGoalVersions(db: Database, organizationId: string) {
  const rows = await db
    .select({
      id: goalVersions.id,
      version: goalVersions.version,
      publishedAt: goalVersions.publishedAt,
      authorName: users.name,
    })
    .from(goalVersions)
    .leftJoin(users, eq(users.id, goalVersions.authorUserId))
    .where(
      and(
        eq(goalVersions.organizationId, organizationId),
        eq(goalVersions.status, 'published'),
        isNotNull(goalVersions.version),
      ),
    )
    .orderBy(desc(goalVersions.version));
  return rows.map((r) => ({ ...r, version: r.version!, publishedAt: r.publishedAt! }));
}

/** A published version by its id, in this organization only. */
export async function findPublishedGoalVersion(db: Database, organizationId: string, goalVersionId: string) {
  const [row] = await db
    .select({ id: goalVersions.id, version: goalVersions.version })
    .from(goalVersions)
    .where(
      and(
        eq(goalVersions.organizationId, organizationId),
        eq(goalVersions.id, goalVersionId),
        eq(goalVersions.status, 'published'),
      ),
    );
  return row && row.version !== null ? { id: row.id, version: row.version } : null;
}

async function insertTargets(
  db: Database,
  organizationId: string,
  goalVersionId: string,
  targets: readonly GoalTargetValues[],
) {
  if (targets.length === 0) return;
  await db.insert(goalTargets).values(
    targets.map((t, position) => ({
      organizationId,
      goalVersionId,
      position,
      metric: t.metric,
      businessMetric: t.businessMetric,
      touchpointId: t.touchpointId,
      targetValue: t.targetValue,
      dueDate: t.dueDate,
    })),
  );
}

/** Writes the draft (creating it the first time) and replaces its targets. */
export async function saveGoalDraftContent(
  db: Database,
  organizationId: string,
  values: GoalSections & { targets: readonly GoalTargetValues[]; authorUserId: string; updatedAt: Date },
) {
  const { targets, ...columns } = values;
  const [draft] = await db
    .insert(goalVersions)
    .values({ organizationId, status: 'draft', ...columns })
    .onConflictDoUpdate({
      target: goalVersions.organizationId,
      targetWhere: sql`${goalVersions.status} = 'draft'`,
      set: columns,
    })
    .returning({ id: goalVersions.id, updatedAt: goalVersions.updatedAt });
  await db
    .delete(goalTargets)
    .where(and(eq(goalTargets.organizationId, organizationId), eq(goalTargets.goalVersionId, draft!.id)));
  await insertTargets(db, organizationId, draft!.id, targets);
  return draft!;
}

/** Copies the draft into a new, immutable published version numbered one after the last. */
export async function publishGoalDraft(
  db: Database,
  organizationId: string,
  draft: GoalVersion,
  authorUserId: string,
  publishedAt: Date,
) {
  const [last] = await db
    .select({ max: sql<number | null>`max(${goalVersions.version})` })
    .from(goalVersions)
    .where(eq(goalVersions.organizationId, organizationId));
  const version = (last?.max ?? 0) + 1;
  const [published] = await db
    .insert(goalVersions)
    .values({
      organizationId,
      status: 'published',
      version,
      authorUserId,
      publishedAt,
      updatedAt: publishedAt,
      statement: draft.statement,
      whyService: draft.whyService,
      atmosphere: draft.atmosphere,
      commitments: draft.commitments,
      dayToDay: draft.dayToDay,
    })
    .returning({ id: goalVersions.id, version: goalVersions.version });
  await insertTargets(db, organizationId, published!.id, draft.targets);
  return { id: published!.id, version };
}

/** Records "I have read this version"; false when it was already recorded. */
export async function recordGoalRead(
  db: Database,
  organizationId: string,
  goalVersionId: string,
  userId: string,
  readAt = new Date(),
) {
  const inserted = await db
    .insert(goalReads)
    .values({ organizationId, goalVersionId, userId, readAt })
    .onConflictDoNothing()
    .returning({ userId: goalReads.userId });
  return inserted.length > 0;
}

/** When a member confirmed reading a version; null if they have not. */
export async function goalReadAt(
  db: Database,
  organizationId: string,
  goalVersionId: string,
  userId: string,
): Promise<Date | null> {
  const [row] = await db
    .select({ readAt: goalReads.readAt })
    .from(goalReads)
    .where(
      and(
        eq(goalReads.organizationId, organizationId),
        eq(goalReads.goalVersionId, goalVersionId),
        eq(goalReads.userId, userId),
      ),
    );
  return row?.readAt ?? null;
}

/** Every active member of the organization, with their department and when they read the version (if they did). */
export async function goalReadings(
  db: Database,
  organizationId: string,
  goalVersionId: string,
): Promise<MemberReading[]> {
  return db
    .select({
      userId: memberships.userId,
      name: users.name,
      email: users.email,
      departmentId: memberships.departmentId,
      departmentName: departments.name,
      readAt: goalReads.readAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      departments,
      and(eq(departments.organizationId, memberships.organizationId), eq(departments.id, memberships.departmentId)),
    )
    .leftJoin(
      goalReads,
      and(
        eq(goalReads.organizationId, memberships.organizationId),
        eq(goalReads.goalVersionId, goalVersionId),
        eq(goalReads.userId, memberships.userId),
      ),
    )
    .where(and(eq(memberships.organizationId, organizationId), eq(users.disabled, false)))
    .orderBy(asc(users.name));
}

/** How many members have read each of the given versions (for the versions list). */
export async function goalReadCounts(db: Database, organizationId: string, goalVersionIds: string[]) {
  if (goalVersionIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ goalVersionId: goalReads.goalVersionId, n: sql<number>`count(*)::int` })
    .from(goalReads)
    .where(and(eq(goalReads.organizationId, organizationId), inArray(goalReads.goalVersionId, goalVersionIds)))
    .groupBy(goalReads.goalVersionId);
  return new Map(rows.map((r) => [r.goalVersionId, r.n]));
}

/** Live values of a goal's targets over the last `days` days up to `today`; absent for business numbers. */
export interface TargetReadings {
  period: SummaryPeriod;
  /** By target id: the score of its touchpoint, or of all touchpoints combined for a whole-company target. */
  scores: Map<string, Score>;
}

/**
 * Reads every measured target at once (one summary for all touchpoints). CES is read as the mean, the scale
 * goal targets use, whatever the organization's CES headline.
 */
export async function goalTargetReadings(
  db: Database,
  organizationId: string,
  targets: Pick<GoalTarget, 'id' | 'metric' | 'touchpointId'>[],
  today: string,
  days = 90,
): Promise<TargetReadings> {
  const measured = targets.filter((t): t is typeof t & { metric: Metric } => t.metric !== 'business');
  if (measured.length === 0) return { period: summaryPeriod(today, days), scores: new Map() };
  // Only this period's histograms are needed: one rollup query, merged per target (all touchpoints for a company target).
  const period = summaryPeriod(today, days);
  const rows = await rollupHistograms(db, organizationId, {
    metrics: [...new Set(measured.map((t) => t.metric))],
    from: period.from,
    to: period.to,
    bucket: 'total',
    weekStartsOn: 1,
  });
  const scores = new Map<string, Score>();
  for (const target of measured) {
    const matching = rows.filter(
      (r) => r.metric === target.metric && (!target.touchpointId || r.touchpointId === target.touchpointId),
    );
    // Goal targets are set on the 1-7 scale, so CES is read as the mean whatever the organization's headline.
    scores.set(
      target.id,
      scoreOf(target.metric, mergeHistograms(...matching.map((r) => r.histogram)), { cesHeadline: 'mean' }),
    );
  }
  return { period, scores };
}
