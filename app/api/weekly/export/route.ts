import { getDb } from '@/db/client';
import { listTouchpoints } from '@/db/queries/journey';
import { listImprovements } from '@/db/queries/weekly';
import { currentMember } from '@/lib/auth/session';
import { toCsv } from '@/lib/csv/export';
import { can } from '@/lib/domain/permissions';
import { errorResponse } from '@/lib/http/errors';
import { publicOrigin } from '@/lib/public-origin';

const columns = [
  'id',
  'week_start',
  'department_id',
  'department',
  'title',
  'process',
  'before',
  'after',
  'touchpoint_ids',
  'touchpoints',
  'metric',
  'business_metric',
  'direction',
  'source',
  'source_plan_item_id',
  'source_plan_item',
  'source_plan_item_link',
  'source_note',
  'owner_user_id',
  'owner',
  'effective_date',
  'late',
  'link',
  'created_at',
  'updated_at',
] as const;

/** GET /api/weekly/export: every improvement of the caller's organization as CSV (UTF-8), every field, ids and links. */
export async function GET() {
  const member = await currentMember();
  if (!member) return errorResponse({ code: 'unauthenticated' });
  if (!can(member.actor, 'weekly.read')) return errorResponse({ code: 'forbidden' });
  const db = await getDb();
  const [improvements, touchpoints] = await Promise.all([
    listImprovements(db, member.organization.id),
    listTouchpoints(db, member.organization.id, { includeArchived: true }),
  ]);
  const names = new Map(touchpoints.map((tp) => [tp.id, tp.name]));
  const origin = await publicOrigin();
  const rows: Record<(typeof columns)[number], string>[] = improvements.map((i) => ({
    id: i.id,
    week_start: i.weekStart,
    department_id: i.departmentId,
    department: i.departmentName,
    title: i.title,
    process: i.process,
    before: i.before,
    after: i.after,
    touchpoint_ids: i.touchpointIds.join(';'),
    touchpoints: i.touchpointIds.map((id) => names.get(id) ?? id).join(';'),
    metric: i.metric ?? '',
    business_metric: i.businessMetric ?? '',
    direction: i.direction ?? '',
    source: i.source ?? '',
    source_plan_item_id: i.sourcePlanItemId ?? '',
    source_plan_item: i.sourcePlanItemTitle ?? '',
    source_plan_item_link: i.sourcePlanItemId ? `${origin}/plans/${i.departmentId}#item-${i.sourcePlanItemId}` : '',
    source_note: i.sourceNote,
    owner_user_id: i.ownerUserId ?? '',
    owner: i.ownerName ?? '',
    effective_date: i.effectiveDate,
    late: i.late ? 'yes' : 'no',
    link: `${origin}/weekly/${i.weekStart}`,
    created_at: i.createdAt.toISOString(),
    updated_at: i.updatedAt.toISOString(),
  }));
  const csv = toCsv(
    columns,
    rows.map((row) => columns.map((c) => row[c])),
  );
  const file = `touchpoint-improvements-${member.organization.slug}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file}"`,
      'Cache-Control': 'no-store',
    },
  });
}
