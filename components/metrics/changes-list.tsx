'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/card';
import type { ChartMarker, TouchpointChart } from '@/db/queries/touchpoint-chart';
import type { Score } from '@/lib/domain/metrics';
import { useScoreFormat } from './format';

const tones = { up: 'green', down: 'red', unclear: 'slate', noData: 'slate' } as const;

/** For each change at the touchpoint, the metric before it against after it, and a verdict that claims no more than the numbers. */
export function ChangesList({ chart, today }: { chart: TouchpointChart; today: string }) {
  const t = useTranslations('metrics.changes');
  if (chart.markers.length === 0) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label={t('title')}>
      {chart.markers.map((marker) => (
        <ChangeRow key={`${marker.kind}-${marker.id}`} marker={marker} unit={chart.headline.unit} today={today} />
      ))}
    </ul>
  );
}

function ChangeRow({ marker, unit, today }: { marker: ChartMarker; unit: Score['unit']; today: string }) {
  const t = useTranslations('metrics.changes');
  const fmt = useScoreFormat();
  const { before, after, delta, margin, verdict, better, smallSample } = marker.beforeAfter;
  const side = (score: Score) =>
    score.value === null ? t('noAnswers') : t('scoreN', { value: fmt.value(score.value, unit), n: score.n });
  const tone = verdict === 'up' || verdict === 'down' ? (better ? 'green' : 'red') : tones[verdict];
  return (
    <li className="py-3" data-testid="change">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <Link href={marker.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {marker.title}
          </Link>
          <p className="text-xs text-slate-600">
            {t('kind', { kind: marker.kind, department: marker.departmentName, date: fmt.date(marker.date) })}
          </p>
        </div>
        <p className="flex flex-wrap items-center gap-1.5">
          <Badge tone={tone}>
            {t(verdict)}
            {better !== null ? ` (${t(better ? 'better' : 'worse')})` : ''}
          </Badge>
          {smallSample && verdict !== 'noData' ? <Badge tone="amber">{t('smallSample')}</Badge> : null}
          {after.to > today ? <Badge>{t('ongoing')}</Badge> : null}
        </p>
      </div>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-600">
            {t('before', { from: fmt.date(before.from, 'short'), to: fmt.date(before.to, 'short') })}
          </dt>
          <dd>{side(before.score)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">
            {t('after', { from: fmt.date(after.from, 'short'), to: fmt.date(after.to, 'short') })}
          </dt>
          <dd>{side(after.score)}</dd>
        </div>
        {delta !== null ? (
          <div>
            <dt className="sr-only">Δ</dt>
            <dd className="font-medium">
              {margin !== null
                ? t('delta', { delta: fmt.delta(delta, unit), margin: fmt.margin(margin, unit) })
                : t('deltaNoMargin', { delta: fmt.delta(delta, unit) })}
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
