'use client';

import { useTranslations } from 'next-intl';
import { Badge, Card } from '@/components/ui/card';
import type { TouchpointChart } from '@/db/queries/touchpoint-chart';
import { SMALL_SAMPLE } from '@/lib/domain/metrics';
import { useScoreFormat } from './format';

/** The score for the period with its margin and n, the change from the previous period, and the goal's target. */
export function HeadlineCard({ chart }: { chart: TouchpointChart }) {
  const t = useTranslations('metrics');
  const fmt = useScoreFormat();
  const { headline, previous, comparison, target } = chart;
  const unit = headline.unit;
  const verdict =
    comparison.delta === null
      ? 'noComparison'
      : !comparison.significant
        ? 'noClearChange'
        : comparison.delta > 0
          ? 'realUp'
          : 'realDown';
  return (
    <Card
      title={t('headline.title', { metric: t(`names.${chart.metric}`) })}
      description={
        chart.metric === 'ces'
          ? t(chart.cesHeadline === 'share' ? 'headline.cesShare' : 'headline.cesMean')
          : t(`longNames.${chart.metric}`)
      }
    >
      {headline.value === null ? (
        <p className="text-sm text-slate-600">{t('headline.noAnswers')}</p>
      ) : (
        <div className="space-y-3">
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1" data-testid="headline-score">
            <span className="text-4xl font-semibold tracking-tight text-slate-900">
              {fmt.value(headline.value, unit)}
            </span>
            {headline.margin !== null ? (
              <span className="text-lg text-slate-600">
                {t('headline.margin', { margin: fmt.margin(headline.margin, unit) })}
              </span>
            ) : null}
            <span className="text-sm text-slate-600">{t('headline.answers', { n: headline.n })}</span>
            {headline.smallSample ? <Badge tone="amber">{t('headline.smallSample')}</Badge> : null}
          </p>
          {headline.smallSample ? (
            <p className="text-xs text-amber-900">{t('headline.smallSampleHint', { min: SMALL_SAMPLE })}</p>
          ) : null}
          {headline.p90 != null ? (
            <p className="text-sm text-slate-600">{t('headline.p90', { value: fmt.value(headline.p90, 'hours') })}</p>
          ) : null}
        </div>
      )}
      <dl className="mt-4 grid gap-3 border-t border-slate-100 pt-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600">
            {t('headline.previous', { from: fmt.date(previous.from), to: fmt.date(previous.to) })}
          </dt>
          <dd className="font-medium">
            {previous.score.value === null
              ? t('headline.noAnswers')
              : t('headline.previousValue', { value: fmt.value(previous.score.value, unit), n: previous.score.n })}
          </dd>
          <dd className="mt-1" data-testid="comparison">
            {comparison.delta !== null ? (
              <span className="mr-2">
                {comparison.margin !== null
                  ? t('headline.change', {
                      delta: fmt.delta(comparison.delta, unit),
                      margin: fmt.margin(comparison.margin, unit),
                    })
                  : t('headline.changeNoMargin', { delta: fmt.delta(comparison.delta, unit) })}
              </span>
            ) : null}
            <Badge tone={verdict === 'realUp' || verdict === 'realDown' ? 'blue' : 'slate'}>
              {t(`headline.${verdict}`)}
            </Badge>
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{target ? t('headline.targetScope', { scope: target.scope }) : null}</dt>
          <dd className="font-medium">
            {target
              ? t('headline.target', { value: fmt.value(target.value, unit), date: fmt.date(target.dueDate) })
              : t('headline.noTarget')}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
