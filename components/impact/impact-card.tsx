'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ImpactCard } from '@/lib/impact/card-schema';
import { useImpactFormat } from './format';
import { HowComputed } from './how-computed';
import { MetricImpactSection } from './metric-impact';

export interface ImpactCardProps {
  card: ImpactCard;
  change: { kind: string; id: string };
  /** Where the change's touchpoints are edited: the weekly grid or the plan item. */
  editHref: string;
  /** A plan item's investment as shown (in the organization's currency), beside each effect. */
  investment: string | null;
  /** The form to try other windows, shown under the windows. */
  windowsForm?: ReactNode;
}

/** The link to where a change without touchpoints gets them, by its kind. */
const editKeys: Record<string, 'editImprovement' | 'editPlanItem' | 'editLever'> = {
  improvement: 'editImprovement',
  'plan-item': 'editPlanItem',
  lever: 'editLever',
};

/** The whole impact card of a change: its windows, then per metric (target first) what it did, then the method. */
export function ImpactCardView({ card, change, editHref, investment, windowsForm }: ImpactCardProps) {
  const t = useTranslations('impact.card');
  const fmt = useImpactFormat();
  const { windows } = card;
  return (
    <div className="space-y-4">
      <section
        aria-labelledby="windows-heading"
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:p-5"
      >
        <h2 id="windows-heading" className="text-base font-semibold">
          {t('windowsTitle')}
        </h2>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t('baselineWindow', { weeks: windows.baselineWeeks })}</dt>
            <dd>{fmt.range(windows.baseline)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('washoutWindow', { weeks: windows.washoutWeeks })}</dt>
            <dd>{windows.washout ? fmt.range(windows.washout) : t('noWashout')}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('afterWindow', { weeks: windows.afterWeeks })}</dt>
            <dd>{fmt.range(windows.after)}</dd>
          </div>
        </dl>
        {windowsForm}
      </section>

      <section aria-labelledby="effects-heading" className="space-y-4">
        <h2 id="effects-heading" className="text-lg font-semibold">
          {t('effectsTitle')}
        </h2>
        {card.status === 'no-touchpoints' ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm">
            <p className="font-medium text-slate-900">{t('noTouchpoints')}</p>
            <p className="mt-1">
              <Link href={editHref} className="font-medium text-brand-700 underline underline-offset-2">
                {t(editKeys[change.kind] ?? 'editPlanItem')}
              </Link>
            </p>
          </div>
        ) : card.status === 'no-answers' ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm">
            <p className="font-medium text-slate-900">
              {t('noAnswersInWindow', { from: fmt.date(windows.baseline.from), to: fmt.date(windows.after.to) })}
            </p>
          </div>
        ) : (
          card.metrics.map((metric, i) => (
            <MetricImpactSection
              key={metric.metric}
              metric={metric}
              card={card}
              change={change}
              // Beside the first effect: the declared target's, when there is one.
              investment={i === 0 ? investment : null}
            />
          ))
        )}
      </section>

      <HowComputed card={card} />
    </div>
  );
}
