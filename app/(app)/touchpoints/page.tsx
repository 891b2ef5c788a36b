import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { JourneyMap } from '@/components/touchpoints/journey-map';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listStages, listTouchpoints } from '@/db/queries/journey';
import { openBlockersByTouchpoint } from '@/db/queries/levers';
import { touchpointSummaries } from '@/db/queries/touchpoint-summary';
import { requirePermission } from '@/lib/auth/session';
import { can, permissionTable } from '@/lib/domain/permissions';
import { dateIn } from '@/lib/domain/weeks';

/** The period every card scores, against the same number of days before it. */
const DAYS = 90;

export async function generateMetadata() {
  return { title: (await getTranslations('touchpoints.journey'))('title') };
}

/** The journey map: every touchpoint in journey order with its headline score, trend and n. Everyone may view. */
export default async function TouchpointsPage() {
  const member = await requirePermission('metrics.read');
  const t = await getTranslations('touchpoints.journey');
  const format = await getFormatter();
  const db = await getDb();
  const { id: organizationId, timeZone } = member.organization;
  const [stages, touchpoints, summary, openBlockers] = await Promise.all([
    listStages(db, organizationId),
    listTouchpoints(db, organizationId),
    touchpointSummaries(db, organizationId, {
      today: dateIn(new Date(), timeZone),
      days: DAYS,
      cesHeadline: member.organization.cesHeadline,
    }),
    openBlockersByTouchpoint(db, organizationId),
  ]);
  const day = (date: string) =>
    format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  const { period } = summary;
  // Leads keep their own department's measured values; the link is for every role the table lets in at all.
  const seesMeasured = permissionTable['metricAggregate.manage'][member.actor.role] !== 'none';
  const actions = (
    <div className="flex flex-wrap gap-2">
      {can(member.actor, 'responses.import') ? (
        <Link href="/touchpoints/import" className={buttonClass('secondary', 'sm')}>
          {t('import')}
        </Link>
      ) : null}
      {seesMeasured ? (
        <Link href="/touchpoints/measured" className={buttonClass('secondary', 'sm')}>
          {t('measured')}
        </Link>
      ) : null}
    </div>
  );
  return (
    <>
      <PageHeader
        title={t('title')}
        actions={actions}
        description={t('description', {
          days: DAYS,
          from: day(period.from),
          to: day(period.to),
          previousFrom: day(period.previousFrom),
          previousTo: day(period.previousTo),
        })}
      />
      {touchpoints.length === 0 ? (
        <EmptyState title={t('empty.title')}>
          <p>{can(member.actor, 'touchpoint.manage') ? t('empty.executive') : t('empty.member')}</p>
        </EmptyState>
      ) : (
        <JourneyMap
          stages={stages}
          touchpoints={touchpoints}
          summaries={summary.byTouchpoint}
          openBlockers={openBlockers}
          days={DAYS}
        />
      )}
    </>
  );
}
