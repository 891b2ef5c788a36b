'use client';

import { useTranslations } from 'next-intl';
import { FormError } from '@/components/ui/form-error';
import type { ImportOutcome } from './send-import';

export interface ImportRun {
  phase: 'sending' | 'storing' | 'finished';
  done: number;
  total: number;
  outcome?: ImportOutcome;
}

/** A real progress bar while answers are stored, then what was stored, or why nothing was. */
export function ImportProgress({ run }: { run: ImportRun }) {
  const t = useTranslations('imports');
  const tAll = useTranslations();
  if (run.phase !== 'finished') {
    const percent = run.phase === 'storing' && run.total > 0 ? Math.round((run.done / run.total) * 100) : 0;
    const label =
      run.phase === 'sending'
        ? t('progress.sending')
        : run.total > 0 && run.done >= run.total
          ? t('progress.finishing', { total: run.total }) // every row is staged; the one transaction that stores them runs
          : t('progress.storing', { done: run.done, total: run.total });
    return (
      <div className="space-y-1">
        <div
          role="progressbar"
          aria-label={t('progress.label')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={label}
          className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className={`h-full bg-brand-600 transition-[width] ${run.phase === 'sending' ? 'w-1/12 animate-pulse' : ''}`}
            style={run.phase === 'storing' ? { width: `${percent}%` } : undefined}
          />
        </div>
        <p className="text-sm text-slate-600">{label}</p>
      </div>
    );
  }
  const outcome = run.outcome!;
  if (outcome.ok) {
    return (
      <div
        role="status"
        className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
      >
        <p className="font-medium">
          {t('result.stored', {
            stored: outcome.data.stored,
            duplicates: outcome.data.duplicates,
            skipped: outcome.data.skipped,
          })}
        </p>
        <a href="#import-history" className="mt-1 inline-block font-medium underline">
          {t('result.seeHistory')}
        </a>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <FormError message={outcome.error?.message ?? tAll('errors.network')} />
      {outcome.error?.rows?.length ? (
        <ul className="list-disc pl-5 text-sm text-red-800">
          {outcome.error.rows.slice(0, 20).map((e, i) => (
            <li key={i}>{t('result.rowError', { row: e.row, field: e.field, message: e.message })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
