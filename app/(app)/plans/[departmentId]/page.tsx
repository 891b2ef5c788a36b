import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { addPlanItem, answerRequest, savePlanItem } from '@/app/(app)/plans/actions';
import { AddPlanItem } from '@/components/plans/add-plan-item';
import { AnswerRequestForm } from '@/components/plans/answer-request-form';
import { PlanItemCard } from '@/components/plans/plan-item-card';
import { cardView, formChoices } from '@/components/plans/plan-view';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { findDepartment } from '@/db/queries/departments';
import { storedCards } from '@/db/queries/impact';
import { listPlanItems, listRequests } from '@/db/queries/plans';
import { requirePermission } from '@/lib/auth/session';
import { impactSummaryOf } from '@/lib/impact/summary';
import { can } from '@/lib/domain/permissions';
import { loadPlanContext } from './plan-context';

export async function generateMetadata() {
  return { title: (await getTranslations('plans'))('title') };
}

export default async function DepartmentPlanPage({ params }: { params: Promise<{ departmentId: string }> }) {
  const member = await requirePermission('plan.read');
  const departmentId = z
    .string()
    .uuid()
    .safeParse((await params).departmentId);
  if (!departmentId.success) notFound();
  const db = await getDb();
  const organization = member.organization;
  const department = await findDepartment(db, organization.id, departmentId.data);
  if (!department) notFound();
  const t = await getTranslations('plans');
  const [items, incoming, context] = await Promise.all([
    listPlanItems(db, organization.id, { departmentId: department.id }),
    listRequests(db, organization.id, { departmentId: department.id, status: 'pending' }),
    loadPlanContext(db, organization),
  ]);
  const editable = can(member.actor, 'plan.edit', { departmentId: department.id });
  const answers = can(member.actor, 'planRequest.answer', { departmentId: department.id });
  const choices = await formChoices(context, department.id, organization);
  const cards = await Promise.all(items.map((item) => cardView(item, context, organization)));
  const open = cards.filter((c) => c.status === 'planned' || c.status === 'in_progress');
  const closed = cards.filter((c) => c.status === 'done' || c.status === 'dropped');
  // Done items' stored impact cards, in one read (issue 11); never computed for this page.
  const impacts = await storedCards(
    db,
    organization.id,
    closed.filter((c) => c.status === 'done').map((c) => ({ kind: 'plan-item' as const, id: c.id })),
  );
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/plans" className="text-brand-700 underline">
          {t('allPlans')}
        </Link>
      </p>
      <PageHeader
        title={t('planTitle', { department: department.name })}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={department.stage === 'front' ? 'blue' : 'slate'}>{t(`stage.${department.stage}`)}</Badge>
            {department.description}
          </span>
        }
      />
      <div className="space-y-6">
        {incoming.length > 0 ? (
          <Card title={t('incomingTitle', { count: incoming.length })} description={t('incomingDescription')}>
            <ul className="divide-y divide-slate-200">
              {incoming.map((r) => (
                <li key={r.id} className="py-3">
                  <p className="text-sm">
                    {t.rich(r.kind === 'promise' ? 'incomingPromise' : 'incomingRipple', {
                      from: r.itemDepartmentName,
                      item: () => (
                        <Link
                          className="font-medium text-brand-700 underline"
                          href={`/plans/${r.itemDepartmentId}#item-${r.planItemId}`}
                        >
                          {r.itemTitle}
                        </Link>
                      ),
                    })}
                  </p>
                  {answers ? (
                    <AnswerRequestForm requestId={r.id} itemTitle={r.itemTitle} action={answerRequest} />
                  ) : (
                    <p className="mt-1 text-xs text-slate-500">{t('requests.waiting')}</p>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {editable ? <AddPlanItem departmentId={department.id} choices={choices} action={addPlanItem} /> : null}
        <section aria-labelledby="open-items" className="space-y-3">
          <h2 id="open-items" className="text-lg font-semibold">
            {t('openItems', { count: open.length })}
          </h2>
          {open.length === 0 ? (
            <EmptyState title={t('noOpenItems')}>
              {editable ? t('noOpenItemsEditor') : t('noOpenItemsReader')}
            </EmptyState>
          ) : (
            open.map((item) => (
              <PlanItemCard
                key={item.id}
                item={item}
                departmentId={department.id}
                choices={choices}
                editable={editable}
                action={savePlanItem}
              />
            ))
          )}
        </section>
        {closed.length > 0 ? (
          <section aria-labelledby="closed-items" className="space-y-3">
            <h2 id="closed-items" className="text-lg font-semibold">
              {t('closedItems', { count: closed.length })}
            </h2>
            {closed.map((item) => (
              <PlanItemCard
                key={item.id}
                item={item}
                impact={impactSummaryOf(impacts.get(`plan-item:${item.id}`))}
                departmentId={department.id}
                choices={choices}
                editable={editable}
                action={savePlanItem}
              />
            ))}
          </section>
        ) : null}
      </div>
    </>
  );
}
