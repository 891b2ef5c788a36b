import { and, eq, inArray } from 'drizzle-orm';
import { moveFollows } from './queries/follows';
import { createUser } from './queries/users';
import { insertMembership } from './queries/members';
import { follows, ideaComments, ideaEvents, ideas, ideaVotes, notifications, weeklyImprovements } from './schema';
import type { DemoContext } from './seed-context';
import { type DemoIdea, demoColleagues, ideaStory, shippedIdeaDetails } from './seed-ideas-story';
import { weeklyStory } from './seed-weekly-story';
import type { IdeaStatus } from '@/lib/domain/ideas';
import { englishMessage } from '@/lib/i18n/english';

const DAY = 24 * 60 * 60_000;

/** The colleagues, as members of their departments; returns everyone who may vote, demo logins first. */
async function addColleagues({ tx, organizationId, people, departmentIds }: DemoContext, passwordHash: string) {
  for (const colleague of demoColleagues) {
    const user = await createUser(tx, { email: colleague.email, name: colleague.name, passwordHash });
    people.set(colleague.email, user.id);
    await insertMembership(tx, organizationId, {
      userId: user.id,
      role: 'staff',
      departmentId: departmentIds.get(colleague.department)!,
    });
  }
  return [...people.keys()];
}

interface Placed extends DemoIdea {
  /** The improvement it became, for the shipped ones. */
  improvementId?: string;
  improvementTitle?: string;
  shippedAt?: Date;
}

/** The shipped ideas: one per improvement of the weekly story that came from an idea, linked to it. */
async function shippedIdeas({ tx, organizationId, departmentIds }: DemoContext, now: Date): Promise<Placed[]> {
  const titles = Object.values(weeklyStory).flatMap((list) => list.filter((i) => i.idea).map((i) => i.title));
  const rows = await tx
    .select({
      id: weeklyImprovements.id,
      title: weeklyImprovements.title,
      departmentId: weeklyImprovements.departmentId,
      effectiveDate: weeklyImprovements.effectiveDate,
      before: weeklyImprovements.before,
      after: weeklyImprovements.after,
    })
    .from(weeklyImprovements)
    .where(and(eq(weeklyImprovements.organizationId, organizationId), inArray(weeklyImprovements.title, titles)));
  const departmentOf = new Map([...departmentIds].map(([name, id]) => [id, name]));
  const staffOf: Record<string, string> = Object.fromEntries(demoColleagues.map((c) => [c.department, c.email]));
  return rows.map((row, i) => {
    const story = Object.values(weeklyStory)
      .flat()
      .find((s) => s.title === row.title)!;
    const details = shippedIdeaDetails[row.title];
    const department = departmentOf.get(row.departmentId)!;
    const shippedAt = new Date(`${row.effectiveDate}T09:00:00Z`);
    const weeksAgo = Math.max(0, Math.round((now.getTime() - shippedAt.getTime()) / (7 * DAY)) + 2);
    return {
      key: `shipped-${i}`,
      title: details?.title ?? row.title,
      today: details?.today ?? row.before,
      change: details?.change ?? row.after,
      department,
      touchpoint: story.at?.[0],
      author: details?.author ?? staffOf[department] ?? 'sofiia@demo.test',
      anonymous: details?.anonymous ?? false,
      weeksAgo,
      path: [
        { status: 'under_review', by: 'exec@demo.test' },
        { status: 'accepted', by: 'exec@demo.test', reply: 'Accepted: a good one for a weekly improvement.' },
      ],
      votes: details?.votes ?? 2 + (i % 5),
      comments: details?.comments,
      improvementId: row.id,
      improvementTitle: row.title,
      shippedAt,
    } satisfies Placed;
  });
}

/** About forty ideas in every status, with votes, comments, official replies, two merged duplicates. */
export async function seedIdeas(context: DemoContext, passwordHash: string) {
  const { tx, organizationId, people, departmentIds, touchpointIds } = context;
  const now = context.now ?? new Date();
  const everyone = await addColleagues(context, passwordHash);
  const all: Placed[] = [...(await shippedIdeas(context, now)), ...ideaStory];
  const idOf = new Map<string, string>();
  for (const [n, idea] of all.entries()) {
    const authorId = people.get(idea.author)!;
    const created = new Date(now.getTime() - idea.weeksAgo * 7 * DAY - 2 * DAY);
    const steps = idea.path.map((step, i) => ({ ...step, at: new Date(created.getTime() + (i + 1) * 2 * DAY) }));
    // Shipped as the app ships an idea: with the reply it sends when nobody typed one.
    if (idea.improvementId && idea.shippedAt)
      steps.push({
        status: 'shipped',
        by: 'exec@demo.test',
        reply: englishMessage('ideas.autoReply.shipped', { title: idea.improvementTitle ?? idea.title }),
        at: idea.shippedAt,
      });
    const status: IdeaStatus = idea.mergedInto ? 'merged' : (steps.at(-1)?.status ?? 'new');
    const voters = everyone.filter((email) => email !== idea.author);
    const chosen = Array.from(
      { length: Math.min(idea.votes, voters.length) },
      (_, i) => voters[(n * 3 + i) % voters.length]!,
    );
    const comments = idea.comments ?? [];
    const activeAt = new Date(Math.max(created.getTime(), ...steps.map((s) => s.at.getTime())));
    const [row] = await tx
      .insert(ideas)
      .values({
        organizationId,
        title: idea.title,
        today: idea.today,
        change: idea.change,
        departmentId: departmentIds.get(idea.department)!,
        touchpointId: idea.touchpoint ? touchpointIds.get(idea.touchpoint)! : null,
        authorUserId: authorId,
        anonymous: idea.anonymous ?? false,
        status,
        votes: idea.mergedInto ? 0 : new Set(chosen).size,
        comments: comments.length,
        createdAt: created,
        updatedAt: activeAt,
        activeAt,
      })
      .returning({ id: ideas.id });
    const ideaId = row!.id;
    idOf.set(idea.key, ideaId);
    await tx.insert(ideaEvents).values([
      {
        organizationId,
        ideaId,
        kind: 'submitted' as const,
        actorUserId: idea.anonymous ? null : authorId,
        toStatus: 'new' as const,
        createdAt: created,
      },
      ...steps.map((step, i) => ({
        organizationId,
        ideaId,
        kind: 'status' as const,
        actorUserId: step.by === idea.author && idea.anonymous ? null : people.get(step.by)!,
        fromStatus: (i === 0 ? 'new' : steps[i - 1]!.status) as IdeaStatus,
        toStatus: step.status,
        reply: step.reply ?? null,
        createdAt: step.at,
      })),
    ]);
    if (idea.improvementId) {
      await tx
        .update(weeklyImprovements)
        .set({ sourceIdeaId: ideaId, sourceNote: '' })
        .where(
          and(eq(weeklyImprovements.organizationId, organizationId), eq(weeklyImprovements.id, idea.improvementId)),
        );
    }
    const followers = new Set([idea.author, ...chosen]);
    if (!idea.mergedInto) {
      for (const email of new Set(chosen))
        await tx.insert(ideaVotes).values({ organizationId, ideaId, userId: people.get(email)!, createdAt: created });
    }
    for (const [i, comment] of comments.entries()) {
      await tx.insert(ideaComments).values({
        organizationId,
        ideaId,
        authorUserId: people.get(comment.by)!,
        body: comment.body,
        createdAt: new Date(created.getTime() + (i + 1) * DAY),
      });
    }
    for (const email of followers)
      await tx
        .insert(follows)
        .values({ organizationId, userId: people.get(email)!, subjectType: 'idea', subjectId: ideaId });
    // The author hears of each status change; those older than a week are read.
    for (const step of steps) {
      if (step.by === idea.author) continue;
      await tx.insert(notifications).values({
        organizationId,
        userId: authorId,
        kind: 'ideaStatus',
        subjectType: 'idea',
        subjectId: ideaId,
        eventKey: `seed:${ideaId}:${step.status}`,
        actorUserId: people.get(step.by)!,
        details: { title: idea.title, status: step.status, reply: step.reply ?? null },
        createdAt: step.at,
        readAt: now.getTime() - step.at.getTime() > 7 * DAY ? step.at : null,
      });
    }
  }
  // The duplicates: merged into the idea that stays, with their votes and followers moved there.
  for (const idea of ideaStory.filter((i) => i.mergedInto)) {
    const from = idOf.get(idea.key)!;
    const into = idOf.get(idea.mergedInto!)!;
    await tx
      .update(ideas)
      .set({ mergedIntoId: into })
      .where(and(eq(ideas.organizationId, organizationId), eq(ideas.id, from)));
    await tx.insert(ideaEvents).values([
      {
        organizationId,
        ideaId: from,
        kind: 'merged',
        actorUserId: people.get('exec@demo.test')!,
        fromStatus: 'new',
        toStatus: 'merged',
        otherIdeaId: into,
      },
      {
        organizationId,
        ideaId: into,
        kind: 'merged_from',
        actorUserId: people.get('exec@demo.test')!,
        otherIdeaId: from,
      },
    ]);
    await moveFollows(tx, organizationId, 'idea', from, into);
  }
}
