import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/card';
import type { ImprovementView } from '@/db/queries/weekly';
import { ImprovementDetails } from './improvement-details';

/** An improvement in full, for the week summary (printable). */
export async function ImprovementSummary({
  improvement: i,
  touchpoints,
  impact,
}: {
  improvement: ImprovementView;
  touchpoints: { value: string; label: string }[];
  /** What its impact card says, under the details. */
  impact?: ReactNode;
}) {
  const t = await getTranslations('weekly');
  return (
    <article className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm font-medium text-slate-600">{i.departmentName}</p>
      <h3 className="mb-2 text-base font-semibold">
        {i.title} {i.late ? <Badge tone="amber">{t('late')}</Badge> : null}
      </h3>
      <ImprovementDetails improvement={i} choices={{ touchpoints, members: [], planItems: {} }} />
      {impact ? <div className="mt-3 border-t border-slate-100 pt-3">{impact}</div> : null}
    </article>
  );
}
