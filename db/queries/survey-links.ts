import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { organizations, surveyLinks, surveyResponses, touchpoints } from '@/db/schema';
import type { SurveyMetric } from '@/lib/domain/metrics';

const linkColumns = {
  id: surveyLinks.id,
  touchpointId: surveyLinks.touchpointId,
  metric: surveyLinks.metric,
  token: surveyLinks.token,
  enabled: surveyLinks.enabled,
  createdAt: surveyLinks.createdAt,
  rotatedAt: surveyLinks.rotatedAt,
};

export interface SurveyLink {
  id: string;
  touchpointId: string;
  metric: SurveyMetric;
  token: string;
  enabled: boolean;
  createdAt: Date;
  rotatedAt: Date | null;
}

/** The survey links of one touchpoint, each with the answers that came in through the public survey. */
export async function listSurveyLinks(db: Database, organizationId: string, touchpointId: string) {
  const answers = sql<number>`(
    select count(*)::int from ${surveyResponses}
    where ${surveyResponses.organizationId} = ${surveyLinks.organizationId}
      and ${surveyResponses.touchpointId} = ${surveyLinks.touchpointId}
      and ${surveyResponses.metric} = ${surveyLinks.metric}
      and ${surveyResponses.source} = 'survey'
  )`;
  const rows = await db
    .select({ ...linkColumns, answers })
    .from(surveyLinks)
    .where(and(eq(surveyLinks.organizationId, organizationId), eq(surveyLinks.touchpointId, touchpointId)))
    .orderBy(asc(surveyLinks.createdAt));
  return rows as (SurveyLink & { answers: number })[];
}

/** One link with the touchpoint it belongs to, for the permission check ("own department"). */
export async function findSurveyLink(db: Database, organizationId: string, linkId: string) {
  const [row] = await db
    .select({
      ...linkColumns,
      touchpointName: touchpoints.name,
      departmentId: touchpoints.departmentId,
      archived: touchpoints.archived,
    })
    .from(surveyLinks)
    .innerJoin(
      touchpoints,
      and(eq(touchpoints.organizationId, surveyLinks.organizationId), eq(touchpoints.id, surveyLinks.touchpointId)),
    )
    .where(and(eq(surveyLinks.organizationId, organizationId), eq(surveyLinks.id, linkId)));
  return (row ?? null) as (SurveyLink & { touchpointName: string; departmentId: string; archived: boolean }) | null;
}

export async function findSurveyLinkForMetric(
  db: Database,
  organizationId: string,
  touchpointId: string,
  metric: SurveyMetric,
) {
  const [row] = await db
    .select({ id: surveyLinks.id })
    .from(surveyLinks)
    .where(
      and(
        eq(surveyLinks.organizationId, organizationId),
        eq(surveyLinks.touchpointId, touchpointId),
        eq(surveyLinks.metric, metric),
      ),
    );
  return row ?? null;
}

export async function insertSurveyLink(
  db: Database,
  organizationId: string,
  values: { touchpointId: string; metric: SurveyMetric; token: string },
) {
  const [row] = await db
    .insert(surveyLinks)
    .values({ organizationId, ...values })
    .returning({ id: surveyLinks.id });
  return row!;
}

export async function updateSurveyLink(
  db: Database,
  organizationId: string,
  linkId: string,
  values: { enabled?: boolean; token?: string; rotatedAt?: Date },
) {
  await db
    .update(surveyLinks)
    .set(values)
    .where(and(eq(surveyLinks.organizationId, organizationId), eq(surveyLinks.id, linkId)));
}

/**
 * The open survey behind a public token, with what the page needs to ask its question. The token is the only
 * thing a customer has, so it is the key here (unique across organizations); everything returned is that
 * link's own organization and touchpoint. A switched-off link or an archived touchpoint is not open.
 */
export async function findOpenSurvey(db: Database, token: string) {
  const [row] = await db
    .select({
      organizationId: surveyLinks.organizationId,
      linkId: surveyLinks.id,
      organizationName: organizations.name,
      timeZone: organizations.timeZone,
      locale: organizations.defaultLocale,
      touchpointId: surveyLinks.touchpointId,
      touchpointName: touchpoints.name,
      metric: surveyLinks.metric,
    })
    .from(surveyLinks)
    .innerJoin(organizations, eq(organizations.id, surveyLinks.organizationId))
    .innerJoin(
      touchpoints,
      and(eq(touchpoints.organizationId, surveyLinks.organizationId), eq(touchpoints.id, surveyLinks.touchpointId)),
    )
    .where(and(eq(surveyLinks.token, token), eq(surveyLinks.enabled, true), eq(touchpoints.archived, false)));
  if (!row || row.metric === 'ttr') return null;
  return { ...row, metric: row.metric as SurveyMetric };
}
