import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { ideaForViewer } from '@/db/queries/idea-board';
import { requirePermission } from '@/lib/auth/session';
import { mayBecomeChange } from '@/lib/domain/ideas';
import { can, type Permission } from '@/lib/domain/permissions';

/**
 * The idea a "make it an improvement" or "add to the plan" page starts from: in the member's organization, still
 * open to become a change, and the member may write for its department (else the refusal page).
 */
export async function ideaForChange(params: Promise<{ id: string }>, permission: Permission) {
  const member = await requirePermission('idea.read');
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  const idea = await ideaForViewer(db, member.organization.id, member.actor.userId, id.data);
  if (!idea) notFound();
  if (!can(member.actor, permission, { departmentId: idea.departmentId })) redirect('/forbidden');
  return { member, db, idea, open: mayBecomeChange(idea.status) || idea.status === 'in_progress' };
}
