import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { departments, ideaEvents, ideas, planItems, users, weeklyImprovements } from '@/db/schema';

const authors = alias(users, 'credit_authors');

/**
 * The organization's shipped ideas for the credit page: author (none for an anonymous idea, whoever asks),
 * department, when it shipped, and the improvement or plan item it became.
 */
export async function shippedIdeas(db: Database, organizationId: string) {
  return db
    .select({
      ideaId: ideas.id,
      title: ideas.title,
      authorId: sql<string | null>`CASE WHEN ${ideas.anonymous} THEN NULL ELSE ${ideas.authorUserId} END`,
      authorName: sql<string | null>`CASE WHEN ${ideas.anonymous} THEN NULL ELSE ${authors.name} END`,
      departmentId: ideas.departmentId,
      departmentName: departments.name,
      shippedAt:
        sql<Date>`coalesce((SELECT max(e.created_at) FROM ${ideaEvents} e WHERE e.organization_id = ${ideas.organizationId} AND e.idea_id = ${ideas.id} AND e.to_status = 'shipped'), ${ideas.updatedAt})`.mapWith(
          (v: string | Date) => new Date(v),
        ),
      improvementId: weeklyImprovements.id,
      improvementTitle: weeklyImprovements.title,
      planItemId: planItems.id,
      planItemTitle: planItems.title,
    })
    .from(ideas)
    .innerJoin(
      departments,
      and(eq(departments.organizationId, ideas.organizationId), eq(departments.id, ideas.departmentId)),
    )
    .leftJoin(authors, and(eq(authors.id, ideas.authorUserId), sql`NOT ${ideas.anonymous}`))
    .leftJoin(
      weeklyImprovements,
      and(eq(weeklyImprovements.organizationId, ideas.organizationId), eq(weeklyImprovements.sourceIdeaId, ideas.id)),
    )
    .leftJoin(
      planItems,
      and(
        eq(planItems.organizationId, ideas.organizationId),
        eq(planItems.sourceIdeaId, ideas.id),
        eq(planItems.status, 'done'),
      ),
    )
    .where(and(eq(ideas.organizationId, organizationId), eq(ideas.status, 'shipped')));
}
