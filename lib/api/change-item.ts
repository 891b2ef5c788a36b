import type { ImpactCard, MetricImpact } from '@/lib/impact/card-schema';
import type { ChangeRecord } from '@/lib/impact/change';
import { impactSentence, type SentenceContext, type Translate } from '@/lib/impact/sentence';
import type { ApiImpact, ApiMetricImpact, ChangeItem } from './changes-schema';
import { apiMessage } from './messages';

/** The sentences are the app's own, in English, from the same catalog. */
const english: Translate = (key, values) => apiMessage(key, values);

/** One metric as the API serves it: exactly the documented fields, in the documented order. */
function apiMetricOf(metric: MetricImpact, context: SentenceContext): ApiMetricImpact {
  return {
    metric: metric.metric,
    target: metric.target,
    estimator: metric.estimator,
    estimate: metric.estimate,
    low: metric.low,
    high: metric.high,
    se: metric.se,
    p: metric.p,
    pAdjusted: metric.pAdjusted,
    phi: metric.phi,
    unit: metric.unit,
    before: metric.before,
    after: metric.after,
    comparison: metric.comparison,
    verdict: metric.verdict,
    sentence: impactSentence(metric, context, english),
    warnings: metric.warnings,
    settle: metric.settle,
  };
}

/** A change's card (null before it is first computed) as the read API serves it, for changes and levers alike. */
export function apiImpactOf(
  impact: { card: ImpactCard; stale: boolean } | null,
  touchpoints: readonly { name: string }[],
): ApiImpact | null {
  return (
    impact && {
      windows: impact.card.windows,
      stale: impact.stale,
      metrics: impact.card.metrics.map((metric) =>
        apiMetricOf(metric, {
          touchpoints: touchpoints.map((t) => t.name),
          afterWeeks: impact.card.windows.afterWeeks,
        }),
      ),
    }
  );
}

/** A change and its card (null before the card is first computed) as one item of the read API. */
export function changeItemOf(change: ChangeRecord, impact: { card: ImpactCard; stale: boolean } | null): ChangeItem {
  return {
    kind: change.kind,
    id: change.id,
    title: change.title,
    date: change.date,
    department: { id: change.departmentId, name: change.departmentName },
    touchpoints: change.touchpoints,
    impact: apiImpactOf(impact, change.touchpoints),
  };
}
