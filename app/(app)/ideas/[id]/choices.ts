import 'server-only';
import type { Database } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import type { IdeaView } from '@/db/queries/idea-board';
import { listTouchpoints } from '@/db/queries/journey';
import type { Member } from '@/lib/auth/session';
import { firstMergeCandidates, mergeScope } from '@/lib/ideas/merge-candidates';

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

/** The merge form's scope and the candidates it offers before anything is typed. */
export async function mergeChoices(db: Database, member: Member, idea: IdeaView) {
  return { scope: mergeScope(member).scope, candidates: await firstMergeCandidates(db, member, idea) };
}
