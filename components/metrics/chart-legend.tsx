'use client';

import { useTranslations } from 'next-intl';
import type { TouchpointChart } from '@/db/queries/touchpoint-chart';

/** What each mark of the chart means, in words, below it. */
export function ChartLegend({ chart }: { chart: TouchpointChart }) {
  const t = useTranslations('metrics.chart');
  const item = 'inline-flex items-center gap-1.5';
  return (
    <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      <li className={item}>
        <span aria-hidden="true" className="h-0.5 w-4 bg-brand-600" />
        {t('score')}
      </li>
      <li className={item}>
        <span aria-hidden="true" className="h-3 w-4 rounded-xs bg-brand-100" />
        {t('interval')}
      </li>
      <li className={item}>
        <span aria-hidden="true" className="h-3 w-1.5 bg-slate-300" />
        {t('answers')}
      </li>
      <li className={item}>
        <span aria-hidden="true" className="size-2.5 rounded-full border-2 border-brand-600 bg-white" />
        {t('smallSample')}
      </li>
      {chart.target ? (
        <li className={item}>
          <span aria-hidden="true" className="w-4 border-t-2 border-dashed border-emerald-700" />
          {t('target', { scope: chart.target.scope })}
        </li>
      ) : null}
      {chart.markers.some((m) => m.kind === 'weeklyImprovement') ? (
        <li className={item}>
          <span aria-hidden="true" className="text-violet-700">
            ▼
          </span>
          {t('weeklyMarker')}
        </li>
      ) : null}
      {chart.markers.some((m) => m.kind === 'planItem') ? (
        <li className={item}>
          <span aria-hidden="true" className="text-violet-700">
            ■
          </span>
          {t('planMarker')}
        </li>
      ) : null}
      {chart.measured.length > 0 ? (
        <li className={item}>
          <span aria-hidden="true" className="text-amber-700">
            ◆
          </span>
          {t('measured')}
        </li>
      ) : null}
    </ul>
  );
}
