'use client';

import { useTranslations } from 'next-intl';
import type { ImpactCard, MetricImpact } from '@/lib/impact/card-schema';
import { useImpactFormat } from './format';
import { ChangeLink } from './change-link';

/** What each mark of the impact chart means, in words, below it. */
export function ImpactChartLegend() {
  const t = useTranslations('impact.chart');
  const item = 'inline-flex items-center gap-1.5';
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      <li className={item}>
        <span aria-hidden="true" className="h-0.5 w-4 bg-brand-600" />
        {t('treated')}
      </li>
      <li className={item}>
        <span aria-hidden="true" className="w-4 border-t-2 border-dashed border-slate-500" />
        {t('comparison')}
      </li>
      <li className={item}>
        <span aria-hidden="true" className="h-3 w-0.5 bg-violet-600" />
        {t('thisChange')}
      </li>
      <li className={item}>
        <span aria-hidden="true" className="h-3 border-l-2 border-dashed border-violet-600" />
        {t('modelled')}
      </li>
      <li className={item}>
        <span aria-hidden="true" className="h-3 border-l-2 border-dotted border-slate-400" />
        {t('notModelled')}
      </li>
    </ul>
  );
}

/** The chart's numbers as a table, and the changes of these weeks as a list: the accessible alternative. */
export function ImpactChartTable({
  metric,
  changes,
  change,
}: {
  metric: MetricImpact;
  changes: ImpactCard['changesInWindow'];
  change: { kind: string; id: string };
}) {
  const t = useTranslations('impact.chart');
  const fmt = useImpactFormat();
  const cell = (value: number | null, n: number) =>
    value === null ? t('noAnswers') : t('cell', { value: fmt.value(value, metric.measure), n });
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer rounded-sm font-medium text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
        {t('tableToggle')}
      </summary>
      {/* Narrow screens wrap the cells rather than scroll: a scrolling box would need a keyboard stop of its own. */}
      <div className="mt-2">
        <table className="w-full text-left text-xs sm:text-sm">
          <caption className="sr-only">{t('tableCaption')}</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t('week')}
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t('part')}
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t('treated')}
              </th>
              <th scope="col" className="py-1 font-medium">
                {t('comparison')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {metric.weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row" className="py-1 pr-3 font-normal">
                  {fmt.date(w.week)}
                </th>
                <td className="py-1 pr-3">{t(`parts.${w.part}`)}</td>
                <td className="py-1 pr-3">{cell(w.treated, w.treatedN)}</td>
                <td className="py-1">{cell(w.comparison, w.comparisonN)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4 className="mt-3 text-xs font-semibold text-slate-700">{t('changesTitle', { count: changes.length })}</h4>
      <ul className="mt-1 space-y-0.5">
        {changes.map((c) => (
          <li key={`${c.kind}-${c.id}`}>
            {fmt.date(c.date)} · <ChangeLink change={c} />
            {c.kind === change.kind && c.id === change.id ? ` (${t('thisChange')})` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
