import 'server-only';
import type { Database } from '@/db/client';
import { followersOf } from './follows';
import type { IdeaForCommand } from './ideas';
import { notify } from './stored-notifications';

export type IdeaNoticeKind = 'ideaStatus' | 'ideaComment' | 'ideaMerged' | 'ideaVerdict';

/**
 * Tells the followers of an idea (its author and voters follow it by default, and an unfollow holds), once per
 * person for this event, in the caller's transaction. The notice never names an anonymous author: its actor is
 * null for what the anonymous author did.
 */
export async function tellIdeaFollowers(
  db: Database,
  organizationId: string,
  idea: Pick<IdeaForCommand, 'id' | 'title'>,
  notice: {
    kind: IdeaNoticeKind;
    eventKey: string;
    /** Who the notice names as having done it: null for the system or an anonymous author. */
    actorUserId: string | null;
    /** Who did it, when the notice does not name them: they are not told of their own doing. */
    doneBy?: string;
    details?: Record<string, string | null>;
  },
): Promise<number> {
  const followers = await followersOf(db, organizationId, 'idea', idea.id);
  return notify(
    db,
    organizationId,
    followers,
    {
      kind: notice.kind,
      subjectType: 'idea',
      subjectId: idea.id,
      eventKey: notice.eventKey,
      actorUserId: notice.actorUserId,
      details: { title: idea.title, ...notice.details },
    },
    notice.doneBy ?? notice.actorUserId,
  );
}
