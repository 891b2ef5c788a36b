import { getDb } from '@/db/client';
import { weeklyGridData } from '@/db/queries/weekly-grid';
import { currentMember } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { withLogRights } from '@/lib/domain/weekly';
import { errorResponse } from '@/lib/http/errors';
import { type JsonResponse, jsonResponse, type WeeklyGridJson } from '@/lib/http/json';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { gridQuerySchema } from '@/lib/validation/weekly';

/** GET /api/weekly?to=YYYY-MM-DD&weeks=12: the grid's data for the signed-in member's organization. */
export async function GET(request: Request) {
  const member = await currentMember();
  if (!member) return errorResponse({ code: 'unauthenticated' });
  if (!can(member.actor, 'weekly.read')) return errorResponse({ code: 'forbidden' });
  const parsed = gridQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return errorResponse({ code: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) });
  const data = await weeklyGridData(await getDb(), member.organization, {
    lastWeek: parsed.data.to,
    count: parsed.data.weeks,
  });
  return jsonResponse(withLogRights(data, member.actor), {
    headers: { 'Cache-Control': 'no-store' },
  }) satisfies JsonResponse<WeeklyGridJson>;
}
