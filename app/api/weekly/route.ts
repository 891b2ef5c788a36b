import { getDb } from '@/db/client';
import { weeklyGrid } from '@/db/queries/weekly-grid';
import { currentMember } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { gridQuerySchema } from '@/lib/validation/weekly';

/** GET /api/weekly?to=YYYY-MM-DD&weeks=12: the grid's data for the signed-in member's organization. */
export async function GET(request: Request) {
  const member = await currentMember();
  if (!member) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(member.actor, 'weekly.read')) return Response.json({ error: 'forbidden' }, { status: 403 });
  const parsed = gridQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json({ error: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const grid = await weeklyGrid(await getDb(), member.organization, member.actor, {
    lastWeek: parsed.data.to,
    count: parsed.data.weeks,
  });
  return Response.json(grid, { headers: { 'Cache-Control': 'no-store' } });
}
