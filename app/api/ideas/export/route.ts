import { getDb } from '@/db/client';
import { ideasForExport } from '@/db/queries/idea-board';
import { currentMember } from '@/lib/auth/session';
import { toCsv } from '@/lib/csv/export';
import { can } from '@/lib/domain/permissions';
import { errorResponse } from '@/lib/http/errors';
import { publicOrigin } from '@/lib/public-origin';

const columns = [
  'id',
  'title',
  'status',
  'department',
  'touchpoint',
  'author',
  'votes',
  'comments',
  'today',
  'change',
  'merged_into_id',
  'link',
  'created_at',
] as const;

/**
 * GET /api/ideas/export: every idea of the caller's organization as CSV (UTF-8), newest first. An anonymous idea's
 * author is blank whoever exports, its own author included: the file may travel.
 */
export async function GET() {
  const member = await currentMember();
  if (!member) return errorResponse({ code: 'unauthenticated' });
  if (!can(member.actor, 'idea.read')) return errorResponse({ code: 'forbidden' });
  const ideas = await ideasForExport(await getDb(), member.organization.id);
  const origin = await publicOrigin();
  const rows: Record<(typeof columns)[number], string>[] = ideas.map((i) => ({
    id: i.id,
    title: i.title,
    status: i.status,
    department: i.department,
    touchpoint: i.touchpoint ?? '',
    author: i.author ?? '',
    votes: String(i.votes),
    comments: String(i.comments),
    today: i.today,
    change: i.change,
    merged_into_id: i.mergedIntoId ?? '',
    link: `${origin}/ideas/${i.id}`,
    created_at: i.createdAt.toISOString(),
  }));
  const csv = toCsv(
    columns,
    rows.map((row) => columns.map((c) => row[c])),
  );
  const file = `touchpoint-ideas-${member.organization.slug}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file}"`,
      'Cache-Control': 'no-store',
    },
  });
}
