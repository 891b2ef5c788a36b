import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import type { ImprovementView } from '@/db/queries/weekly';

/** An improvement in full, for the week summary (server-rendered, printable). */
export async function ImprovementSummary({ improvement: i, touchpointNames }: { improvement: ImprovementView; touchpointNames: Map<string, string> }) {
  const t = await getTranslations('weekly.form');
  const tw = await getTranslations('weekly');
  const tm = await getTranslations('plans.metric');
  const metric = i.metric === 'business' ? i.businessMetric : i.metric ? tm(i.metric) : null;
  const rows: [string, string | null][] = [
    [t('process'), i.process || null],
    [t('before'), i.before || null],
    [t('after'), i.after || null],
    [t('metric'), metric ? `${metric} ${i.direction === 'down' ? '↓' : '↑'}` : null],
    [t('touchpoints'), i.touchpointIds.map((id) => touchpointNames.get(id)).filter(Boolean).join(', ') || null],
    [t('source'), i.source === 'plan_item' ? `${t('sourcePlanItem')}: ${i.sourcePlanItemTitle ?? ''}` : i.source ? `${t(i.source === 'idea' ? 'sourceIdea' : 'sourceComplaint')}${i.sourceNote ? `: ${i.sourceNote}` : ''}` : null],
    [t('owner'), i.ownerName],
    [t('effectiveDate'), i.effectiveDate],
  ];
  return (
    <article className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm font-medium text-slate-600">{i.departmentName}</p>
      <h3 className="text-base font-semibold">{i.title} {i.late ? <Badge tone="amber">{tw('late')}</Badge> : null}</h3>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        {rows.filter(([, v]) => v).map(([label, v]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="whitespace-pre-line">{v}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
