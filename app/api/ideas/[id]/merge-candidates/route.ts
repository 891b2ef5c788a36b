import type { MergeCandidatesBody } from '@/components/ideas/merge-form';
import { getDb } from '@/db/client';
import { ideaForViewer } from '@/db/queries/idea-board';
import { currentMember } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { errorResponse } from '@/lib/http/errors';
import { type JsonResponse, jsonResponse } from '@/lib/http/json';
import { searchMergeCandidates } from '@/lib/ideas/merge-candidates';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { id as ideaId } from '@/lib/validation/common';
import { similarQuerySchema } from '@/lib/validation/ideas';

/**
 * GET /api/ideas/<id>/merge-candidates?title=…: the open ideas of the caller's organization (a lead's: of their
 * department) whose words match, for the person who may merge this idea; anyone else is refused.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = await currentMember();
  if (!member) return errorResponse({ code: 'unauthenticated' });
  const id = ideaId.safeParse((await params).id);
  if (!id.success) return errorResponse({ code: 'not_found' });
  const parsed = similarQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return errorResponse({ code: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) });
  const db = await getDb();
  const idea = await ideaForViewer(db, member.organization.id, member.actor.userId, id.data);
  if (!idea) return errorResponse({ code: 'not_found' });
  if (!can(member.actor, 'idea.merge', { departmentId: idea.departmentId }))
    return errorResponse({ code: 'forbidden' });
  const candidates = await searchMergeCandidates(db, member, idea.id, parsed.data.title);
  return jsonResponse(
    { candidates },
    { headers: { 'Cache-Control': 'no-store' } },
  ) satisfies JsonResponse<MergeCandidatesBody>;
}
