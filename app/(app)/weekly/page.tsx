import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { WeeklyGrid } from '@/components/weekly/weekly-grid';
import { getDb } from '@/db/client';
import { listTouchpoints } from '@/db/queries/journey';
import { listMembers } from '@/db/queries/members';
import { listPlanItems } from '@/db/queries/plans';
import { weeklyGridData } from '@/db/queries/weekly-grid';
import { requirePermission } from '@/lib/auth/session';
import { withLogRights } from '@/lib/domain/weekly';
import { dateIn } from '@/lib/domain/weeks';
import { logImprovementAction, saveImprovementAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('weekly'))('title') };
}

export default async function WeeklyPage() {
  const member = await requirePermission('weekly.read');
  const t = await getTranslations('weekly');
  const db = await getDb();
  const organization = member.organization;
  const [grid, touchpoints, members, planItems] = await Promise.all([
    weeklyGridData(db, organization, { count: 12 }).then((data) => withLogRights(data, member.actor)),
    listTouchpoints(db, organization.id),
    listMembers(db, organization.id),
    listPlanItems(db, organization.id),
  ]);
  const planItemsByDepartment: Record<string, { value: string; label: string }[]> = {};
  for (const item of planItems.filter((i) => i.status !== 'dropped')) {
    (planItemsByDepartment[item.departmentId] ??= []).push({ value: item.id, label: item.title });
  }
  const choices = {
    touchpoints: touchpoints.map((tp) => ({ value: tp.id, label: tp.name })),
    members: members.map((m) => ({ value: m.userId, label: m.name })),
    planItems: planItemsByDepartment,
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/weekly/${grid.currentWeek}`} className={buttonClass('secondary', 'sm')}>
              {t('weekSummary')}
            </Link>
            <a href="/api/weekly/export" className={buttonClass('secondary', 'sm')} download>
              {t('exportCsv')}
            </a>
          </div>
        }
      />
      <WeeklyGrid
        initial={grid}
        choices={choices}
        today={dateIn(new Date(), organization.timeZone)}
        actions={{ log: logImprovementAction, save: saveImprovementAction }}
      />
    </>
  );
}
