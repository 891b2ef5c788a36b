'use client';

import { useTranslations } from 'next-intl';
import { impactSummaryOf } from '@/lib/impact/summary';
import { ImpactSummary } from './impact-summary';
import { useStoredImpact } from './use-impact';

/** A change's impact summary fetched where the page did not read it (the weekly grid's cell dialog). */
export function LiveImpactSummary({
  kind,
  id,
  title,
}: {
  kind: 'improvement' | 'plan-item';
  id: string;
  title: string;
}) {
  const t = useTranslations('impact.summary');
  const query = useStoredImpact(kind, id);
  const href = `/changes/${kind}/${id}`;
  if (query.isPending) return <p className="text-sm text-slate-600">{t('loading')}</p>;
  if (query.isError)
    return (
      <p role="alert" className="text-sm text-red-700">
        {t('failed')}
      </p>
    );
  return <ImpactSummary labelled summary={impactSummaryOf(query.data)} href={href} title={title} />;
}
