import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ImpactSummary } from '@/components/impact/impact-summary';
import { buttonClass } from '@/components/ui/button';
import type { Database } from '@/db/client';
import { changesFromIdea, type IdeaView } from '@/db/queries/idea-board';
import { storedCards } from '@/db/queries/impact';
import { mayBecomeChange } from '@/lib/domain/ideas';
import { type Actor, can } from '@/lib/domain/permissions';
import { impactSummaryOf } from '@/lib/impact/summary';

/**
 * From idea to change and back, on the idea's page: "Make it an improvement" and "Add to the plan" for whoever writes
 * for its department, and the improvement or plan item it became, with its stored impact card: what it did.
 */
export async function IdeaChangePanel({
  db,
  organizationId,
  actor,
  idea,
}: {
  db: Database;
  organizationId: string;
  actor: Actor;
  idea: Pick<IdeaView, 'id' | 'title' | 'status' | 'departmentId'>;
}) {
  const t = await getTranslations('ideas.toChange');
  const { improvements, planItems } = await changesFromIdea(db, organizationId, idea.id);
  const changes = [
    ...improvements.map((i) => ({
      kind: 'improvement' as const,
      id: i.id,
      title: i.title,
      note: t('weekOf', { week: i.weekStart }),
    })),
    ...planItems.map((p) => ({
      kind: 'plan-item' as const,
      id: p.id,
      title: p.title,
      note: t('planItemStatus', { status: p.status }),
    })),
  ];
  const cards = await storedCards(
    db,
    organizationId,
    changes.map(({ kind, id }) => ({ kind, id })),
  );
  const open = mayBecomeChange(idea.status) || (idea.status === 'in_progress' && improvements.length === 0);
  const mayLog = open && can(actor, 'weekly.log', { departmentId: idea.departmentId });
  const mayPlan = open && planItems.length === 0 && can(actor, 'plan.edit', { departmentId: idea.departmentId });
  if (changes.length === 0 && !mayLog && !mayPlan) return null;
  return (
    <section aria-labelledby="idea-change" className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <h2 id="idea-change" className="text-base font-semibold">
        {changes.length > 0 ? t('became') : t('makeItHappen')}
      </h2>
      {changes.map((change) => (
        <div key={`${change.kind}:${change.id}`} className="space-y-2">
          <p className="text-sm">
            <Link href={`/changes/${change.kind}/${change.id}`} className="font-medium text-brand-700 underline">
              {change.title}
            </Link>{' '}
            <span className="text-slate-600">
              ({t(change.kind === 'improvement' ? 'improvement' : 'planItem')}, {change.note})
            </span>
          </p>
          <ImpactSummary
            labelled
            summary={impactSummaryOf(cards.get(`${change.kind}:${change.id}`))}
            href={`/changes/${change.kind}/${change.id}`}
            title={change.title}
          />
        </div>
      ))}
      {mayLog || mayPlan ? (
        <div className="flex flex-wrap gap-2">
          {mayLog ? (
            <Link href={`/ideas/${idea.id}/improvement`} className={buttonClass('primary', 'sm')}>
              {t('improvementTitle')}
            </Link>
          ) : null}
          {mayPlan ? (
            <Link href={`/ideas/${idea.id}/plan-item`} className={buttonClass('secondary', 'sm')}>
              {t('addToPlan')}
            </Link>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
