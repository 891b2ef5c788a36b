'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-button';
import { Badge, EmptyState } from '@/components/ui/card';
import type { ServerAction } from '@/components/ui/server-action';
import type { CesHeadline, Metric } from '@/lib/domain/metrics';

export interface MeasuredValueRow {
  id: string;
  touchpointName: string;
  metric: Metric;
  value: number;
  n: number;
  periodStart: string;
  periodEnd: string;
  source: string;
  createdByName: string | null;
  canDelete: boolean;
}

/** Measured values, newest period first, each marked as measured elsewhere; deletable by who manages its touchpoint. */
export function MeasuredValueList({
  rows,
  cesHeadline,
  action,
}: {
  rows: MeasuredValueRow[];
  cesHeadline: CesHeadline;
  /** Deletes one measured value. */
  action: ServerAction;
}) {
  const t = useTranslations('measured');
  const ti = useTranslations('imports');
  const format = useFormatter();
  if (rows.length === 0) return <EmptyState title={t('empty')} />;
  const day = (date: string) =>
    format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  const value = (row: MeasuredValueRow) => {
    const unit = row.metric === 'ces' ? (`ces.${cesHeadline}` as const) : row.metric;
    return t(`display.${unit}`, { value: format.number(row.value, { maximumFractionDigits: 2 }) });
  };
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t('tableLabel')}>
      <table className="min-w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {(['touchpoint', 'metric', 'value', 'n', 'period', 'source', 'by'] as const).map((c) => (
              <th key={c} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {t(`column.${c}`)}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">{t('column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
                {row.touchpointName}
              </th>
              <td className="whitespace-nowrap px-3 py-2">
                {ti(`metric.${row.metric}`)} <Badge tone="blue">{t('marker')}</Badge>
              </td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{value(row)}</td>
              <td className="px-3 py-2 tabular-nums">{format.number(row.n)}</td>
              <td className="whitespace-nowrap px-3 py-2">
                {t('period', { start: day(row.periodStart), end: day(row.periodEnd) })}
              </td>
              <td className="px-3 py-2">{row.source || '—'}</td>
              <td className="whitespace-nowrap px-3 py-2">{row.createdByName ?? '—'}</td>
              <td className="px-3 py-2 text-right">
                {row.canDelete ? (
                  <ActionButton
                    action={action}
                    input={{ aggregateId: row.id }}
                    variant="danger"
                    label={t('deleteLabel', { touchpoint: row.touchpointName, metric: ti(`metric.${row.metric}`) })}
                    confirm={{
                      title: t('confirmTitle'),
                      description: t('confirmText', {
                        touchpoint: row.touchpointName,
                        period: t('period', { start: day(row.periodStart), end: day(row.periodEnd) }),
                      }),
                      action: t('delete'),
                    }}
                  >
                    {t('delete')}
                  </ActionButton>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
