import Link from 'next/link';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { ImprovementFromIdea } from '@/components/weekly/improvement-from-idea';
import { listTouchpoints } from '@/db/queries/journey';
import { listMembers } from '@/db/queries/members';
import { gridCells } from '@/db/queries/weekly';
import { IDEA_WEEKS_AHEAD, weekForIdea } from '@/lib/domain/weekly';
import { addWeeks, dateIn, weekOf } from '@/lib/domain/weeks';
import { ideaForChange } from '../idea-for-change';
import { logImprovementFromIdea } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('ideas.toChange'))('improvementTitle') };
}

/** "Make it an improvement": the weekly form for the idea's area, this week or the next week it has free. */
export default async function ImprovementFromIdeaPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { member, db, idea, open } = await ideaForChange(params, 'weekly.log');
  const t = await getTranslations('ideas.toChange');
  const organization = member.organization;
  const current = weekOf(new Date(), organization.timeZone, organization.weekStartsOn);
  const [cells, touchpoints, members] = await Promise.all([
    gridCells(db, organization.id, current, addWeeks(current, IDEA_WEEKS_AHEAD)),
    listTouchpoints(db, organization.id),
    listMembers(db, organization.id),
  ]);
  const taken = new Set(cells.filter((c) => c.departmentId === idea.departmentId).map((c) => c.weekStart));
  const week = weekForIdea(current, taken);
  const back = (
    <Link href={`/ideas/${idea.id}`} className="text-brand-700 underline">
      {t('back', { title: idea.title })}
    </Link>
  );
  if (!open || !week) {
    return (
      <>
        <PageHeader title={t('improvementTitle')} />
        <Card>
          <p className="text-sm">{open ? t('noFreeWeek', { weeks: IDEA_WEEKS_AHEAD }) : t('notOpen')}</p>
          <p className="mt-2 text-sm">{back}</p>
        </Card>
      </>
    );
  }
  const today = dateIn(new Date(), organization.timeZone);
  return (
    <>
      <p className="mb-2 text-sm">{back}</p>
      <PageHeader
        title={t('improvementTitle')}
        description={
          week === current
            ? t('thisWeek', { department: idea.departmentName, week })
            : t('nextFreeWeek', { department: idea.departmentName, week })
        }
      />
      <Card>
        <ImprovementFromIdea
          ideaId={idea.id}
          departmentId={idea.departmentId}
          choices={{
            touchpoints: touchpoints.filter((tp) => !tp.archived).map((tp) => ({ value: tp.id, label: tp.name })),
            members: members.map((m) => ({ value: m.userId, label: m.name })),
            planItems: {},
          }}
          draft={{
            departmentId: idea.departmentId,
            weekStart: week,
            sourceIdeaId: idea.id,
            title: idea.title,
            before: idea.today.slice(0, 500),
            after: idea.change.slice(0, 500),
            touchpointIds: idea.touchpointId ? [idea.touchpointId] : [],
            source: 'idea',
            effectiveDate: week === current ? today : week,
          }}
          action={logImprovementFromIdea}
        />
      </Card>
    </>
  );
}
