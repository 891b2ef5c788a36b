import { filtersOf } from '@/components/levers/register-url';
import { getDb } from '@/db/client';
import { currentMember } from '@/lib/auth/session';
import { toCsv } from '@/lib/csv/export';
import { can } from '@/lib/domain/permissions';
import { errorResponse } from '@/lib/http/errors';
import { rankedRegister } from '@/lib/levers/ranked-register';
import { publicOrigin } from '@/lib/public-origin';

const columns = [
  'id',
  'kind',
  'name',
  'state',
  'known_since',
  'effective_date',
  'department',
  'touchpoints',
  'metric',
  'direction',
  'rank',
  'ranked_by',
  'clear',
  'shrunk_effect',
  'effect',
  'effect_low',
  'effect_high',
  'estimate',
  'estimate_low',
  'estimate_high',
  'unit',
  'min_change',
  'n_before',
  'n_after',
  'verdict',
  'not_ranked_because',
  'description',
  'link',
] as const;

type Row = Record<(typeof columns)[number], string>;

const number = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

/**
 * GET /api/levers/export: the register as CSV (UTF-8), with the filters of its page (`kind`, `state`, `touchpoint`,
 * `department`): the ranked levers in their order, then the others with why they are not ranked. Effects in units of
 * each metric's minimum meaningful change (better positive); estimate and interval in the metric's own unit.
 */
export async function GET(request: Request) {
  const member = await currentMember();
  if (!member) return errorResponse({ code: 'unauthenticated' });
  if (!can(member.actor, 'lever.read')) return errorResponse({ code: 'forbidden' });
  const filters = filtersOf(Object.fromEntries(new URL(request.url).searchParams));
  const register = await rankedRegister(await getDb(), member.organization.id, filters);
  const origin = await publicOrigin();
  const base = (lever: (typeof register.unranked)[number] | (typeof register.ranked)[number]) => ({
    id: lever.id,
    kind: lever.kind,
    name: lever.name,
    state: lever.state,
    known_since: lever.knownSince ?? '',
    effective_date: lever.effectiveDate ?? '',
    department: lever.departmentName,
    touchpoints: lever.touchpoints.map((tp) => tp.name).join('; '),
    metric: lever.metric,
    direction: lever.direction,
    description: lever.description,
    link: `${origin}/levers/${lever.id}`,
  });
  const ranked: Row[] = register.ranked.map((lever) => ({
    ...base(lever),
    rank: String(lever.ranking.rank),
    ranked_by: register.by,
    clear: lever.ranking.clear ? 'yes' : 'no',
    shrunk_effect: number(lever.ranking.shrunk),
    effect: number(lever.ranking.scaled),
    effect_low: number(lever.ranking.scaledLow),
    effect_high: number(lever.ranking.scaledHigh),
    estimate: number(lever.target.estimate),
    estimate_low: number(lever.target.low),
    estimate_high: number(lever.target.high),
    unit: lever.target.unit,
    min_change: number(lever.target.minChange),
    n_before: String(lever.target.before.n),
    n_after: String(lever.target.after.n),
    verdict: lever.target.verdict,
    not_ranked_because: '',
  }));
  const unranked: Row[] = register.unranked.map((lever) => {
    const target = lever.card?.metrics.find((m) => m.target) ?? lever.card?.metrics[0];
    return {
      ...base(lever),
      rank: '',
      ranked_by: '',
      clear: '',
      shrunk_effect: '',
      effect: '',
      effect_low: '',
      effect_high: '',
      estimate: number(target?.estimate),
      estimate_low: number(target?.low),
      estimate_high: number(target?.high),
      unit: target?.unit ?? '',
      min_change: number(target?.minChange),
      n_before: target ? String(target.before.n) : '',
      n_after: target ? String(target.after.n) : '',
      verdict: target?.verdict ?? '',
      not_ranked_because: lever.reason,
    };
  });
  const csv = toCsv(
    columns,
    [...ranked, ...unranked].map((row) => columns.map((c) => row[c])),
  );
  const file = `touchpoint-levers-${member.organization.slug}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file}"`,
      'Cache-Control': 'no-store',
    },
  });
}
