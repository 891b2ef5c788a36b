import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { ideaComments, ideaEvents, ideas, ideaVotes, planItems, weeklyImprovements } from '@/db/schema';
import type { IdeaStatus } from '@/lib/domain/ideas';

// The writes of the idea board, and the loaders its commands use. These loaders return the author's id so that a
// command can check "own" and notify the author; they are never rendered (the pages read db/queries/idea-board.ts,
// which hides an anonymous author from everyone but that author).

const ideaColumns = {
  id: ideas.id,
  title: ideas.title,
  today: ideas.today,
  change: ideas.change,
  departmentId: ideas.departmentId,
  touchpointId: ideas.touchpointId,
  authorUserId: ideas.authorUserId,
  anonymous: ideas.anonymous,
  status: ideas.status,
  mergedIntoId: ideas.mergedIntoId,
};
export type IdeaForCommand = {
  [K in keyof typeof ideaColumns]: (typeof ideaColumns)[K]['_']['notNull'] extends true
    ? (typeof ideaColumns)[K]['_']['data']
    : (typeof ideaColumns)[K]['_']['data'] | null;
};

/** The idea a command acts on, locked for the rest of the transaction so two triages or merges queue up. */
export async function findIdeaForCommand(
  db: Database,
  organizationId: string,
  ideaId: string,
): Promise<IdeaForCommand | null> {
  const [row] = await db
    .select(ideaColumns)
    .from(ideas)
    .where(and(eq(ideas.organizationId, organizationId), eq(ideas.id, ideaId)))
    .for('update');
  return row ?? null;
}

export interface NewIdea {
  title: string;
  today: string;
  change: string;
  departmentId: string;
  touchpointId: string | null;
  authorUserId: string;
  anonymous: boolean;
}

export async function insertIdea(db: Database, organizationId: string, idea: NewIdea): Promise<string> {
  const [row] = await db
    .insert(ideas)
    .values({ organizationId, ...idea })
    .returning({ id: ideas.id });
  return row!.id;
}

export async function updateIdeaText(
  db: Database,
  organizationId: string,
  ideaId: string,
  fields: Pick<NewIdea, 'title' | 'today' | 'change' | 'departmentId' | 'touchpointId'>,
) {
  await db
    .update(ideas)
    .set({ ...fields, updatedAt: sql`now()`, activeAt: sql`now()` })
    .where(and(eq(ideas.organizationId, organizationId), eq(ideas.id, ideaId)));
}

export async function setIdeaStatus(
  db: Database,
  organizationId: string,
  ideaId: string,
  status: IdeaStatus,
  mergedIntoId: string | null = null,
) {
  await db
    .update(ideas)
    .set({ status, mergedIntoId, updatedAt: sql`now()`, activeAt: sql`now()` })
    .where(and(eq(ideas.organizationId, organizationId), eq(ideas.id, ideaId)));
}

export interface IdeaEventInput {
  kind: 'submitted' | 'edited' | 'status' | 'merged' | 'merged_from';
  /** Null for what an anonymous author did. */
  actorUserId: string | null;
  fromStatus?: IdeaStatus | null;
  toStatus?: IdeaStatus | null;
  reply?: string | null;
  otherIdeaId?: string | null;
}

/** One line of the idea's history; returns its id (the key of the notifications it sends). */
export async function insertIdeaEvent(
  db: Database,
  organizationId: string,
  ideaId: string,
  event: IdeaEventInput,
): Promise<string> {
  const [row] = await db
    .insert(ideaEvents)
    .values({ organizationId, ideaId, ...event })
    .returning({ id: ideaEvents.id });
  return row!.id;
}

/** Counts the votes again from the votes themselves, and marks the idea active. */
async function recountVotes(db: Database, organizationId: string, ideaId: string) {
  await db
    .update(ideas)
    .set({
      votes: sql`(SELECT count(*)::int FROM ${ideaVotes} v WHERE v.organization_id = ${organizationId} AND v.idea_id = ${ideaId})`,
      activeAt: sql`now()`,
    })
    .where(and(eq(ideas.organizationId, organizationId), eq(ideas.id, ideaId)));
}

/** A vote; a second one by the same member (also two racing requests) is the same vote. Returns whether it is new. */
export async function addVote(db: Database, organizationId: string, ideaId: string, userId: string) {
  const inserted = await db
    .insert(ideaVotes)
    .values({ organizationId, ideaId, userId })
    .onConflictDoNothing()
    .returning({ userId: ideaVotes.userId });
  if (inserted.length > 0) await recountVotes(db, organizationId, ideaId);
  return inserted.length > 0;
}

export async function removeVote(db: Database, organizationId: string, ideaId: string, userId: string) {
  const deleted = await db
    .delete(ideaVotes)
    .where(
      and(eq(ideaVotes.organizationId, organizationId), eq(ideaVotes.ideaId, ideaId), eq(ideaVotes.userId, userId)),
    )
    .returning({ userId: ideaVotes.userId });
  if (deleted.length > 0) await recountVotes(db, organizationId, ideaId);
  return deleted.length > 0;
}

async function recountComments(db: Database, organizationId: string, ideaId: string) {
  await db
    .update(ideas)
    .set({
      comments: sql`(SELECT count(*)::int FROM ${ideaComments} c WHERE c.organization_id = ${organizationId} AND c.idea_id = ${ideaId})`,
      activeAt: sql`now()`,
    })
    .where(and(eq(ideas.organizationId, organizationId), eq(ideas.id, ideaId)));
}

export async function insertComment(
  db: Database,
  organizationId: string,
  ideaId: string,
  authorUserId: string,
  body: string,
): Promise<string> {
  const [row] = await db
    .insert(ideaComments)
    .values({ organizationId, ideaId, authorUserId, body })
    .returning({ id: ideaComments.id });
  await recountComments(db, organizationId, ideaId);
  return row!.id;
}

/** The comment a command acts on; `byAnonymousAuthor`: written by the anonymous author of its idea. */
export async function findCommentForCommand(db: Database, organizationId: string, commentId: string) {
  const [row] = await db
    .select({
      id: ideaComments.id,
      ideaId: ideaComments.ideaId,
      authorUserId: ideaComments.authorUserId,
      hiddenAt: ideaComments.hiddenAt,
      body: ideaComments.body,
      byAnonymousAuthor: sql<boolean>`(${ideas.anonymous} AND ${ideaComments.authorUserId} IS NOT DISTINCT FROM ${ideas.authorUserId})`,
    })
    .from(ideaComments)
    .innerJoin(ideas, and(eq(ideas.organizationId, ideaComments.organizationId), eq(ideas.id, ideaComments.ideaId)))
    .where(and(eq(ideaComments.organizationId, organizationId), eq(ideaComments.id, commentId)))
    .for('update', { of: ideaComments });
  return row ?? null;
}

export async function updateCommentBody(db: Database, organizationId: string, commentId: string, body: string) {
  await db
    .update(ideaComments)
    .set({ body, editedAt: sql`now()` })
    .where(and(eq(ideaComments.organizationId, organizationId), eq(ideaComments.id, commentId)));
}

export async function deleteComment(db: Database, organizationId: string, commentId: string, ideaId: string) {
  await db
    .delete(ideaComments)
    .where(and(eq(ideaComments.organizationId, organizationId), eq(ideaComments.id, commentId)));
  await recountComments(db, organizationId, ideaId);
}

export async function setCommentHidden(
  db: Database,
  organizationId: string,
  commentId: string,
  hiddenBy: string | null,
) {
  await db
    .update(ideaComments)
    .set(hiddenBy ? { hiddenAt: sql`now()`, hiddenBy } : { hiddenAt: null, hiddenBy: null })
    .where(and(eq(ideaComments.organizationId, organizationId), eq(ideaComments.id, commentId)));
}

/**
 * A merge's moves: the votes go to the idea that stays (a member who voted on both keeps one vote), the comments
 * go with a note of where they were written, and both ideas are counted again.
 */
export async function moveVotesAndComments(db: Database, organizationId: string, fromId: string, intoId: string) {
  await db.execute(sql`
    INSERT INTO ${ideaVotes} (organization_id, idea_id, user_id, created_at)
    SELECT organization_id, ${intoId}, user_id, created_at FROM ${ideaVotes}
    WHERE organization_id = ${organizationId} AND idea_id = ${fromId}
    ON CONFLICT DO NOTHING`);
  await db.delete(ideaVotes).where(and(eq(ideaVotes.organizationId, organizationId), eq(ideaVotes.ideaId, fromId)));
  await db
    .update(ideaComments)
    .set({ ideaId: intoId, movedFromIdeaId: sql`coalesce(${ideaComments.movedFromIdeaId}, ${fromId}::uuid)` })
    .where(and(eq(ideaComments.organizationId, organizationId), eq(ideaComments.ideaId, fromId)));
  for (const ideaId of [fromId, intoId]) {
    await recountVotes(db, organizationId, ideaId);
    await recountComments(db, organizationId, ideaId);
  }
}

/** The ideas merged into this one: they move along with it when it is merged in turn. */
export async function repointMerged(db: Database, organizationId: string, fromId: string, intoId: string) {
  await db
    .update(ideas)
    .set({ mergedIntoId: intoId })
    .where(and(eq(ideas.organizationId, organizationId), eq(ideas.mergedIntoId, fromId)));
}

/** Who voted on the idea: they follow it by default. */
export async function votersOf(db: Database, organizationId: string, ideaId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: ideaVotes.userId })
    .from(ideaVotes)
    .where(and(eq(ideaVotes.organizationId, organizationId), eq(ideaVotes.ideaId, ideaId)));
  return rows.map((r) => r.userId);
}

/** The idea a change came from (an improvement or plan item linked to it), for its notices; null for none. */
export async function ideaOfChange(
  db: Database,
  organizationId: string,
  change: { kind: 'improvement' | 'plan-item' | 'lever'; id: string },
): Promise<{ id: string; title: string; changeTitle: string } | null> {
  if (change.kind === 'lever') return null;
  const table = change.kind === 'improvement' ? weeklyImprovements : planItems;
  const [row] = await db
    .select({ id: ideas.id, title: ideas.title, changeTitle: table.title })
    .from(table)
    .innerJoin(ideas, and(eq(ideas.organizationId, table.organizationId), eq(ideas.id, table.sourceIdeaId)))
    .where(and(eq(table.organizationId, organizationId), eq(table.id, change.id)));
  return row ?? null;
}
