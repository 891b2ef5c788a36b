import { z } from 'zod';
import { getDb } from '@/db/client';
import { listImprovements } from '@/db/queries/weekly';
import { currentMember } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { errorResponse } from '@/lib/http/errors';
import { type ImprovementJson, type JsonResponse, jsonResponse } from '@/lib/http/json';

/** GET /api/weekly/improvements/<id>: one improvement in full, from the caller's organization only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = await currentMember();
  if (!member) return errorResponse({ code: 'unauthenticated' });
  if (!can(member.actor, 'weekly.read')) return errorResponse({ code: 'forbidden' });
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!id.success) return errorResponse({ code: 'not_found' });
  const [improvement] = await listImprovements(await getDb(), member.organization.id, { improvementId: id.data });
  if (!improvement) return errorResponse({ code: 'not_found' });
  return jsonResponse(improvement, {
    headers: { 'Cache-Control': 'no-store' },
  }) satisfies JsonResponse<ImprovementJson>;
}
