import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { JourneyOverview } from '@/components/overview/journey-overview';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { currentGoal } from '@/db/queries/goal';
import { listStages, listTouchpoints } from '@/db/queries/journey';
import { openBlockersByTouchpoint } from '@/db/queries/levers';
import { listMembers } from '@/db/queries/members';
import { gridCells } from '@/db/queries/weekly';
import { requireMember } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { weekOf } from '@/lib/domain/weeks';

export async function generateMetadata() {
  return { title: (await getTranslations('overview'))('title') };
}

export default async function OverviewPage() {
  const member = await requireMember();
  const t = await getTranslations('overview');
  const tr = await getTranslations('roles');
  const db = await getDb();
  const orgId = member.organization.id;
  const firstDay = member.organization.weekStartsOn;
  const thisWeek = weekOf(new Date(), member.organization.timeZone, firstDay);
  const [departments, stages, touchpoints, members, weekCells, goal, openBlockers] = await Promise.all([
    listDepartments(db, orgId),
    listStages(db, orgId),
    listTouchpoints(db, orgId),
    listMembers(db, orgId),
    gridCells(db, orgId, thisWeek, thisWeek),
    currentGoal(db, orgId),
    openBlockersByTouchpoint(db, orgId),
  ]);
  const manages = can(member.actor, 'settings.read');
  const myDepartment = departments.find((d) => d.id === member.actor.departmentId);
  return (
    <>
      <PageHeader
        title={member.organization.name}
        description={t('welcome', {
          name: member.user.name.split(' ')[0] ?? member.user.name,
          role: tr(member.actor.role),
        })}
      />
      <div className="mb-4 grid gap-4 sm:grid-cols-2">
        <Link href="/weekly" className="rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
          <p className="text-sm text-slate-600">{t('thisWeek')}</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums">
            {t('areasLogged', {
              logged: new Set(weekCells.map((c) => c.departmentId)).size,
              total: departments.length,
            })}
          </p>
          <p className="mt-1 text-xs text-slate-500">{t('thisWeekHint')}</p>
        </Link>
        <Link href="/goal" className="rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
          <p className="text-sm text-slate-600">{t('goal')}</p>
          <p className="mt-1 text-base font-medium">{goal ? goal.statement : t('noGoal')}</p>
          {goal ? <p className="mt-1 text-xs text-slate-500">{t('goalVersion', { version: goal.version })}</p> : null}
        </Link>
      </div>
      <div className="grid grid-cols-3 gap-2 sm:gap-4">
        <Stat
          label={t('departments')}
          value={departments.length}
          detail={t('frontBack', {
            front: departments.filter((d) => d.stage === 'front').length,
            back: departments.filter((d) => d.stage === 'back').length,
          })}
        />
        <Stat label={t('touchpoints')} value={touchpoints.length} detail={t('inStages', { count: stages.length })} />
        <Stat
          label={t('members')}
          value={members.length}
          detail={myDepartment ? t('yourDepartment', { department: myDepartment.name }) : undefined}
        />
      </div>
      <Card
        className="mt-6"
        title={t('journeyTitle')}
        description={t('journeyDescription')}
        actions={
          manages ? (
            <Link href="/settings/journey" className="text-sm font-medium text-brand-700 underline">
              {t('manageJourney')}
            </Link>
          ) : null
        }
      >
        {stages.length === 0 ? (
          <EmptyState title={t('noJourney')}>{manages ? t('noJourneyExecutive') : t('noJourneyMember')}</EmptyState>
        ) : (
          <JourneyOverview stages={stages} touchpoints={touchpoints} openBlockers={openBlockers} />
        )}
      </Card>
      <Card
        className="mt-6"
        title={t('departmentsTitle')}
        actions={
          manages ? (
            <Link href="/settings/departments" className="text-sm font-medium text-brand-700 underline">
              {t('manageDepartments')}
            </Link>
          ) : null
        }
      >
        {departments.length === 0 ? (
          <EmptyState title={t('noDepartments')}>
            {manages ? t('noDepartmentsExecutive') : t('noJourneyMember')}
          </EmptyState>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {departments.map((d) => (
              <li key={d.id} className="rounded-md border border-slate-200 p-3">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-medium">{d.name}</span>
                  <Badge tone={d.stage === 'front' ? 'blue' : 'slate'}>
                    {t(d.stage === 'front' ? 'frontStage' : 'backStage')}
                  </Badge>
                </div>
                {d.description ? <p className="mt-1 text-sm text-slate-600">{d.description}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

function Stat({ label, value, detail }: { label: string; value: number; detail?: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <p className="truncate text-xs text-slate-600 sm:text-sm">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums sm:text-3xl">{value}</p>
      {detail ? <p className="mt-1 hidden text-xs text-slate-500 sm:block">{detail}</p> : null}
    </div>
  );
}
