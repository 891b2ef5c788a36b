import Link from 'next/link';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { loadPlanContext } from '@/app/(app)/plans/[departmentId]/plan-context';
import { PlanItemFromIdea } from '@/components/plans/plan-item-from-idea';
import { formChoices } from '@/components/plans/plan-view';
import { Card, PageHeader } from '@/components/ui/card';
import { ideaForChange } from '../idea-for-change';
import { addPlanItemFromIdea } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('ideas.toChange'))('planItemTitle') };
}

/** "Add to the plan": the plan item form of the idea's department, prefilled from the idea. */
export default async function PlanItemFromIdeaPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { member, db, idea, open } = await ideaForChange(params, 'plan.edit');
  const t = await getTranslations('ideas.toChange');
  const back = (
    <Link href={`/ideas/${idea.id}`} className="text-brand-700 underline">
      {t('back', { title: idea.title })}
    </Link>
  );
  if (!open) {
    return (
      <>
        <PageHeader title={t('planItemTitle')} />
        <Card>
          <p className="text-sm">{t('notOpen')}</p>
          <p className="mt-2 text-sm">{back}</p>
        </Card>
      </>
    );
  }
  const context = await loadPlanContext(db, member.organization);
  const choices = await formChoices(context, idea.departmentId, member.organization);
  const description = [idea.today, idea.change].filter(Boolean).join('\n\n').slice(0, 2000);
  return (
    <>
      <p className="mb-2 text-sm">{back}</p>
      <PageHeader title={t('planItemTitle')} description={t('planItemFor', { department: idea.departmentName })} />
      <PlanItemFromIdea
        departmentId={idea.departmentId}
        prefill={{
          title: idea.title,
          description,
          touchpointIds: idea.touchpointId ? [idea.touchpointId] : [],
          sourceIdeaId: idea.id,
        }}
        choices={choices}
        action={addPlanItemFromIdea}
      />
    </>
  );
}
