import 'server-only';
import type { Database } from '@/db/client';
import { tellIdeaFollowers } from '@/db/queries/idea-notices';
import { ideaOfChange } from '@/db/queries/ideas';
import { apiMessage } from '@/lib/api/messages';
import type { ImpactCard } from '@/lib/impact/card-schema';
import { impactSentence } from '@/lib/impact/sentence';

/** Verdicts that are an answer; "collecting" and "not enough data" are still waiting for one. */
const answered = new Set(['better', 'worse', 'too-small', 'no-change', 'inconclusive']);

/**
 * When a recomputed card of a change that came from an idea reaches a verdict on its first metric (the declared
 * target), the idea's author and followers are told, with the card's sentence, once per verdict. Runs in the
 * transaction that stores the card and its verdict.
 */
export async function tellIdeasOfVerdicts(
  tx: Database,
  organizationId: string,
  computed: readonly {
    change: { kind: 'improvement' | 'plan-item' | 'lever'; id: string };
    previous: ImpactCard | null;
    card: ImpactCard;
  }[],
) {
  for (const { change, previous, card } of computed) {
    const metric = card.status === 'measured' ? card.metrics[0] : undefined;
    if (!metric || !answered.has(metric.verdict)) continue;
    const before = previous?.metrics.find((m) => m.metric === metric.metric)?.verdict;
    if (before === metric.verdict) continue;
    const idea = await ideaOfChange(tx, organizationId, change);
    if (!idea) continue;
    const sentence = impactSentence(
      metric,
      { touchpoints: metric.touchpoints.map((t) => t.name), afterWeeks: card.windows.afterWeeks },
      (key, values) => apiMessage(key, values),
    );
    await tellIdeaFollowers(tx, organizationId, idea, {
      kind: 'ideaVerdict',
      eventKey: `verdict:${change.kind}:${change.id}:${metric.metric}:${metric.verdict}`,
      actorUserId: null,
      details: {
        verdict: metric.verdict,
        sentence,
        changeKind: change.kind,
        changeId: change.id,
        changeTitle: idea.changeTitle,
      },
    });
  }
}
