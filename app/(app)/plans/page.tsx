import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { PlanFilters } from '@/components/plans/plan-filters';
import { PlanSummaryTable } from '@/components/plans/plan-summary-table';
import { statusTone } from '@/components/plans/plan-item-card';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { listTouchpoints } from '@/db/queries/journey';
import { listPlanItems } from '@/db/queries/plans';
import { requirePermission } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { summarizePlans } from '@/lib/domain/plan-summary';
import { isOverdue, planItemStatuses, todayIn } from '@/lib/domain/plans';

export async function generateMetadata() {
  return { title: (await getTranslations('plans'))('title') };
}

const blank = (v: unknown) => (v === '' ? undefined : v);
const filterSchema = z.object({
  department: z.preprocess(blank, z.string().uuid().optional()).catch(undefined),
  status: z.preprocess(blank, z.enum(planItemStatuses).optional()).catch(undefined),
  touchpoint: z.preprocess(blank, z.string().uuid().optional()).catch(undefined),
  quickWin: z.preprocess(blank, z.enum(['yes']).optional()).catch(undefined),
});

export default async function PlansPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const member = await requirePermission('plan.read');
  const t = await getTranslations('plans');
  const format = await getFormatter();
  const filter = filterSchema.parse(await searchParams);
  const db = await getDb();
  const organization = member.organization;
  const [departments, touchpoints, allItems] = await Promise.all([
    listDepartments(db, organization.id),
    listTouchpoints(db, organization.id),
    listPlanItems(db, organization.id),
  ]);
  const today = todayIn(organization.timeZone);
  const summary = summarizePlans(
    allItems,
    departments.map((d) => d.id),
    today,
  );
  const filtered = allItems.filter(
    (i) =>
      (!filter.department || i.departmentId === filter.department) &&
      (!filter.status || i.status === filter.status) &&
      (!filter.touchpoint || i.touchpointIds.includes(filter.touchpoint)) &&
      (!filter.quickWin || i.quickWin),
  );
  const money = (n: number) =>
    format.number(n, { style: 'currency', currency: organization.currency, maximumFractionDigits: 0 });
  const filtering = Object.values(filter).some(Boolean);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="space-y-6">
        <PlanSummaryTable
          departments={departments}
          summary={summary}
          showMoney={can(member.actor, 'plans.overview')}
          money={money}
          myDepartmentId={member.actor.departmentId}
        />
        <Card
          title={t('itemsTitle')}
          description={
            filtering
              ? t('filteredCount', { count: filtered.length, total: allItems.length })
              : t('allCount', { count: allItems.length })
          }
        >
          <PlanFilters filter={filter} departments={departments} touchpoints={touchpoints} />
          {filtered.length === 0 ? (
            <EmptyState title={filtering ? t('noMatch') : t('noItems')}>
              {filtering ? t('noMatchHint') : t('noItemsHint')}
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200">
              {filtered.map((item) => (
                <li key={item.id} className="flex flex-wrap items-start justify-between gap-2 py-2.5">
                  <div className="min-w-0">
                    <Link
                      href={`/plans/${item.departmentId}#item-${item.id}`}
                      className="font-medium text-brand-800 underline-offset-2 hover:underline"
                    >
                      {item.title}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {item.departmentName} · {item.ownerName ?? t('noOwner')}
                      {item.dueDate
                        ? ` · ${t('dueOn', { date: format.dateTime(new Date(`${item.dueDate}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }) })}`
                        : ''}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-1">
                    <Badge tone={statusTone[item.status]}>{t(`status.${item.status}`)}</Badge>
                    {item.quickWin ? <Badge tone="green">{t('quickWin')}</Badge> : null}
                    {isOverdue(item, today) ? <Badge tone="red">{t('overdue')}</Badge> : null}
                    {item.requests.some((r) => r.status === 'pending') ? (
                      <Badge tone="amber">{t('requests.pendingShort')}</Badge>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
