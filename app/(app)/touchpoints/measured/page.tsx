import { dateIn } from '@/lib/domain/weeks';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MeasuredValueForm } from '@/components/measured/measured-value-form';
import { MeasuredValueList } from '@/components/measured/measured-value-list';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listTouchpoints } from '@/db/queries/journey';
import { listAggregates } from '@/db/queries/metric-aggregates';
import { requirePermission } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { addMeasuredValueAction, deleteMeasuredValueAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('measured'))('title') };
}

export default async function MeasuredValuesPage() {
  const member = await requirePermission('metrics.read');
  const t = await getTranslations('measured');
  const db = await getDb();
  const organizationId = member.organization.id;
  const cesHeadline = member.organization.cesHeadline;
  const [aggregates, touchpoints] = await Promise.all([
    listAggregates(db, organizationId),
    listTouchpoints(db, organizationId),
  ]);
  const mayManage = (departmentId: string) => can(member.actor, 'metricAggregate.manage', { departmentId });
  const manageable = touchpoints
    .filter((tp) => mayManage(tp.departmentId))
    .map((tp) => ({ value: tp.id, label: tp.name }));
  const rows = aggregates.map(({ departmentId, createdAt: _c, touchpointId: _t, ...row }) => ({
    ...row,
    canDelete: mayManage(departmentId),
  }));
  const today = dateIn(new Date(), member.organization.timeZone);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          can(member.actor, 'responses.import') ? (
            <Link href="/touchpoints/import" className="text-sm font-medium text-brand-700 underline">
              {t('importLink')}
            </Link>
          ) : undefined
        }
      />
      <div className="space-y-6">
        {manageable.length > 0 ? (
          <Card title={t('addTitle')} description={t('addDescription')}>
            <MeasuredValueForm
              touchpoints={manageable}
              cesHeadline={cesHeadline}
              today={today}
              action={addMeasuredValueAction}
            />
          </Card>
        ) : null}
        <Card title={t('listTitle')}>
          <MeasuredValueList rows={rows} cesHeadline={cesHeadline} action={deleteMeasuredValueAction} />
        </Card>
      </div>
    </>
  );
}
