import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import type { ImprovementView } from '@/db/queries/weekly';
import { ImprovementDetails } from './improvement-details';

/** An improvement in full, for the week summary (printable). */
export async function ImprovementSummary({
  improvement: i,
  touchpoints,
}: {
  improvement: ImprovementView;
  touchpoints: { value: string; label: string }[];
}) {
  const t = await getTranslations('weekly');
  return (
    <article className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm font-medium text-slate-600">{i.departmentName}</p>
      <h3 className="mb-2 text-base font-semibold">
        {i.title} {i.late ? <Badge tone="amber">{t('late')}</Badge> : null}
      </h3>
      <ImprovementDetails improvement={i} choices={{ touchpoints, members: [], planItems: {} }} />
    </article>
  );
}
