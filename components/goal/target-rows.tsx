'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { type TargetMetric, TARGETS_MAX, targetMetrics } from '@/lib/domain/goal';

/** A target as the editor holds it: every field as typed, so nothing is lost on an error. */
export interface TargetRow {
  key: string;
  metric: TargetMetric;
  businessMetric: string;
  touchpointId: string;
  targetValue: string;
  dueDate: string;
}

export interface TouchpointOption {
  id: string;
  name: string;
  archived: boolean;
}

let nextKey = 0;
export function newTargetRow(values: Partial<Omit<TargetRow, 'key'>> = {}): TargetRow {
  nextKey += 1;
  return {
    key: `target-${nextKey}`,
    metric: 'nps',
    businessMetric: '',
    touchpointId: '',
    targetValue: '',
    dueDate: '',
    ...values,
  };
}

/** The targets editor: one group of fields per target, added and removed with buttons. */
export function TargetRows({
  rows,
  onChange,
  touchpoints,
  fieldError,
}: {
  rows: TargetRow[];
  onChange: (rows: TargetRow[]) => void;
  touchpoints: TouchpointOption[];
  fieldError: (name: string) => string | undefined;
}) {
  const t = useTranslations('goal.edit');
  const tm = useTranslations('goal.metricOption');
  const update = (key: string, values: Partial<TargetRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...values } : r)));
  const scopeOptions = (row: TargetRow) => [
    { value: '', label: t('wholeCompanyOption') },
    ...touchpoints
      .filter((tp) => !tp.archived || tp.id === row.touchpointId)
      .map((tp) => ({ value: tp.id, label: tp.archived ? t('archived', { name: tp.name }) : tp.name })),
  ];
  const add = () => {
    onChange([...rows, newTargetRow()]);
    // Move to the new target's first field, so keyboard users continue where the new fields are.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[name="targets.${rows.length}.metric"]`)?.focus());
  };
  return (
    <div className="space-y-3">
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t('noTargets')}</p> : null}
      {rows.map((row, index) => {
        const name = (field: string) => `targets.${index}.${field}`;
        return (
          <fieldset key={row.key} className="rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold">{t('targetLegend', { number: index + 1 })}</legend>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1.3fr_1.3fr_0.8fr_1fr]">
              <SelectField
                label={t('metric')}
                name={name('metric')}
                value={row.metric}
                error={fieldError(name('metric'))}
                onChange={(e) => update(row.key, { metric: e.target.value as TargetMetric })}
                options={targetMetrics.map((m) => ({ value: m, label: tm(m) }))}
              />
              <SelectField
                label={t('scope')}
                name={name('touchpointId')}
                value={row.touchpointId}
                error={fieldError(name('touchpointId'))}
                onChange={(e) => update(row.key, { touchpointId: e.target.value })}
                options={scopeOptions(row)}
              />
              <TextField
                label={t('targetValue')}
                name={name('targetValue')}
                value={row.targetValue}
                inputMode="decimal"
                hint={t('targetValueHint')}
                error={fieldError(name('targetValue'))}
                autoComplete="off"
                onChange={(e) => update(row.key, { targetValue: e.target.value })}
              />
              <TextField
                label={t('dueDate')}
                name={name('dueDate')}
                type="date"
                value={row.dueDate}
                error={fieldError(name('dueDate'))}
                onChange={(e) => update(row.key, { dueDate: e.target.value })}
              />
              {row.metric === 'business' ? (
                <TextField
                  label={t('businessMetric')}
                  name={name('businessMetric')}
                  value={row.businessMetric}
                  maxLength={80}
                  placeholder={t('businessMetricPlaceholder')}
                  error={fieldError(name('businessMetric'))}
                  className="sm:col-span-2"
                  onChange={(e) => update(row.key, { businessMetric: e.target.value })}
                />
              ) : null}
            </div>
            <div className="mt-3 flex justify-end">
              <Button variant="danger" size="sm" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                {t('removeTarget', { number: index + 1 })}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button variant="secondary" size="sm" onClick={add} disabled={rows.length >= TARGETS_MAX}>
        {t('addTarget')}
      </Button>
    </div>
  );
}
