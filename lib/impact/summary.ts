/**
 * A stored impact card cut down to what a list shows for one change: its verdict and the numbers its sentence is
 * written from, for one metric. Lists (the touchpoint page, the week page, the plan) send this, not whole cards.
 */
import type { Metric } from '@/lib/domain/metrics';
import type { ImpactCard } from './card-schema';
import type { SentenceInput } from './sentence';

export interface ImpactSummary {
  status: ImpactCard['status'];
  /** The stored card waits for a recomputation: it may change within seconds. */
  stale: boolean;
  afterWeeks: number;
  /** The metric shown: the one asked for, else the card's first (its declared target, when it has one). */
  metric:
    | (SentenceInput & {
        target: boolean;
        /** The change's touchpoints, for the sentence ("NPS at Courier delivery …"). */
        touchpoints: string[];
      })
    | null;
}

/** The summary of a stored card; null while no card was ever computed. `metric` null: the card does not measure it. */
export function impactSummaryOf(
  stored: { card: ImpactCard | null; stale: boolean } | undefined,
  metric?: Metric,
): ImpactSummary | null {
  const card = stored?.card;
  if (!card) return null;
  const chosen = metric ? card.metrics.find((m) => m.metric === metric) : card.metrics[0];
  return {
    status: card.status,
    stale: stored.stale,
    afterWeeks: card.windows.afterWeeks,
    metric: chosen
      ? {
          metric: chosen.metric,
          target: chosen.target,
          verdict: chosen.verdict,
          collectingWeek: chosen.collectingWeek,
          estimator: chosen.estimator,
          estimate: chosen.estimate,
          low: chosen.low,
          high: chosen.high,
          unit: chosen.unit,
          minChange: chosen.minChange,
          before: chosen.before,
          after: chosen.after,
          settle: chosen.settle,
          joint: chosen.joint,
          touchpoints: chosen.touchpoints.map((t) => t.name),
        }
      : null,
  };
}
