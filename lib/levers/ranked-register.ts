import 'server-only';
import type { Database } from '@/db/client';
import { impactOrganization } from '@/db/queries/impact';
import { type LeverFilters, leverRegister, type LeverWithImpact } from '@/db/queries/levers';
import { type Ranked, rankLevers } from '@/lib/domain/lever-ranking';
import type { MetricImpact } from '@/lib/impact/card-schema';
import { defaultThresholds } from '@/lib/impact/settings';

/**
 * Why a lever is not ranked: planned or open (not a change yet), its card not computed yet (waiting), no
 * touchpoints, no answers on its target metric before the change (no baseline: in place before the first answers),
 * its after window still running (collecting), or no effect measurable after it (no answers after the change).
 */
export type UnrankedReason =
  'planned' | 'open' | 'waiting' | 'no-touchpoints' | 'no-baseline' | 'collecting' | 'no-answers';

export type RankedLever = LeverWithImpact & { ranking: Ranked; target: MetricImpact };
export type UnrankedLever = LeverWithImpact & { reason: UnrankedReason };

/** The lever's declared target metric on its card, when the card measured it. */
export function targetOf(lever: LeverWithImpact): MetricImpact | null {
  return lever.card?.metrics.find((m) => m.target) ?? null;
}

/** Why a lever in effect cannot be ranked, or null when its target metric has a measured effect. */
function reasonOf(lever: LeverWithImpact, target: MetricImpact | null): UnrankedReason | null {
  if (lever.state === 'planned' || lever.state === 'open') return lever.state;
  if (!lever.card) return 'waiting';
  if (lever.card.status === 'no-touchpoints') return 'no-touchpoints';
  if (!target || target.before.n === 0) return 'no-baseline';
  if (target.verdict === 'collecting') return 'collecting';
  if (target.estimate === null || target.se === null) return 'no-answers';
  return null;
}

/**
 * The register as the page and the API show it: the measured levers ranked by what they did on their target metric
 * (lib/domain/lever-ranking.ts, with the organization's minimum meaningful change per metric), each with its
 * card's target metric entry (the answers behind it); the others, by name, with the reason they are not ranked.
 */
export async function rankedRegister(
  db: Database,
  organizationId: string,
  filters: LeverFilters = {},
): Promise<{ by: 'shrunk' | 'lower-bound'; ranked: RankedLever[]; unranked: UnrankedLever[] }> {
  const [levers, organization] = await Promise.all([
    leverRegister(db, organizationId, filters),
    impactOrganization(db, organizationId),
  ]);
  const thresholds = organization?.settings.thresholds ?? defaultThresholds;
  const reasons = new Map(levers.map((lever) => [lever.id, reasonOf(lever, targetOf(lever))]));
  const measured = levers.filter((lever) => reasons.get(lever.id) === null);
  const { ranked, by } = rankLevers(
    measured.map((lever) => {
      const target = targetOf(lever)!;
      return {
        id: lever.id,
        estimate: target.estimate,
        se: target.se,
        low: target.low,
        high: target.high,
        p: target.p,
        minChange: thresholds[target.measure].minChange,
        direction: target.direction,
      };
    }),
  );
  const byId = new Map(levers.map((lever) => [lever.id, lever]));
  const rankedIds = new Set(ranked.map((r) => r.id));
  return {
    by,
    ranked: ranked.map((ranking) => {
      const lever = byId.get(ranking.id)!;
      return { ...lever, ranking, target: targetOf(lever)! };
    }),
    // In name order, each with its reason (a measured effect the ranking could not place counts as none measured).
    unranked: levers
      .filter((lever) => !rankedIds.has(lever.id))
      .map((lever) => ({ ...lever, reason: reasons.get(lever.id) ?? 'no-answers' })),
  };
}
