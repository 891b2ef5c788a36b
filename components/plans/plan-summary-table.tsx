import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import type { DepartmentSummary } from '@/lib/domain/plan-summary';

/** One row per department: where its plan stands, and (for executives) what it costs against what was spent. */
export async function PlanSummaryTable({
  departments,
  summary,
  showMoney,
  money,
  myDepartmentId,
}: {
  departments: { id: string; name: string; stage: 'front' | 'back' }[];
  summary: { byDepartment: Map<string, DepartmentSummary>; total: DepartmentSummary };
  showMoney: boolean;
  money: (n: number) => string;
  myDepartmentId: string | null;
}) {
  const t = await getTranslations('plans.summary');
  const cell = 'px-2 py-2 text-right tabular-nums';
  const row = (s: DepartmentSummary) => (
    <>
      <td className={cell}>{s.byStatus.planned}</td>
      <td className={cell}>{s.byStatus.in_progress}</td>
      <td className={cell}>{s.byStatus.done}</td>
      <td className={cell}>{s.byStatus.dropped}</td>
      <td className={`${cell} ${s.overdue ? 'font-semibold text-red-700' : ''}`}>{s.overdue}</td>
      <td className={`${cell} ${s.withoutOwner ? 'font-semibold text-amber-800' : ''}`}>{s.withoutOwner}</td>
      <td className={`${cell} ${s.pendingAnswers ? 'font-semibold text-amber-800' : ''}`}>{s.pendingAnswers}</td>
      {showMoney ? (
        <>
          <td className={cell}>{money(s.investmentPlanned)}</td>
          <td className={cell}>{money(s.investmentSpent)}</td>
        </>
      ) : null}
    </>
  );
  return (
    <Card title={t('title')} description={t('description')}>
      <div className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <table className="w-full min-w-[40rem] text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-2 text-left font-medium">
                {t('department')}
              </th>
              {(
                [
                  'planned',
                  'inProgress',
                  'done',
                  'dropped',
                  'overdue',
                  'withoutOwner',
                  'pendingAnswers',
                  ...(showMoney ? (['investmentPlanned', 'investmentSpent'] as const) : []),
                ] as const
              ).map((key) => (
                <th key={key} scope="col" className="px-2 py-2 text-right font-medium">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {departments.map((d) => (
              <tr key={d.id} className={d.id === myDepartmentId ? 'bg-brand-50' : undefined}>
                <th scope="row" className="px-2 py-2 text-left font-medium">
                  <Link href={`/plans/${d.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                    {d.name}
                  </Link>
                </th>
                {row(summary.byDepartment.get(d.id)!)}
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-300 font-semibold">
            <tr>
              <th scope="row" className="px-2 py-2 text-left">
                {t('total')}
              </th>
              {row(summary.total)}
            </tr>
          </tfoot>
        </table>
      </div>
    </Card>
  );
}
