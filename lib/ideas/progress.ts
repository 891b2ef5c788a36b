import 'server-only';
import type { Database } from '@/db/client';
import { tellIdeaFollowers } from '@/db/queries/idea-notices';
import { findIdeaForCommand, insertIdeaEvent, setIdeaStatus } from '@/db/queries/ideas';
import { refuse } from '@/lib/auth/errors';
import { mayBecomeChange } from '@/lib/domain/ideas';
import { englishMessage } from '@/lib/i18n/english';

/** The change an idea became: an improvement of a week, or an item of a department's plan. */
export interface ChangeFromIdea {
  kind: 'improvement' | 'plan-item';
  id: string;
  title: string;
  /** Shipped: the improvement is logged or the plan item done; otherwise the idea is in progress. */
  shipped: boolean;
  /** The official reply typed by the person who made the change; empty or absent, one that says what it became. */
  reply?: string;
}

/**
 * The idea an improvement or plan item comes from, checked before it is linked: in the organization, and still open
 * to become a change (new, under review, accepted, or in progress by another change). Refused next to the field.
 */
export async function ideaToLink(tx: Database, organizationId: string, ideaId: string) {
  const idea = await findIdeaForCommand(tx, organizationId, ideaId);
  if (!idea) throw refuse.field('sourceIdeaId', 'validation.notFound');
  if (!mayBecomeChange(idea.status) && idea.status !== 'in_progress' && idea.status !== 'shipped')
    throw refuse.field('sourceIdeaId', 'validation.ideaClosed');
  return idea;
}

/**
 * Moves the idea along with the change it became, in the change's transaction: in progress when planned, shipped when
 * logged or done. Like every status change it carries an official reply (the one typed, else one saying what the idea
 * became), shown on the idea and sent to the author and followers. An idea already there (or shipped) does not move
 * back.
 */
export async function ideaBecame(
  tx: Database,
  organizationId: string,
  ideaId: string,
  actorUserId: string,
  change: ChangeFromIdea,
) {
  const idea = await ideaToLink(tx, organizationId, ideaId);
  const to = change.shipped ? 'shipped' : 'in_progress';
  if (idea.status === to || idea.status === 'shipped') return;
  const reply =
    change.reply?.trim() ||
    englishMessage(change.shipped ? 'ideas.autoReply.shipped' : 'ideas.autoReply.inProgress', { title: change.title });
  await setIdeaStatus(tx, organizationId, idea.id, to);
  const eventId = await insertIdeaEvent(tx, organizationId, idea.id, {
    kind: 'status',
    actorUserId,
    fromStatus: idea.status,
    toStatus: to,
    otherIdeaId: null,
    reply,
  });
  await tellIdeaFollowers(tx, organizationId, idea, {
    kind: 'ideaStatus',
    eventKey: `idea-event:${eventId}`,
    actorUserId,
    details: { status: to, reply, changeKind: change.kind, changeId: change.id, changeTitle: change.title },
  });
}
