import 'server-only';
import type { Database } from '@/db/client';
import { boardPage, similarIdeas } from '@/db/queries/idea-board';
import type { Member } from '@/lib/auth/session';
import { permissionTable } from '@/lib/domain/permissions';

/** An open idea a duplicate may be merged into, as the merge form lists it. */
export interface MergeCandidate {
  id: string;
  title: string;
  votes: number;
  departmentName: string;
}

/** Where a member may look for the idea that stays: an executive anywhere, a lead within their own department. */
export function mergeScope(member: Member) {
  return permissionTable['idea.merge'][member.actor.role] === 'any'
    ? { scope: 'organization' as const, departmentId: undefined }
    : { scope: 'department' as const, departmentId: member.actor.departmentId ?? undefined };
}

/** The open ideas, other than `ideaId`, whose words match those typed: the merge form's search over every open idea. */
export async function searchMergeCandidates(
  db: Database,
  member: Member,
  ideaId: string,
  words: string,
): Promise<MergeCandidate[]> {
  const { departmentId } = mergeScope(member);
  const found = await similarIdeas(db, member.organization.id, member.actor.userId, words, { limit: 21, departmentId });
  return found
    .filter((c) => c.id !== ideaId)
    .slice(0, 20)
    .map(candidateOf);
}

/**
 * The candidates offered before anything is typed: those like the idea's own title first, then the most voted of the
 * scope (the organization for an executive, the lead's department for a lead). Any other open idea is found by words.
 */
export async function firstMergeCandidates(
  db: Database,
  member: Member,
  idea: { id: string; title: string },
): Promise<MergeCandidate[]> {
  const { departmentId } = mergeScope(member);
  const organizationId = member.organization.id;
  const viewerId = member.actor.userId;
  const [like, top] = await Promise.all([
    similarIdeas(db, organizationId, viewerId, idea.title, { limit: 10, departmentId }),
    boardPage(db, organizationId, viewerId, { sort: 'votes', department: departmentId, mine: false, page: 1 }),
  ]);
  const seen = new Set([idea.id]);
  const candidates: MergeCandidate[] = [];
  for (const c of [...like, ...top.ideas]) {
    if (seen.has(c.id) || c.status === 'withdrawn' || c.status === 'merged') continue;
    seen.add(c.id);
    candidates.push(candidateOf(c));
  }
  return candidates;
}

const candidateOf = (c: MergeCandidate): MergeCandidate => ({
  id: c.id,
  title: c.title,
  votes: c.votes,
  departmentName: c.departmentName,
});
