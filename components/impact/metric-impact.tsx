'use client';

import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/card';
import type { ImpactCard, MetricImpact } from '@/lib/impact/card-schema';
import { impactSentence } from '@/lib/impact/sentence';
import { ChangeLink } from './change-link';
import { useImpactFormat } from './format';
import { ImpactChartLegend, ImpactChartTable } from './impact-chart-table';
import { LazyImpactChart } from './lazy-impact-chart';
import { MetricCalibration, MetricWarnings } from './metric-notes';
import { VerdictBadge } from './verdict-badge';

/** One metric of a card: the verdict and its sentence, the effect, the numbers behind it, the chart and the caveats. */
export function MetricImpactSection({
  metric,
  card,
  change,
  investment,
}: {
  metric: MetricImpact;
  card: ImpactCard;
  change: { kind: string; id: string };
  /** A plan item's investment, shown beside its effect. */
  investment: string | null;
}) {
  const t = useTranslations('impact');
  const fmt = useImpactFormat();
  const names = metric.touchpoints.map((tp) => tp.name);
  const metricName = t('sentence.metric', { metric: metric.metric });
  const interval = fmt.interval(metric);
  const where =
    names.length <= 1
      ? (names[0] ?? '')
      : t('sentence.list', { first: names.slice(0, -1).join(', '), last: names.at(-1)! });
  const side = (s: MetricImpact['before']) =>
    s.value === null ? t('card.noAnswers') : t('card.side', { value: fmt.value(s.value, metric.measure), n: s.n });
  const headingId = `metric-${metric.metric}`;

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:p-5"
      data-testid="metric-impact"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="text-base font-semibold">
          {metricName}
        </h3>
        {metric.target ? <Badge tone="blue">{t('card.target')}</Badge> : null}
        <VerdictBadge metric={metric} afterWeeks={card.windows.afterWeeks} />
      </div>
      <p className="text-base text-slate-900">
        {impactSentence(metric, { touchpoints: names, afterWeeks: card.windows.afterWeeks }, fmt.translate)}
      </p>

      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        <div className="contents">
          <dt className="text-slate-600">{t('card.effect')}</dt>
          <dd>
            {interval ? (
              <>
                <span className="font-semibold">{interval.estimate}</span>{' '}
                {t('card.interval', { low: interval.low, high: interval.high })}
                {metric.estimator === 'before-after' ? (
                  <span className="block text-xs text-slate-600">{t('card.alone')}</span>
                ) : null}
              </>
            ) : (
              t('card.noEffect')
            )}
          </dd>
        </div>
        {metric.p !== null ? (
          <div className="contents">
            <dt className="text-slate-600">{t('card.pTitle')}</dt>
            <dd>
              {metric.pAdjusted !== null
                ? t('card.pAdjusted', { p: fmt.p(metric.p), adjusted: fmt.p(metric.pAdjusted) })
                : t('card.p', { p: fmt.p(metric.p) })}
            </dd>
          </div>
        ) : null}
        {investment ? (
          <div className="contents">
            <dt className="text-slate-600">{t('card.investment')}</dt>
            <dd>{investment}</dd>
          </div>
        ) : null}
      </dl>

      <div>
        <LazyImpactChart
          metric={metric}
          changes={card.changesInWindow}
          change={change}
          label={t('chart.caption', {
            metric: metricName,
            where,
            count: metric.comparison.length,
            from: fmt.date(card.windows.baseline.from),
            to: fmt.date(card.windows.after.to),
          })}
        />
        <ImpactChartLegend />
        <ImpactChartTable metric={metric} changes={card.changesInWindow} change={change} />
      </div>

      <div>
        <table className="w-full text-left text-sm">
          <caption className="mb-1 text-left text-xs text-slate-600">
            {t('card.numbersCaption', { metric: metricName })}
            {metric.measure === 'ttr' ? ` ${t('card.ttrTypical')}` : ''}
          </caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t('card.touchpoint')}
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t('card.beforeColumn', { range: fmt.range(card.windows.baseline) })}
              </th>
              <th scope="col" className="py-1 font-medium">
                {t('card.afterColumn', { range: fmt.range(card.windows.after) })}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {metric.touchpoints.length > 1 ? (
              <tr className="font-medium">
                <th scope="row" className="py-1 pr-3">
                  {t('card.together')}
                </th>
                <td className="py-1 pr-3">{side(metric.before)}</td>
                <td className="py-1">{side(metric.after)}</td>
              </tr>
            ) : null}
            {metric.touchpoints.map((tp) => (
              <tr key={tp.id}>
                <th scope="row" className="py-1 pr-3 font-normal">
                  {tp.name}
                </th>
                <td className="py-1 pr-3">{side(tp.before)}</td>
                <td className="py-1">{side(tp.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        <div className="contents">
          <dt className="text-slate-600">{t('card.comparison')}</dt>
          <dd>
            {metric.comparison.length === 0
              ? t('card.noComparison')
              : t('card.comparisonList', {
                  count: metric.comparison.length,
                  names: metric.comparison.map((c) => c.name).join(', '),
                })}
          </dd>
        </div>
        {metric.joint.length > 0 ? (
          <div className="contents">
            <dt className="text-slate-600">{t('card.jointTitle')}</dt>
            <dd>
              <p className="font-medium">
                {t('card.joint', {
                  count: metric.joint.length + 1,
                  effect: interval ? interval.estimate : t('card.noEffect'),
                })}
              </p>
              <ChangeList changes={metric.joint} />
              <p className="text-xs text-slate-600">{t('card.jointHint')}</p>
            </dd>
          </div>
        ) : null}
        {metric.indistinct.length > 0 ? (
          <div className="contents">
            <dt className="text-slate-600">{t('card.indistinctTitle')}</dt>
            <dd>
              <ChangeList changes={metric.indistinct} />
              <p className="text-xs text-slate-600">{t('card.indistinctHint')}</p>
            </dd>
          </div>
        ) : null}
        <div className="contents">
          <dt className="text-slate-600">{t('card.heldApartTitle')}</dt>
          <dd>
            {metric.heldApart.length === 0 ? (
              t('card.noHeldApart')
            ) : (
              <details>
                <summary className="cursor-pointer rounded-sm text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
                  {t('card.heldApart', { count: metric.heldApart.length })}
                </summary>
                <ChangeList changes={metric.heldApart} />
              </details>
            )}
            <p className="text-xs text-slate-600">{t('card.heldApartHint')}</p>
          </dd>
        </div>
      </dl>

      <MetricWarnings metric={metric} />
      <MetricCalibration metric={metric} />
    </section>
  );
}

function ChangeList({ changes }: { changes: MetricImpact['heldApart'] }) {
  const fmt = useImpactFormat();
  return (
    <ul className="my-1 space-y-0.5">
      {changes.map((c) => (
        <li key={`${c.kind}-${c.id}`}>
          <ChangeLink change={c} /> <span className="text-xs text-slate-600">({fmt.date(c.date)})</span>
        </li>
      ))}
    </ul>
  );
}
