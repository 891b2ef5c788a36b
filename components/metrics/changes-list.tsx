'use client';

import { useTranslations } from 'next-intl';
import { ImpactSummary } from '@/components/impact/impact-summary';
import type { TouchpointChart } from '@/db/queries/touchpoint-chart';
import { useScoreFormat } from './format';

/** Each change at the touchpoint with what its impact card says about the chart's metric, and a way to open it. */
export function ChangesList({ chart }: { chart: TouchpointChart }) {
  const t = useTranslations('metrics.changes');
  const fmt = useScoreFormat();
  if (chart.markers.length === 0) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label={t('title')}>
      {chart.markers.map((marker) => (
        <li key={`${marker.kind}-${marker.id}`} className="py-3" data-testid="change">
          <p className="font-medium text-slate-900">{marker.title}</p>
          <p className="mb-1.5 text-xs text-slate-600">
            {t('kind', { kind: marker.kind, department: marker.departmentName, date: fmt.date(marker.date) })}
          </p>
          <ImpactSummary summary={marker.impact} href={marker.href} metric={chart.metric} title={marker.title} />
        </li>
      ))}
    </ul>
  );
}
