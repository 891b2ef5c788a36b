'use client';

import { useTranslations } from 'next-intl';
import type { ImprovementView } from '@/db/queries/weekly';
import type { ImprovementChoices } from './improvement-form';

/** One improvement in full: what changed, before and after, what it should move, where it came from. */
export function ImprovementDetails({
  improvement,
  choices,
}: {
  /** As the page reads it or as /api/weekly/improvements sends it: the timestamps are not shown. */
  improvement: Omit<ImprovementView, 'createdAt' | 'updatedAt'>;
  choices: ImprovementChoices;
}) {
  const t = useTranslations('weekly.form');
  const tm = useTranslations('plans.metric');
  const touchpoints = improvement.touchpointIds
    .map((id) => choices.touchpoints.find((o) => o.value === id)?.label)
    .filter(Boolean);
  const metric =
    improvement.metric === 'business' ? improvement.businessMetric : improvement.metric ? tm(improvement.metric) : null;
  const rows: [string, string | null | undefined][] = [
    [t('process'), improvement.process],
    [t('before'), improvement.before],
    [t('after'), improvement.after],
    [t('metric'), metric ? `${metric} ${improvement.direction === 'down' ? '↓' : '↑'}` : null],
    [t('touchpoints'), touchpoints.join(', ')],
    [
      t('source'),
      improvement.source === 'plan_item'
        ? `${t('sourcePlanItem')}: ${improvement.sourcePlanItemTitle ?? ''}`
        : improvement.source
          ? `${t(improvement.source === 'idea' ? 'sourceIdea' : 'sourceComplaint')}${improvement.sourceNote ? `: ${improvement.sourceNote}` : ''}`
          : null,
    ],
    [t('owner'), improvement.ownerName],
    [t('effectiveDate'), improvement.effectiveDate],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
      {rows
        .filter(([, v]) => v)
        .map(([label, v]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="whitespace-pre-line text-slate-900">{v}</dd>
          </div>
        ))}
    </dl>
  );
}
