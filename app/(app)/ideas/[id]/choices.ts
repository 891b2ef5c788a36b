import 'server-only';
import type { Database } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { boardPage, type IdeaView, similarIdeas } from '@/db/queries/idea-board';
import { listTouchpoints } from '@/db/queries/journey';
import type { Member } from '@/lib/auth/session';
import { permissionTable } from '@/lib/domain/permissions';

/** The departments and touchpoints an idea may be edited to name: those not archived. */
export async function editChoices(db: Database, organizationId: string) {
  const [departments, touchpoints] = await Promise.all([
    listDepartments(db, organizationId),
    listTouchpoints(db, organizationId),
  ]);
  return {
    departments: departments.map((d) => ({ value: d.id, label: d.name })),
    touchpoints: touchpoints.map((tp) => ({ value: tp.id, label: tp.name })),
  };
}

/**
 * The open ideas this one may be merged into: for an executive, those like it first and then the most voted of the
 * organization; for a lead, the most voted of their own department (a lead merges within it). At most 50 + 10:
 * there is no query yet that searches every open idea for a merge.
 */
export async function mergeCandidates(db: Database, member: Member, idea: IdeaView) {
  const acrossDepartments = permissionTable['idea.merge'][member.actor.role] === 'any';
  const scope = acrossDepartments ? ('organization' as const) : ('department' as const);
  const department = acrossDepartments ? undefined : (member.actor.departmentId ?? undefined);
  const organizationId = member.organization.id;
  const viewerId = member.actor.userId;
  const [like, top] = await Promise.all([
    acrossDepartments ? similarIdeas(db, organizationId, viewerId, idea.title, 10) : [],
    boardPage(db, organizationId, viewerId, { sort: 'votes', department, mine: false, page: 1 }),
  ]);
  const seen = new Set([idea.id]);
  const departmentOf = new Map(top.ideas.map((c) => [c.id, c.departmentName]));
  const candidates: { id: string; title: string; votes: number; departmentName: string | null }[] = [];
  for (const c of [...like, ...top.ideas]) {
    if (seen.has(c.id) || c.status === 'withdrawn' || c.status === 'merged') continue;
    seen.add(c.id);
    candidates.push({ id: c.id, title: c.title, votes: c.votes, departmentName: departmentOf.get(c.id) ?? null });
  }
  return { scope, candidates };
}
