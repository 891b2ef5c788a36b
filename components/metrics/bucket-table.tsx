'use client';

import { useTranslations } from 'next-intl';
import type { TouchpointChart } from '@/db/queries/touchpoint-chart';
import { useScoreFormat } from './format';

const cell = 'px-3 py-1.5 text-left';

/** The chart as a table: each bucket's score, interval and n, and the values measured elsewhere. */
export function BucketTable({ chart }: { chart: TouchpointChart }) {
  const t = useTranslations('metrics.table');
  const tm = useTranslations('metrics');
  const fmt = useScoreFormat();
  const unit = chart.headline.unit;
  return (
    <div className="relative space-y-4 overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">
          {t('caption', { metric: tm(`names.${chart.metric}`), bucket: chart.bucket })}
        </caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className={cell}>
              {t('bucket', { bucket: chart.bucket })}
            </th>
            <th scope="col" className={cell}>
              {t('value')}
            </th>
            <th scope="col" className={cell}>
              {t('interval')}
            </th>
            <th scope="col" className={cell}>
              {t('n')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {chart.points.map((p) => (
            <tr key={p.bucket}>
              <th scope="row" className={`${cell} font-normal`}>
                {chart.bucket === 'week' ? fmt.date(p.bucket) : fmt.month(p.bucket)}
              </th>
              <td className={cell}>{fmt.value(p.value, unit)}</td>
              <td className={cell}>
                {p.low !== null && p.high !== null
                  ? `${fmt.number(p.low, unit)} – ${fmt.number(p.high, unit)}`
                  : t('none')}
              </td>
              <td className={cell}>
                {p.n}
                {p.smallSample ? <span className="ml-2 text-xs text-amber-800">{t('smallSample')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {chart.measured.length > 0 ? (
        <table className="min-w-full text-sm">
          <caption className="mb-1 text-left font-medium">{t('measuredCaption')}</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className={cell}>
                {t('period')}
              </th>
              <th scope="col" className={cell}>
                {t('value')}
              </th>
              <th scope="col" className={cell}>
                {t('n')}
              </th>
              <th scope="col" className={cell}>
                {t('source')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {chart.measured.map((m) => (
              <tr key={m.id}>
                <th scope="row" className={`${cell} font-normal`}>
                  {fmt.date(m.periodStart)} – {fmt.date(m.periodEnd)}
                </th>
                <td className={cell}>{fmt.value(m.value, unit)}</td>
                <td className={cell}>{m.n}</td>
                <td className={cell}>{m.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
