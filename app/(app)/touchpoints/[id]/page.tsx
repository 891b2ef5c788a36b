import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OpenBlockers } from '@/components/levers/open-blockers';
import { TouchpointMetrics } from '@/components/metrics/touchpoint-metrics';
import { buttonClass } from '@/components/ui/button';
import { Badge, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { openBlockersByTouchpoint } from '@/db/queries/levers';
import { touchpointChart, touchpointSummary } from '@/db/queries/touchpoint-chart';
import { requirePermission } from '@/lib/auth/session';
import { lastMonths } from '@/lib/domain/chart-buckets';
import { can } from '@/lib/domain/permissions';
import { dateIn } from '@/lib/domain/weeks';
import { id as idSchema } from '@/lib/validation/common';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params) {
  const member = await requirePermission('metrics.read');
  const id = idSchema.safeParse((await params).id);
  const touchpoint = id.success ? await touchpointSummary(await getDb(), member.organization.id, id.data) : null;
  return { title: touchpoint?.name ?? (await getTranslations('metrics.page'))('notFound') };
}

/** One touchpoint: what each metric did over time, the changes made there and what they did, the comments. */
export default async function TouchpointPage({ params }: Params) {
  const member = await requirePermission('metrics.read');
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const organization = member.organization;
  const db = await getDb();
  const touchpoint = await touchpointSummary(db, organization.id, id.data);
  if (!touchpoint) notFound();
  const t = await getTranslations('metrics.page');
  const weekStartsOn = organization.weekStartsOn;
  const today = dateIn(new Date(), organization.timeZone);
  const initialParams = { ...lastMonths(today, 6, 'week', weekStartsOn), bucket: 'week' as const };
  const [chart, openBlockers] = await Promise.all([
    touchpointChart(db, organization, touchpoint.id, initialParams),
    openBlockersByTouchpoint(db, organization.id),
  ]);
  if (!chart) notFound();
  const blockersHere = openBlockers.get(touchpoint.id) ?? [];
  const mayManageLinks = can(member.actor, 'surveyLink.manage', { departmentId: touchpoint.departmentId });
  const mayAddMeasured = can(member.actor, 'metricAggregate.manage', { departmentId: touchpoint.departmentId });

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/touchpoints" className="text-brand-700 underline-offset-2 hover:underline">
          ← {t('backToJourney')}
        </Link>
      </p>
      <PageHeader
        title={touchpoint.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="blue">{t('stage', { stage: touchpoint.stageName })}</Badge>
            <span>{t('owner', { department: touchpoint.departmentName, stage: touchpoint.departmentStage })}</span>
            <Badge>{t('channel', { channel: touchpoint.channel })}</Badge>
            {touchpoint.archived ? <Badge tone="amber">{t('archived')}</Badge> : null}
          </span>
        }
        actions={
          mayManageLinks || mayAddMeasured ? (
            <div className="flex flex-wrap gap-2">
              {mayManageLinks ? (
                <Link href={`/touchpoints/${touchpoint.id}/survey`} className={buttonClass('secondary', 'sm')}>
                  {t('surveyLinks')}
                </Link>
              ) : null}
              {mayAddMeasured ? (
                <Link href="/touchpoints/measured" className={buttonClass('secondary', 'sm')}>
                  {t('addMeasured')}
                </Link>
              ) : null}
            </div>
          ) : null
        }
      />
      {touchpoint.description ? (
        <p className="-mt-3 mb-5 max-w-2xl text-sm text-slate-700">{touchpoint.description}</p>
      ) : null}
      {blockersHere.length > 0 ? (
        <OpenBlockers
          touchpointId={touchpoint.id}
          blockers={blockersHere}
          mayAdd={can(member.actor, 'lever.manage', { departmentId: member.actor.departmentId })}
        />
      ) : null}
      <TouchpointMetrics
        touchpointId={touchpoint.id}
        today={today}
        weekStartsOn={weekStartsOn}
        initial={{ params: { ...initialParams, metric: chart.metric }, data: chart }}
      />
    </>
  );
}
