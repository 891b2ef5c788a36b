'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { LazyDistributionChart, LazyTouchpointChart } from '@/components/charts/lazy';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { TouchpointChart } from '@/db/queries/touchpoint-chart';
import { lastMonths } from '@/lib/domain/chart-buckets';
import { BucketTable } from './bucket-table';
import { ChangesList } from './changes-list';
import { HeadlineCard } from './headline-card';
import { LatestComments } from './latest-comments';
import { type ControlsValue, MetricControls } from './metric-controls';
import { ChartLegend } from './chart-legend';
import { type ChartParams, useTouchpointChart } from './use-touchpoint-chart';

export interface TouchpointMetricsProps {
  touchpointId: string;
  today: string;
  weekStartsOn: 1 | 7;
  initial: { params: ChartParams; data: TouchpointChart };
}

/** The live part of the touchpoint page: controls, headline, chart or table, changes, distribution, comments. */
export function TouchpointMetrics({ touchpointId, today, weekStartsOn, initial }: TouchpointMetricsProps) {
  const t = useTranslations('metrics');
  const format = useFormatter();
  const [controls, setControls] = useState<ControlsValue>({
    metric: initial.data.metric,
    preset: '6',
    from: initial.params.from,
    to: initial.params.to,
    bucket: initial.params.bucket,
  });
  const [showTable, setShowTable] = useState(false);
  const range =
    controls.preset === 'custom'
      ? { from: controls.from, to: controls.to }
      : lastMonths(today, Number(controls.preset), controls.bucket, weekStartsOn);
  const params: ChartParams = { metric: controls.metric, ...range, bucket: controls.bucket };
  const query = useTouchpointChart(touchpointId, params, {
    params: { ...initial.params, metric: initial.data.metric },
    data: initial.data,
  });
  const chart = query.data;
  const update = (next: Partial<ControlsValue>) =>
    setControls((current) => {
      const merged = { ...current, ...next };
      // Switching to custom dates starts from the period on screen.
      if (next.preset === 'custom' && current.preset !== 'custom') return { ...merged, from: range.from, to: range.to };
      return merged;
    });

  return (
    <div className="space-y-4" aria-busy={query.isFetching}>
      <MetricControls value={controls} counts={chart?.counts ?? initial.data.counts} onChange={update} />
      {query.isError && !query.isPlaceholderData ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
        >
          {t('controls.failed')}
          <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
            {t('controls.retry')}
          </Button>
        </div>
      ) : null}
      {chart ? (
        <div className={`space-y-4 transition-opacity ${query.isPlaceholderData ? 'opacity-60' : ''}`}>
          <HeadlineCard chart={chart} />
          <Card
            title={t('chart.title', { metric: t(`names.${chart.metric}`) })}
            description={t('chart.description', { bucket: chart.bucket })}
            actions={
              <Button variant="secondary" size="sm" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
                {showTable ? t('chart.showChart') : t('chart.showTable')}
              </Button>
            }
          >
            {showTable ? (
              <BucketTable chart={chart} />
            ) : (
              <>
                {chart.points.every((p) => p.n === 0) ? (
                  <p className="mb-2 text-sm text-slate-600">{t('chart.noData')}</p>
                ) : null}
                <LazyTouchpointChart chart={chart} weekStartsOn={weekStartsOn} />
                <ChartLegend chart={chart} />
              </>
            )}
          </Card>
          <Card
            title={t('changes.title')}
            description={t('changes.description', { metric: t(`names.${chart.metric}`) })}
          >
            <ChangesList chart={chart} />
          </Card>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card title={t('distribution.title')} description={t('distribution.description')}>
              {chart.distribution === null ? (
                <p className="text-sm text-slate-600">{t('distribution.ttr')}</p>
              ) : chart.headline.n === 0 ? (
                <p className="text-sm text-slate-600">{t('distribution.none')}</p>
              ) : (
                <>
                  <LazyDistributionChart distribution={chart.distribution} label={t('distribution.title')} />
                  <ul className="sr-only">
                    {chart.distribution.map((d) => (
                      <li key={d.score}>
                        {t('distribution.score', { score: d.score })}:{' '}
                        {t('distribution.share', {
                          share: format.number(d.share / 100, { style: 'percent', maximumFractionDigits: 0 }),
                          count: d.count,
                        })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Card>
            <Card title={t('comments.title')}>
              <LatestComments chart={chart} />
            </Card>
          </div>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t('controls.loading')}</p>
      )}
    </div>
  );
}
