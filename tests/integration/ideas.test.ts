/**
 * The idea board's commands: submitting (and what is refused), votes (one per member, also when requests race),
 * status changes with official replies and the notices they send, merges, and the author's rights while an idea is
 * new. Who may run which command, and another organization's ids: the permission matrix. Anonymity:
 * ideas-anonymity.test.ts.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateDepartment } from '@/db/queries/departments';
import { findOrganization } from '@/db/queries/organizations';
import {
  boardPage,
  changesFromIdea,
  commentsForViewer,
  ideaForViewer,
  ideaHistory,
  similarIdeas,
} from '@/db/queries/idea-board';
import { ideaVotes, notifications } from '@/db/schema';
import { boardQuerySchema } from '@/lib/validation/ideas';
import {
  changeIdeaStatus,
  editIdea,
  followIdea,
  mergeIdea,
  submitIdea,
  voteForIdea,
  withdrawIdea,
  withdrawVote,
} from '@/lib/commands/ideas';
import { commentOnIdea, hideComment } from '@/lib/commands/idea-comments';
import { createPlanItem, updatePlanItemDetails } from '@/lib/commands/plans';
import { logImprovement } from '@/lib/commands/weekly';
import { IDEA_WEEKS_AHEAD } from '@/lib/domain/weekly';
import { addWeeks, weekOf } from '@/lib/domain/weeks';
import { useTestDatabase } from '@/tests/fixtures/database';
import { addMember, makeOrganization, type OrganizationFixture, uniqueSuffix } from '@/tests/fixtures/organizations';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();
const run = auditedRun(() => db);
let f: OrganizationFixture;

beforeAll(async () => {
  f = await makeOrganization(db, `Ideas Co ${uniqueSuffix()}`);
});

const board = (viewerId: string, query: Record<string, string> = {}) =>
  boardPage(db, f.organizationId, viewerId, boardQuerySchema.parse(query));

async function submit(title: string, values: Record<string, unknown> = {}, by = f.staff.actor) {
  return dataOf(
    await run(submitIdea, by, {
      title,
      today: 'Regular customers get nothing for their loyalty',
      change: 'Put a bookmark in every parcel',
      departmentId: f.departmentA,
      ...values,
    }),
  ).id;
}

async function noticesOf(userId: string, ideaId: string) {
  return db
    .select({ kind: notifications.kind, details: notifications.details, actor: notifications.actorUserId })
    .from(notifications)
    .where(
      and(
        eq(notifications.organizationId, f.organizationId),
        eq(notifications.userId, userId),
        eq(notifications.subjectId, ideaId),
      ),
    );
}

describe('submitting an idea', () => {
  it('puts it on the board as new, by its author, who follows it', async () => {
    const id = await submit('A free bookmark for regular customers');
    const page = await board(f.lead.userId);
    const shown = page.ideas.find((i) => i.id === id);
    expect(shown).toMatchObject({ status: 'new', votes: 0, authorId: f.staff.userId });
    const idea = await ideaForViewer(db, f.organizationId, f.staff.userId, id);
    expect(idea).toMatchObject({ mine: true, following: true });
    expect(await ideaHistory(db, f.organizationId, id)).toMatchObject([{ kind: 'submitted', toStatus: 'new' }]);
  });

  it('says next to the field what is wrong, and writes nothing', async () => {
    const before = (await board(f.staff.userId)).total;
    const result = await run(submitIdea, f.staff.actor, {
      title: 'Box',
      today: 'x'.repeat(4001),
      change: '',
      departmentId: f.departmentA,
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: {
        title: { key: 'validation.tooShort', values: { min: 5 } },
        today: { key: 'validation.tooLong', values: { max: 4000 } },
        change: { key: 'validation.required' },
      },
    });
    expect((await board(f.staff.userId)).total).toBe(before);
  });

  it('refuses an archived department with a message', async () => {
    const g = await makeOrganization(db, `Archived Co ${uniqueSuffix()}`);
    await updateDepartment(db, g.organizationId, g.departmentB, { archived: true });
    const result = await run(submitIdea, g.staff.actor, {
      title: 'Faster refunds',
      change: 'Refund on pickup',
      departmentId: g.departmentB,
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { departmentId: { key: 'validation.archivedDepartment' } },
    });
  });

  it('offers similar ideas while the title is typed, by word prefixes, in any case', async () => {
    const id = await submit('Sturdier boxes for fragile parcels');
    const found = await similarIdeas(db, f.organizationId, f.lead.userId, 'FRAGILE parc');
    expect(found.map((i) => i.id)).toContain(id);
    expect(await similarIdeas(db, f.organizationId, f.lead.userId, 'unrelated words entirely')).not.toContainEqual(
      expect.objectContaining({ id }),
    );
  });
});

describe('votes', () => {
  it('counts one vote per member: a vote twice is one vote, and it can be withdrawn', async () => {
    const id = await submit('Call back instead of queueing');
    dataOf(await run(voteForIdea, f.lead.actor, { ideaId: id }));
    expect(dataOf(await run(voteForIdea, f.lead.actor, { ideaId: id }))).toMatchObject({ added: false });
    expect((await ideaForViewer(db, f.organizationId, f.lead.userId, id))?.votes).toBe(1);
    dataOf(await run(withdrawVote, f.lead.actor, { ideaId: id }));
    expect((await ideaForViewer(db, f.organizationId, f.lead.userId, id))?.votes).toBe(0);
  });

  it('keeps one vote when the same member votes in many requests at once', async () => {
    const id = await submit('Text the courier arrival time');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => voteForIdea.execute(db, f.executive.actor, { ideaId: id })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db
      .select()
      .from(ideaVotes)
      .where(and(eq(ideaVotes.organizationId, f.organizationId), eq(ideaVotes.ideaId, id)));
    expect(rows).toHaveLength(1);
    expect((await ideaForViewer(db, f.organizationId, f.lead.userId, id))?.votes).toBe(1);
  });

  it('sorts the board by votes, newest or recent activity, 50 to a page', async () => {
    const g = await makeOrganization(db, `Sort Co ${uniqueSuffix()}`);
    const ids: string[] = [];
    for (let i = 0; i < 52; i++) {
      ids.push(
        dataOf(
          await submitIdea.execute(db, g.staff.actor, {
            title: `Idea number ${i}`,
            change: 'Change it',
            departmentId: g.departmentA,
          }),
        ).id,
      );
    }
    dataOf(await voteForIdea.execute(db, g.lead.actor, { ideaId: ids[3] }));
    const q = (query: Record<string, string>) =>
      boardPage(db, g.organizationId, g.staff.userId, boardQuerySchema.parse(query));
    const byVotes = await q({});
    expect(byVotes.total).toBe(52);
    expect(byVotes.ideas).toHaveLength(50);
    expect(byVotes.ideas[0]!.id).toBe(ids[3]);
    expect((await q({ sort: 'newest' })).ideas[0]!.id).toBe(ids[51]);
    expect((await q({ sort: 'active' })).ideas[0]!.id).toBe(ids[3]);
    expect((await q({ page: '2' })).ideas).toHaveLength(2);
    expect((await q({ q: 'number 7' })).ideas.map((i) => i.id)).toEqual([ids[7]]);
  });
});

describe('status changes', () => {
  it('carries the official reply to the author and followers, once each, not to whoever moved it', async () => {
    const id = await submit('Bookmark in every parcel');
    dataOf(await run(voteForIdea, f.executive.actor, { ideaId: id }));
    dataOf(await run(changeIdeaStatus, f.lead.actor, { ideaId: id, status: 'accepted', reply: 'Yes: from next week' }));
    for (const userId of [f.staff.userId, f.executive.userId]) {
      expect(await noticesOf(userId, id)).toEqual([
        {
          kind: 'ideaStatus',
          actor: f.lead.userId,
          details: { title: 'Bookmark in every parcel', status: 'accepted', reply: 'Yes: from next week' },
        },
      ]);
    }
    expect(await noticesOf(f.lead.userId, id)).toEqual([]);
    const history = await ideaHistory(db, f.organizationId, id);
    expect(history.at(-1)).toMatchObject({
      kind: 'status',
      fromStatus: 'new',
      toStatus: 'accepted',
      reply: 'Yes: from next week',
    });
  });

  it('does not notify someone who unfollowed', async () => {
    const id = await submit('Quieter packaging tape');
    dataOf(await run(voteForIdea, f.executive.actor, { ideaId: id }));
    dataOf(await run(followIdea, f.executive.actor, { ideaId: id, following: false }));
    dataOf(await run(voteForIdea, f.executive.actor, { ideaId: id })); // voting again does not follow again
    dataOf(await run(changeIdeaStatus, f.lead.actor, { ideaId: id, status: 'under_review' }));
    expect(await noticesOf(f.executive.userId, id)).toEqual([]);
    expect(await noticesOf(f.staff.userId, id)).toHaveLength(1);
  });

  it('requires a reply to decline, and refuses a move the life of an idea does not allow', async () => {
    const id = await submit('Gold-plated boxes');
    expect(await run(changeIdeaStatus, f.lead.actor, { ideaId: id, status: 'declined', reply: '  ' })).toMatchObject({
      ok: false,
      fieldErrors: { reply: { key: 'validation.replyRequired' } },
    });
    expect(await run(changeIdeaStatus, f.lead.actor, { ideaId: id, status: 'shipped' })).toMatchObject({
      ok: false,
      fieldErrors: { status: { key: 'validation.ideaStatusTransition' } },
    });
    expect((await ideaForViewer(db, f.organizationId, f.staff.userId, id))?.status).toBe('new');
  });

  it('lets the author edit or withdraw only while the idea is new', async () => {
    const id = await submit('Label the fragile parcels');
    const edit = {
      ideaId: id,
      title: 'Label fragile parcels clearly',
      change: 'A red label',
      departmentId: f.departmentA,
    };
    dataOf(await run(editIdea, f.staff.actor, edit));
    dataOf(await run(changeIdeaStatus, f.executive.actor, { ideaId: id, status: 'under_review' }));
    expect(await run(editIdea, f.staff.actor, edit)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await run(withdrawIdea, f.staff.actor, { ideaId: id })).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('merging duplicates', () => {
  it('moves votes without double votes, comments with a note, follows, and tells the followers', async () => {
    const stays = await submit('Bookmarks for loyal customers');
    const dup = await submit('A bookmark as a thank-you', {}, f.lead.actor);
    const voter = await addMember(db, f.organizationId, 'staff', f.departmentA, `voter-${uniqueSuffix()}`);
    for (const actor of [f.executive.actor, voter.actor]) dataOf(await run(voteForIdea, actor, { ideaId: dup }));
    dataOf(await run(voteForIdea, f.executive.actor, { ideaId: stays }));
    const comment = dataOf(await run(commentOnIdea, voter.actor, { ideaId: dup, body: 'Yes please' })).id;

    dataOf(await run(mergeIdea, f.lead.actor, { ideaId: dup, intoIdeaId: stays }));

    const kept = await ideaForViewer(db, f.organizationId, f.staff.userId, stays);
    expect(kept?.votes).toBe(3 - 1); // the executive voted on both: one vote
    const merged = await ideaForViewer(db, f.organizationId, f.staff.userId, dup);
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: stays, votes: 0 });
    const comments = await commentsForViewer(db, f.organizationId, f.staff.userId, stays);
    expect(comments.find((c) => c.id === comment)).toMatchObject({ movedFromIdeaId: dup, body: 'Yes please' });
    // The voter of the duplicate now follows the idea that stays, and hears of the merge.
    expect(await noticesOf(voter.userId, stays)).toMatchObject([{ kind: 'ideaMerged' }]);
    expect(await noticesOf(f.staff.userId, stays)).toMatchObject([{ kind: 'ideaMerged' }]);
  });

  it('refuses merging into itself, into a merged idea, and a lead merging across departments', async () => {
    const a = await submit('Weekend deliveries');
    const b = await submit('Deliveries on Saturday');
    const c = await submit('Sunday deliveries too');
    expect(await run(mergeIdea, f.lead.actor, { ideaId: a, intoIdeaId: a })).toMatchObject({
      fieldErrors: { intoIdeaId: { key: 'validation.mergeIntoItself' } },
    });
    dataOf(await run(mergeIdea, f.lead.actor, { ideaId: b, intoIdeaId: a }));
    expect(await run(mergeIdea, f.lead.actor, { ideaId: c, intoIdeaId: b })).toMatchObject({
      fieldErrors: { intoIdeaId: { key: 'validation.mergeIntoClosed' } },
    });
    const inB = await submit('Weekend deliveries in B', { departmentId: f.departmentB });
    expect(await run(mergeIdea, f.lead.actor, { ideaId: c, intoIdeaId: inB })).toMatchObject({ code: 'forbidden' });
    dataOf(await run(mergeIdea, f.executive.actor, { ideaId: c, intoIdeaId: inB }));
  });
});

describe('comments', () => {
  it('hides an abusive comment from everyone but its author, who sees it marked hidden', async () => {
    const id = await submit('Free coffee at the counter');
    const comment = dataOf(await run(commentOnIdea, f.lead.actor, { ideaId: id, body: 'Rude words' })).id;
    dataOf(await run(hideComment, f.executive.actor, { commentId: comment }));
    const forStaff = await commentsForViewer(db, f.organizationId, f.staff.userId, id);
    expect(forStaff.find((c) => c.id === comment)).toMatchObject({ hidden: true, body: null });
    const forAuthor = await commentsForViewer(db, f.organizationId, f.lead.userId, id);
    expect(forAuthor.find((c) => c.id === comment)).toMatchObject({ hidden: true, body: 'Rude words', mine: true });
  });
});

describe('from idea to change', () => {
  async function weeks() {
    const organization = await findOrganization(db, f.organizationId);
    const current = weekOf(new Date(), organization!.timeZone, organization!.weekStartsOn);
    return { current, next: addWeeks(current, 1), later: addWeeks(current, IDEA_WEEKS_AHEAD + 1) };
  }
  const improvement = (ideaId: string | undefined, weekStart: string, departmentId = f.departmentA) => ({
    departmentId,
    weekStart,
    effectiveDate: weekStart,
    title: 'Bookmark in every parcel',
    ...(ideaId ? { sourceIdeaId: ideaId } : {}),
  });

  it('ships the idea when its improvement is logged, links both ways and tells the author', async () => {
    const g = await makeOrganization(db, `Ship Co ${uniqueSuffix()}`);
    const id = dataOf(
      await submitIdea.execute(db, g.staff.actor, {
        title: 'Bookmark for regulars',
        change: 'A bookmark',
        departmentId: g.departmentA,
      }),
    ).id;
    const organization = await findOrganization(db, g.organizationId);
    const current = weekOf(new Date(), organization!.timeZone, organization!.weekStartsOn);
    const logged = dataOf(
      await logImprovement.execute(db, g.lead.actor, {
        ...improvement(id, current, g.departmentA),
        sourceNote: '',
        ideaReply: '  Thank you, Sofiia: every parcel gets one from Monday.  ',
      }),
    );
    expect((await ideaForViewer(db, g.organizationId, g.staff.userId, id))?.status).toBe('shipped');
    const changes = await changesFromIdea(db, g.organizationId, id);
    expect(changes.improvements.map((i) => i.id)).toEqual([logged.id]);
    const [notice] = await db
      .select({ details: notifications.details })
      .from(notifications)
      .where(and(eq(notifications.organizationId, g.organizationId), eq(notifications.userId, g.staff.userId)));
    expect(notice?.details).toMatchObject({
      status: 'shipped',
      changeKind: 'improvement',
      changeId: logged.id,
      reply: 'Thank you, Sofiia: every parcel gets one from Monday.',
    });
    // The typed reply is the idea's official reply, like any status change's.
    expect((await ideaHistory(db, g.organizationId, id)).at(-1)).toMatchObject({
      toStatus: 'shipped',
      reply: 'Thank you, Sofiia: every parcel gets one from Monday.',
    });
  });

  it('may plan an idea for a coming free week, but nothing else logs the future', async () => {
    const { next, later } = await weeks();
    const id = await submit('Weekend pickup lockers');
    expect(await run(logImprovement, f.lead.actor, improvement(undefined, next))).toMatchObject({
      ok: false,
      fieldErrors: { weekStart: { key: 'validation.weekInFuture' } },
    });
    expect(await run(logImprovement, f.lead.actor, improvement(id, later))).toMatchObject({ ok: false });
    dataOf(await run(logImprovement, f.lead.actor, improvement(id, next)));
    expect((await ideaForViewer(db, f.organizationId, f.staff.userId, id))?.status).toBe('shipped');
  });

  it('puts the idea in progress when added to the plan, and ships it when the item is done', async () => {
    const id = await submit('Call customers back within the hour');
    const item = { title: 'Call-back within the hour', departmentId: f.departmentA, sourceIdeaId: id };
    const created = dataOf(await run(createPlanItem, f.lead.actor, item));
    expect((await ideaForViewer(db, f.organizationId, f.staff.userId, id))?.status).toBe('in_progress');
    dataOf(
      await run(updatePlanItemDetails, f.lead.actor, { planItemId: created.id, title: item.title, status: 'done' }),
    );
    expect((await ideaForViewer(db, f.organizationId, f.staff.userId, id))?.status).toBe('shipped');
    expect((await changesFromIdea(db, f.organizationId, id)).planItems.map((p) => p.id)).toEqual([created.id]);
    // Nobody typed a reply: each automatic move still carries one that says what the idea became.
    const moves = (await ideaHistory(db, f.organizationId, id)).filter((e) => e.kind === 'status');
    expect(moves.map((e) => [e.toStatus, e.reply])).toEqual([
      ['in_progress', 'Thank you: this idea is now “Call-back within the hour”, on its way.'],
      [
        'shipped',
        'Thank you: this idea is now “Call-back within the hour”, in place. Its impact card will show what it does for customers.',
      ],
    ]);
  });

  it('refuses an idea that was declined, and writes nothing', async () => {
    const id = await submit('Paint the vans gold');
    dataOf(await run(changeIdeaStatus, f.lead.actor, { ideaId: id, status: 'declined', reply: 'Too costly' }));
    const result = await run(createPlanItem, f.lead.actor, {
      title: 'Gold vans',
      departmentId: f.departmentA,
      sourceIdeaId: id,
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { sourceIdeaId: { key: 'validation.ideaClosed' } } });
    expect((await changesFromIdea(db, f.organizationId, id)).planItems).toEqual([]);
  });
});
