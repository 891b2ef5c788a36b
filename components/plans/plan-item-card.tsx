'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ImpactSummary } from '@/components/impact/impact-summary';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import type { ServerAction } from '@/components/ui/server-action';
import type { PlanItemStatus } from '@/lib/domain/plans';
import type { ImpactSummary as ImpactSummaryData } from '@/lib/impact/summary';
import { type EditableItem, type PlanFormChoices, PlanItemForm } from './plan-item-form';
import { RequestList, type RequestView } from './request-list';

export interface PlanItemCardView extends EditableItem {
  ownerName: string | null;
  dueLabel: string | null;
  completedLabel: string | null;
  /** The "took effect on" date as shown, for a done item. */
  effectiveLabel: string | null;
  overdue: boolean;
  investmentLabel: string | null;
  touchpointNames: string[];
  servesLabel: string | null;
  requests: RequestView[];
}

export const statusTone: Record<PlanItemStatus, 'slate' | 'blue' | 'green' | 'amber'> = {
  planned: 'slate',
  in_progress: 'blue',
  done: 'green',
  dropped: 'amber',
};

export function PlanItemCard({
  item,
  departmentId,
  choices,
  editable,
  action,
  impact,
}: {
  item: PlanItemCardView;
  /** A done item's stored impact card, in brief (null until first computed); absent for other items. */
  impact?: ImpactSummaryData | null;
  departmentId: string;
  choices: PlanFormChoices;
  editable: boolean;
  /** Saves the item's edits. */
  action: ServerAction;
}) {
  const t = useTranslations('plans');
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <PlanItemForm
        departmentId={departmentId}
        item={item}
        choices={choices}
        action={action}
        onDone={() => setEditing(false)}
      />
    );
  return (
    <article className="rounded-md border border-slate-200 bg-white p-3 sm:p-4" aria-labelledby={`item-${item.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3
            id={`item-${item.id}`}
            className={`font-semibold ${item.status === 'dropped' ? 'text-slate-500 line-through' : ''}`}
          >
            {item.title}
          </h3>
          <div className="mt-1 flex flex-wrap gap-1">
            <Badge tone={statusTone[item.status]}>{t(`status.${item.status}`)}</Badge>
            {item.quickWin ? <Badge tone="green">{t('quickWin')}</Badge> : null}
            {item.overdue ? <Badge tone="red">{t('overdue')}</Badge> : null}
            {item.changesPromise ? <Badge tone="amber">{t('changesPromise')}</Badge> : null}
          </div>
        </div>
        {editable ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setEditing(true)}
            aria-label={t('editNamed', { title: item.title })}
          >
            {t('edit')}
          </Button>
        ) : null}
      </div>
      {item.description ? <p className="mt-2 text-sm text-slate-700">{item.description}</p> : null}
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
        <Detail label={t('owner')} value={item.ownerName ?? t('noOwner')} warn={!item.ownerName} />
        <Detail label={t('due')} value={item.dueLabel ?? t('noDueDate')} warn={item.overdue} />
        {item.status === 'done' && item.completedLabel ? (
          <Detail label={t('completed')} value={item.completedLabel} />
        ) : null}
        {item.status === 'done' && item.effectiveLabel ? (
          <Detail label={t('tookEffect')} value={item.effectiveLabel} />
        ) : null}
        {item.metric ? (
          <Detail
            label={t('declaredTarget')}
            value={t('form.declaredTarget', { metric: t(`metric.${item.metric}`), direction: item.direction ?? 'up' })}
          />
        ) : null}
        <Detail label={t('investment')} value={item.investmentLabel ?? '—'} />
        <Detail label={t('expectedOutcome')} value={item.expectedOutcome || '—'} />
        {item.servesLabel ? <Detail label={t('serves')} value={item.servesLabel} /> : null}
        {item.touchpointNames.length ? (
          <Detail label={t('touchpoints')} value={item.touchpointNames.join(', ')} />
        ) : null}
        {item.status === 'dropped' && item.dropReason ? (
          <Detail label={t('dropReason')} value={item.dropReason} />
        ) : null}
      </dl>
      {item.status === 'done' && impact !== undefined ? (
        <div className="mt-3 border-t border-slate-100 pt-3">
          <ImpactSummary
            labelled
            summary={impact}
            href={`/changes/plan-item/${item.id}`}
            title={item.title}
            investment={item.investmentLabel}
          />
        </div>
      ) : null}
      <RequestList requests={item.requests} />
    </article>
  );
}

function Detail({ label, value, warn = false }: { label: string; value: string; warn?: boolean }) {
  return (
    <div className="flex gap-1.5">
      <dt className="shrink-0 text-slate-500">{label}:</dt>
      <dd className={warn ? 'font-medium text-red-700' : 'text-slate-800'}>{value}</dd>
    </div>
  );
}
