'use client';

import { useTranslations } from 'next-intl';
import type { ImpactCard } from '@/lib/impact/card-schema';
import { useImpactFormat } from './format';

/** The method in a few lines, with the windows and the thresholds this card used. */
export function HowComputed({ card }: { card: ImpactCard }) {
  const t = useTranslations('impact');
  const fmt = useImpactFormat();
  const { baselineWeeks, washoutWeeks, afterWeeks } = card.windows;
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-xs sm:p-5">
      <summary className="cursor-pointer rounded-sm text-base font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
        {t('how.title')}
      </summary>
      <div className="mt-3 max-w-3xl space-y-2 text-slate-800">
        <p>{t('how.compare')}</p>
        <p>{t('how.model')}</p>
        <p>{t('how.weights')}</p>
        <p>{t('how.assumption')}</p>
        <p>{t('how.windows', { baseline: baselineWeeks, washout: washoutWeeks, after: afterWeeks })}</p>
        <p>{t('how.verdicts')}</p>
        <p>{t('how.interval')}</p>
        {card.metrics.length > 0 ? (
          <table className="mt-2 text-left text-sm">
            <caption className="mb-1 text-left text-xs text-slate-600">{t('how.thresholdsCaption')}</caption>
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  {t('how.metric')}
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  {t('how.minChange')}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {t('how.precision')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {card.metrics.map((m) => (
                <tr key={m.metric}>
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {t('sentence.metric', { metric: m.metric })}
                  </th>
                  <td className="py-1 pr-4">{fmt.effect(m.minChange, m.unit, { scale: m.minChange })}</td>
                  <td className="py-1">{fmt.effect(m.precision, m.unit, { scale: m.precision })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </details>
  );
}
