'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Budget } from '@/lib/domain/goal';

/** The live one-page budget: "2,130 / 2,500 characters", a bar, and what is left or over. */
export function BudgetMeter({ budget, error }: { budget: Budget; error?: string }) {
  const t = useTranslations('goal.edit');
  // Screen readers hear only when the limit is crossed, not every keystroke.
  // Set while rendering (React's pattern for state derived from props), so it holds from the first crossing on.
  const [wasOver, setWasOver] = useState(false);
  if (budget.over && !wasOver) setWasOver(true);
  const share = Math.min(100, (budget.used / budget.budget) * 100);
  const bar = budget.over ? 'bg-red-600' : share > 90 ? 'bg-amber-500' : 'bg-brand-600';
  return (
    <div id="goal-budget" tabIndex={-1} className="rounded-md focus-visible:outline-2">
      <p className="sr-only text-xs font-medium tracking-wide text-slate-600 uppercase lg:not-sr-only">
        {t('budgetLabel')}
      </p>
      <p className={`text-lg font-semibold tabular-nums ${budget.over ? 'text-red-700' : 'text-slate-900'}`}>
        {t('budget', { used: budget.used, budget: budget.budget })}
      </p>
      <div aria-hidden className="mt-1 hidden h-2 overflow-hidden rounded-full bg-slate-200 lg:block">
        <div className={`h-full ${bar}`} style={{ width: `${share}%` }} />
      </div>
      <p className={`text-sm lg:mt-1 ${budget.over ? 'font-medium text-red-700' : 'text-slate-600'}`}>
        {budget.over ? t('budgetOver', { count: -budget.remaining }) : t('budgetLeft', { count: budget.remaining })}
      </p>
      <p role="status" className="sr-only">
        {budget.over ? t('budgetOverAnnounce') : wasOver ? t('budgetBackUnder') : ''}
      </p>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
