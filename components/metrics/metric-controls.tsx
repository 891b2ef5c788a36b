'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { type Metric, metrics } from '@/lib/domain/metrics';
import { isCalendarDate } from '@/lib/domain/weeks';
import { daysIn } from '@/lib/domain/before-after';
import { MAX_RANGE_DAYS } from '@/lib/domain/chart-buckets';

export type RangePreset = '3' | '6' | '12' | 'custom';

export interface ControlsValue {
  metric: Metric;
  preset: RangePreset;
  from: string;
  to: string;
  bucket: 'week' | 'month';
}

/** Metric buttons with their answer counts, the period (presets or custom dates) and the bucket; they wrap on a phone. */
export function MetricControls({
  value,
  counts,
  onChange,
}: {
  value: ControlsValue;
  counts: Record<Metric, number>;
  onChange: (next: Partial<ControlsValue>) => void;
}) {
  const t = useTranslations('metrics');
  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
      <div role="group" aria-label={t('controls.metric')} className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
        {metrics.map((metric) => (
          <button
            key={metric}
            type="button"
            aria-pressed={value.metric === metric}
            onClick={() => onChange({ metric })}
            title={t(`longNames.${metric}`)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${value.metric === metric ? 'bg-white text-brand-800 shadow-xs' : 'text-slate-700 hover:bg-white/60'}`}
          >
            {t('controls.metricTab', { name: t(`names.${metric}`), count: counts[metric] })}
          </button>
        ))}
      </div>
      <SelectField
        label={t('controls.range')}
        className="w-44"
        value={value.preset}
        onChange={(e) => onChange({ preset: e.target.value as RangePreset })}
        options={[
          { value: '3', label: t('controls.last3') },
          { value: '6', label: t('controls.last6') },
          { value: '12', label: t('controls.last12') },
          { value: 'custom', label: t('controls.custom') },
        ]}
      />
      <SelectField
        label={t('controls.bucket')}
        className="w-32"
        value={value.bucket}
        onChange={(e) => onChange({ bucket: e.target.value as 'week' | 'month' })}
        options={[
          { value: 'week', label: t('controls.week') },
          { value: 'month', label: t('controls.month') },
        ]}
      />
      {value.preset === 'custom' ? (
        <CustomRange from={value.from} to={value.to} onApply={(from, to) => onChange({ from, to })} />
      ) : null}
    </div>
  );
}

/** From and to dates, checked here first so a wrong order shows next to the field and keeps what was typed. */
function CustomRange({ from, to, onApply }: { from: string; to: string; onApply: (from: string, to: string) => void }) {
  const t = useTranslations('metrics.controls');
  const [draft, setDraft] = useState({ from, to });
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!isCalendarDate(draft.from)) next.from = t('invalidDate');
    if (!isCalendarDate(draft.to)) next.to = t('invalidDate');
    else if (!next.from && draft.from > draft.to) next.to = t('dateOrder');
    else if (!next.from && daysIn(draft) > MAX_RANGE_DAYS) next.to = t('rangeTooLong');
    setErrors(next);
    if (!next.from && !next.to) onApply(draft.from, draft.to);
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-2">
      <TextField
        label={t('from')}
        type="date"
        className="w-40"
        value={draft.from}
        error={errors.from}
        onChange={(e) => setDraft({ ...draft, from: e.target.value })}
      />
      <TextField
        label={t('to')}
        type="date"
        className="w-40"
        value={draft.to}
        error={errors.to}
        onChange={(e) => setDraft({ ...draft, to: e.target.value })}
      />
      <Button type="submit" variant="secondary" className="mt-6">
        {t('apply')}
      </Button>
    </form>
  );
}
