import type { SimilarIdeasBody } from '@/components/ideas/similar-ideas';
import { getDb } from '@/db/client';
import { similarIdeas } from '@/db/queries/idea-board';
import { currentMember } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { errorResponse } from '@/lib/http/errors';
import { type JsonResponse, jsonResponse } from '@/lib/http/json';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { similarQuerySchema } from '@/lib/validation/ideas';

/** GET /api/ideas/similar?title=…: open ideas of the caller's organization whose words the title being typed shares. */
export async function GET(request: Request) {
  const member = await currentMember();
  if (!member) return errorResponse({ code: 'unauthenticated' });
  if (!can(member.actor, 'idea.read')) return errorResponse({ code: 'forbidden' });
  const parsed = similarQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return errorResponse({ code: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) });
  const ideas = await similarIdeas(await getDb(), member.organization.id, member.actor.userId, parsed.data.title);
  return jsonResponse({ ideas }, { headers: { 'Cache-Control': 'no-store' } }) satisfies JsonResponse<SimilarIdeasBody>;
}
