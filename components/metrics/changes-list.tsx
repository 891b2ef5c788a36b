'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ImpactSummary } from '@/components/impact/impact-summary';
import { Button } from '@/components/ui/button';
import type { TouchpointChart } from '@/db/queries/touchpoint-chart';
import { useScoreFormat } from './format';

/** Changes shown before "show all": a busy touchpoint has one every few weeks, a year of them is a long page. */
const FIRST = 5;

/**
 * Each change at the touchpoint, newest first, with what its impact card says about the chart's metric and a way
 * to open it; the first few, then all on request.
 */
export function ChangesList({ chart }: { chart: TouchpointChart }) {
  const t = useTranslations('metrics.changes');
  const fmt = useScoreFormat();
  const [all, setAll] = useState(false);
  if (chart.markers.length === 0) return <p className="text-sm text-slate-600">{t('none')}</p>;
  const newestFirst = [...chart.markers].sort((a, b) => b.date.localeCompare(a.date));
  const shown = all ? newestFirst : newestFirst.slice(0, FIRST);
  return (
    <div>
      <ul className="divide-y divide-slate-100" aria-label={t('title')} id="touchpoint-changes">
        {shown.map((marker) => (
          <li key={`${marker.kind}-${marker.id}`} className="py-3" data-testid="change">
            <p className="font-medium text-slate-900">{marker.title}</p>
            <p className="mb-1.5 text-xs text-slate-600">
              {t('kind', { kind: marker.kind, department: marker.departmentName, date: fmt.date(marker.date) })}
            </p>
            <ImpactSummary summary={marker.impact} href={marker.href} metric={chart.metric} title={marker.title} />
          </li>
        ))}
      </ul>
      {newestFirst.length > FIRST ? (
        <Button
          variant="secondary"
          size="sm"
          aria-expanded={all}
          aria-controls="touchpoint-changes"
          onClick={() => setAll((open) => !open)}
        >
          {all ? t('fewer') : t('all', { count: newestFirst.length })}
        </Button>
      ) : null}
    </div>
  );
}
