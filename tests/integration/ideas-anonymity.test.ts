/**
 * Issue 12: an anonymous idea's author is stored (they see it under "mine", edit it and are notified) but no page,
 * export, API or audit entry shows the author to anyone else, executives included. Every function of
 * db/queries/idea-board.ts (what pages, exports and the API read) is called here as other members; a function added
 * there fails this test until it is called here too.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as board from '@/db/queries/idea-board';
import { shippedIdeas } from '@/db/queries/idea-credit';
import { findOrganization } from '@/db/queries/organizations';
import { auditEvents, notifications } from '@/db/schema';
import { changeIdeaStatus, editIdea, submitIdea, voteForIdea } from '@/lib/commands/ideas';
import { commentOnIdea } from '@/lib/commands/idea-comments';
import { logImprovement } from '@/lib/commands/weekly';
import { weekOf } from '@/lib/domain/weeks';
import { boardQuerySchema } from '@/lib/validation/ideas';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeOrganization, type OrganizationFixture, uniqueSuffix } from '@/tests/fixtures/organizations';
import { dataOf } from './helpers';

const db = useTestDatabase();
let f: OrganizationFixture;
let ideaId = '';
const title = 'Quiet hours for the phone line';

beforeAll(async () => {
  f = await makeOrganization(db, `Anonymous Co ${uniqueSuffix()}`);
  ideaId = dataOf(
    await submitIdea.execute(db, f.staff.actor, {
      title,
      today: 'Readers call at lunch and wait',
      change: 'Quiet hours announced on the site',
      departmentId: f.departmentA,
      touchpointId: f.touchpointId,
      anonymous: 'on',
    }),
  ).id;
  dataOf(
    await editIdea.execute(db, f.staff.actor, {
      ideaId,
      title,
      today: 'Readers call at lunch and wait long',
      change: 'Quiet hours announced on the site',
      departmentId: f.departmentA,
    }),
  );
  dataOf(await voteForIdea.execute(db, f.lead.actor, { ideaId }));
  dataOf(await voteForIdea.execute(db, f.staff.actor, { ideaId }));
  dataOf(await commentOnIdea.execute(db, f.executive.actor, { ideaId, body: 'Who had this idea?' }));
  // The author answers on their own idea: still nobody else learns who they are.
  dataOf(await commentOnIdea.execute(db, f.staff.actor, { ideaId, body: 'The phone line is mine to answer' }));
  dataOf(await changeIdeaStatus.execute(db, f.lead.actor, { ideaId, status: 'accepted', reply: 'Yes' }));
});

/** Every read of the board module, as `viewerId` sees it. */
async function everyRead(viewerId: string): Promise<Record<string, unknown>> {
  const query = boardQuerySchema.parse({});
  return {
    boardPage: await board.boardPage(db, f.organizationId, viewerId, query),
    boardPageSearch: await board.boardPage(db, f.organizationId, viewerId, { ...query, q: 'quiet' }),
    similarIdeas: await board.similarIdeas(db, f.organizationId, viewerId, 'quiet hours'),
    ideaForViewer: await board.ideaForViewer(db, f.organizationId, viewerId, ideaId),
    changesFromIdea: await board.changesFromIdea(db, f.organizationId, ideaId),
    commentsForViewer: await board.commentsForViewer(db, f.organizationId, viewerId, ideaId),
    ideaHistory: await board.ideaHistory(db, f.organizationId, ideaId),
    ideasForExport: await board.ideasForExport(db, f.organizationId),
  };
}

describe('an anonymous idea', () => {
  it('calls every read of the board here', () => {
    const functions = Object.entries(board)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(functions).toEqual(
      [
        'boardPage',
        'similarIdeas',
        'ideaForViewer',
        'changesFromIdea',
        'commentsForViewer',
        'ideaHistory',
        'ideasForExport',
      ].sort(),
    );
  });

  it('shows its author to nobody else, executives included: not the id, the name or the email', async () => {
    for (const viewer of [f.executive, f.lead]) {
      const text = JSON.stringify(await everyRead(viewer.userId));
      expect(text).toContain(title); // the idea itself is there
      expect(text).not.toContain(f.staff.userId);
      expect(text).not.toContain(f.staff.email);
      const name = (await board.ideaForViewer(db, f.organizationId, f.staff.userId, ideaId))!.authorName!;
      expect(text).not.toContain(name);
    }
  });

  it('names the author\'s own comments "the idea\'s author", to everyone', async () => {
    for (const viewer of [f.executive, f.staff]) {
      const comments = await board.commentsForViewer(db, f.organizationId, viewer.userId, ideaId);
      expect(comments.find((c) => c.body === 'The phone line is mine to answer')).toMatchObject({
        byAnonymousAuthor: true,
        authorId: null,
        authorName: null,
      });
    }
  });

  it('shows it to its author as theirs, under "mine"', async () => {
    const mine = await board.boardPage(db, f.organizationId, f.staff.userId, boardQuerySchema.parse({ mine: '1' }));
    expect(mine.ideas.map((i) => i.id)).toEqual([ideaId]);
    expect(mine.ideas[0]).toMatchObject({ authorId: f.staff.userId, mine: true, anonymous: true });
    const forOthers = await board.boardPage(db, f.organizationId, f.lead.userId, boardQuerySchema.parse({ mine: '1' }));
    expect(forOthers.ideas.map((i) => i.id)).not.toContain(ideaId);
  });

  it('records "anonymous" in the audit for what its author did, and tells the author of status changes', async () => {
    const events = await db
      .select({ action: auditEvents.action, actor: auditEvents.actorUserId, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, f.organizationId), eq(auditEvents.entityId, ideaId)));
    const byAuthor = events.filter((e) => e.action === 'idea.submit' || e.action === 'idea.edit');
    expect(byAuthor).toHaveLength(2);
    for (const event of byAuthor) expect(event).toMatchObject({ actor: null, changes: { actor: 'anonymous' } });
    expect(JSON.stringify(events)).not.toContain(f.staff.userId);
    const everyEvent = await db
      .select({ actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, f.organizationId));
    expect(everyEvent.filter((e) => e.actor === f.staff.userId)).toEqual([]);
    const told = await db
      .select({ userId: notifications.userId, actor: notifications.actorUserId, details: notifications.details })
      .from(notifications)
      .where(and(eq(notifications.organizationId, f.organizationId), eq(notifications.subjectId, ideaId)));
    expect(told.filter((n) => n.userId === f.staff.userId).length).toBeGreaterThanOrEqual(2); // comment, status
    const toOthers = told.filter((n) => n.userId !== f.staff.userId);
    expect(JSON.stringify(toOthers)).not.toContain(f.staff.userId);
  });

  it('counts for nobody on the credit page once shipped: no author there either', async () => {
    const organization = await findOrganization(db, f.organizationId);
    const week = weekOf(new Date(), organization!.timeZone, organization!.weekStartsOn);
    dataOf(
      await logImprovement.execute(db, f.lead.actor, {
        departmentId: f.departmentA,
        weekStart: week,
        effectiveDate: week,
        title: 'Quiet hours announced',
        sourceIdeaId: ideaId,
      }),
    );
    const shipped = await shippedIdeas(db, f.organizationId);
    expect(shipped.map((s) => s.title)).toEqual([title]);
    expect(shipped[0]).toMatchObject({ authorId: null, authorName: null });
    expect(JSON.stringify(shipped)).not.toContain(f.staff.userId);
  });
});
