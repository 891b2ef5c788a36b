import 'server-only';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import {
  departments,
  follows,
  ideaComments,
  ideaEvents,
  ideas,
  ideaVotes,
  planItems,
  touchpoints,
  users,
  weeklyImprovements,
} from '@/db/schema';
import { type IdeaStatus, openBoardStatuses } from '@/lib/domain/ideas';
import { similarTitleQuery } from '@/lib/domain/idea-search';

// What the pages read about ideas. Every function takes the viewer: an anonymous idea's author is returned to that
// author only (`authorVisibleTo`), never to anyone else, executives included. Tests call each of them as another
// member and look for the author's id and name in the result.

export const BOARD_PAGE_SIZE = 50;

/** The board's choices (lib/validation/ideas parses them from the URL). */
export interface BoardQuery {
  sort: 'votes' | 'newest' | 'active';
  department?: string;
  touchpoint?: string;
  status?: IdeaStatus;
  mine: boolean;
  q?: string;
  page: number;
}

/** The author's id as the viewer may see it: null for an anonymous idea, unless the viewer wrote it. */
const authorVisibleTo = (viewerId: string) =>
  sql<
    string | null
  >`CASE WHEN ${ideas.anonymous} AND ${ideas.authorUserId} IS DISTINCT FROM ${viewerId}::uuid THEN NULL ELSE ${ideas.authorUserId} END`;

const authors = alias(users, 'idea_authors');
/** An idea's department and, when it names one, its touchpoint: the same joins for every read of ideas. */
const ofItsDepartment = and(
  eq(departments.organizationId, ideas.organizationId),
  eq(departments.id, ideas.departmentId),
);
const atItsTouchpoint = and(
  eq(touchpoints.organizationId, ideas.organizationId),
  eq(touchpoints.id, ideas.touchpointId),
);

function boardFilters(organizationId: string, viewerId: string, query: BoardQuery): SQL[] {
  const where: SQL[] = [eq(ideas.organizationId, organizationId)];
  where.push(query.status ? eq(ideas.status, query.status) : inArray(ideas.status, [...openBoardStatuses]));
  if (query.department) where.push(eq(ideas.departmentId, query.department));
  if (query.touchpoint) where.push(eq(ideas.touchpointId, query.touchpoint));
  if (query.mine) where.push(eq(ideas.authorUserId, viewerId));
  if (query.q) where.push(sql`${ideas.words} @@ websearch_to_tsquery('simple', ${query.q})`);
  return where;
}

const order = {
  votes: [desc(ideas.votes), desc(ideas.createdAt), asc(ideas.id)],
  newest: [desc(ideas.createdAt), asc(ideas.id)],
  active: [desc(ideas.activeAt), asc(ideas.id)],
} as const;

/**
 * One page of the board (50 ideas) and how many ideas match in all. The page's ids are chosen first, on the ideas
 * alone (an index per order), and only those 50 are joined to their department, touchpoint and author: joining
 * before the offset would join every skipped row too.
 */
export async function boardPage(db: Database, organizationId: string, viewerId: string, query: BoardQuery) {
  const where = and(...boardFilters(organizationId, viewerId, query));
  const chosen = db
    .select({ organizationId: ideas.organizationId, id: ideas.id })
    .from(ideas)
    .where(where)
    .orderBy(...order[query.sort])
    .limit(BOARD_PAGE_SIZE)
    .offset((query.page - 1) * BOARD_PAGE_SIZE)
    .as('board_page');
  const author = authorVisibleTo(viewerId);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: ideas.id,
        title: ideas.title,
        status: ideas.status,
        departmentId: ideas.departmentId,
        departmentName: departments.name,
        touchpointId: ideas.touchpointId,
        touchpointName: touchpoints.name,
        votes: ideas.votes,
        comments: ideas.comments,
        createdAt: ideas.createdAt,
        activeAt: ideas.activeAt,
        authorId: author,
        authorName: authors.name,
        anonymous: ideas.anonymous,
        mine: sql<boolean>`${ideas.authorUserId} IS NOT DISTINCT FROM ${viewerId}::uuid`,
        votedByMe: sql<boolean>`EXISTS (SELECT 1 FROM ${ideaVotes} v WHERE v.organization_id = ${ideas.organizationId} AND v.idea_id = ${ideas.id} AND v.user_id = ${viewerId}::uuid)`,
      })
      .from(chosen)
      .innerJoin(ideas, and(eq(ideas.organizationId, chosen.organizationId), eq(ideas.id, chosen.id)))
      .innerJoin(departments, ofItsDepartment)
      .leftJoin(touchpoints, atItsTouchpoint)
      .leftJoin(authors, eq(authors.id, author))
      .orderBy(...order[query.sort]),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideas)
      .where(where),
  ]);
  return { ideas: rows, total: count?.n ?? 0 };
}
export type BoardIdea = Awaited<ReturnType<typeof boardPage>>['ideas'][number];

/**
 * Open ideas whose words share a prefix with the title being typed, best match first, so people vote instead; the
 * same look-up finds the idea a duplicate is merged into, optionally within one department.
 */
export async function similarIdeas(
  db: Database,
  organizationId: string,
  viewerId: string,
  title: string,
  { limit = 5, departmentId }: { limit?: number; departmentId?: string } = {},
) {
  const query = similarTitleQuery(title);
  if (!query) return [];
  const match = sql`to_tsquery('simple', ${query})`;
  return db
    .select({
      id: ideas.id,
      title: ideas.title,
      status: ideas.status,
      votes: ideas.votes,
      departmentName: departments.name,
      votedByMe: sql<boolean>`EXISTS (SELECT 1 FROM ${ideaVotes} v WHERE v.organization_id = ${ideas.organizationId} AND v.idea_id = ${ideas.id} AND v.user_id = ${viewerId}::uuid)`,
    })
    .from(ideas)
    .innerJoin(departments, ofItsDepartment)
    .where(
      and(
        eq(ideas.organizationId, organizationId),
        departmentId ? eq(ideas.departmentId, departmentId) : undefined,
        inArray(ideas.status, ['new', 'under_review', 'accepted', 'in_progress']),
        sql`${ideas.words} @@ ${match}`,
      ),
    )
    .orderBy(sql`ts_rank(${ideas.words}, ${match}) DESC`, desc(ideas.votes))
    .limit(limit);
}

const mergedInto = alias(ideas, 'merged_into');

/** One idea as its page shows it to the viewer, or null when it is not in the organization. */
export async function ideaForViewer(db: Database, organizationId: string, viewerId: string, ideaId: string) {
  const author = authorVisibleTo(viewerId);
  const [row] = await db
    .select({
      id: ideas.id,
      title: ideas.title,
      today: ideas.today,
      change: ideas.change,
      status: ideas.status,
      departmentId: ideas.departmentId,
      departmentName: departments.name,
      touchpointId: ideas.touchpointId,
      touchpointName: touchpoints.name,
      votes: ideas.votes,
      comments: ideas.comments,
      createdAt: ideas.createdAt,
      anonymous: ideas.anonymous,
      authorId: author,
      authorName: authors.name,
      mine: sql<boolean>`${ideas.authorUserId} IS NOT DISTINCT FROM ${viewerId}::uuid`,
      votedByMe: sql<boolean>`EXISTS (SELECT 1 FROM ${ideaVotes} v WHERE v.organization_id = ${ideas.organizationId} AND v.idea_id = ${ideas.id} AND v.user_id = ${viewerId}::uuid)`,
      following: sql<boolean>`coalesce((SELECT f.following FROM ${follows} f WHERE f.organization_id = ${ideas.organizationId} AND f.user_id = ${viewerId}::uuid AND f.subject_type = 'idea' AND f.subject_id = ${ideas.id}), false)`,
      mergedIntoId: ideas.mergedIntoId,
      mergedIntoTitle: mergedInto.title,
    })
    .from(ideas)
    .innerJoin(departments, ofItsDepartment)
    .leftJoin(touchpoints, atItsTouchpoint)
    .leftJoin(
      mergedInto,
      and(eq(mergedInto.organizationId, ideas.organizationId), eq(mergedInto.id, ideas.mergedIntoId)),
    )
    .leftJoin(authors, eq(authors.id, author))
    .where(and(eq(ideas.organizationId, organizationId), eq(ideas.id, ideaId)));
  return row ?? null;
}
export type IdeaView = NonNullable<Awaited<ReturnType<typeof ideaForViewer>>>;

/** The improvements and plan items the idea became (normally one). */
export async function changesFromIdea(db: Database, organizationId: string, ideaId: string) {
  const [improvements, items] = await Promise.all([
    db
      .select({
        id: weeklyImprovements.id,
        title: weeklyImprovements.title,
        weekStart: weeklyImprovements.weekStart,
        departmentId: weeklyImprovements.departmentId,
      })
      .from(weeklyImprovements)
      .where(and(eq(weeklyImprovements.organizationId, organizationId), eq(weeklyImprovements.sourceIdeaId, ideaId))),
    db
      .select({
        id: planItems.id,
        title: planItems.title,
        status: planItems.status,
        departmentId: planItems.departmentId,
      })
      .from(planItems)
      .where(and(eq(planItems.organizationId, organizationId), eq(planItems.sourceIdeaId, ideaId))),
  ]);
  return { improvements, planItems: items };
}

const commentAuthors = alias(users, 'comment_authors');

/**
 * The idea's comments, oldest first. A hidden comment's text goes to its author only (marked hidden); others see
 * that a comment was hidden. On an anonymous idea, its author's own comments name nobody: they are "the idea's
 * author" (`byAnonymousAuthor`), to the author too, so the page reads the same for everyone.
 */
export async function commentsForViewer(db: Database, organizationId: string, viewerId: string, ideaId: string) {
  const byAnonymousAuthor = sql<boolean>`(${ideas.anonymous} AND ${ideaComments.authorUserId} IS NOT DISTINCT FROM ${ideas.authorUserId})`;
  const rows = await db
    .select({
      id: ideaComments.id,
      authorId: sql<string | null>`CASE WHEN ${byAnonymousAuthor} THEN NULL ELSE ${ideaComments.authorUserId} END`,
      authorName: sql<string | null>`CASE WHEN ${byAnonymousAuthor} THEN NULL ELSE ${commentAuthors.name} END`,
      byAnonymousAuthor,
      mine: sql<boolean>`${ideaComments.authorUserId} IS NOT DISTINCT FROM ${viewerId}::uuid`,
      body: ideaComments.body,
      hidden: sql<boolean>`${ideaComments.hiddenAt} IS NOT NULL`,
      movedFromIdeaId: ideaComments.movedFromIdeaId,
      createdAt: ideaComments.createdAt,
      editedAt: ideaComments.editedAt,
    })
    .from(ideaComments)
    .innerJoin(ideas, and(eq(ideas.organizationId, ideaComments.organizationId), eq(ideas.id, ideaComments.ideaId)))
    .leftJoin(commentAuthors, eq(commentAuthors.id, ideaComments.authorUserId))
    .where(and(eq(ideaComments.organizationId, organizationId), eq(ideaComments.ideaId, ideaId)))
    .orderBy(asc(ideaComments.createdAt), asc(ideaComments.id));
  return rows.map((c) => ({ ...c, body: c.hidden && !c.mine ? null : c.body }));
}

const eventActors = alias(users, 'event_actors');
const otherIdeas = alias(ideas, 'other_ideas');

/** The idea's history, oldest first: what an anonymous author did has no actor. */
export async function ideaHistory(db: Database, organizationId: string, ideaId: string) {
  return db
    .select({
      id: ideaEvents.id,
      kind: ideaEvents.kind,
      actorName: eventActors.name,
      fromStatus: ideaEvents.fromStatus,
      toStatus: ideaEvents.toStatus,
      reply: ideaEvents.reply,
      otherIdeaId: ideaEvents.otherIdeaId,
      otherIdeaTitle: otherIdeas.title,
      createdAt: ideaEvents.createdAt,
    })
    .from(ideaEvents)
    .leftJoin(eventActors, eq(eventActors.id, ideaEvents.actorUserId))
    .leftJoin(
      otherIdeas,
      and(eq(otherIdeas.organizationId, ideaEvents.organizationId), eq(otherIdeas.id, ideaEvents.otherIdeaId)),
    )
    .where(and(eq(ideaEvents.organizationId, organizationId), eq(ideaEvents.ideaId, ideaId)))
    .orderBy(asc(ideaEvents.createdAt), asc(ideaEvents.id));
}

/** Every idea of the organization for the CSV export: anonymous ideas have no author, whoever exports. */
export async function ideasForExport(db: Database, organizationId: string) {
  return db
    .select({
      id: ideas.id,
      title: ideas.title,
      today: ideas.today,
      change: ideas.change,
      status: ideas.status,
      department: departments.name,
      touchpoint: touchpoints.name,
      author: sql<string | null>`CASE WHEN ${ideas.anonymous} THEN NULL ELSE ${authors.name} END`,
      votes: ideas.votes,
      comments: ideas.comments,
      createdAt: ideas.createdAt,
      mergedIntoId: ideas.mergedIntoId,
    })
    .from(ideas)
    .innerJoin(departments, ofItsDepartment)
    .leftJoin(touchpoints, atItsTouchpoint)
    .leftJoin(authors, and(eq(authors.id, ideas.authorUserId), sql`NOT ${ideas.anonymous}`))
    .where(eq(ideas.organizationId, organizationId))
    .orderBy(desc(ideas.createdAt), asc(ideas.id));
}
