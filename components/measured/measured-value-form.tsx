'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import { type CesHeadline, type Metric, metrics } from '@/lib/domain/metrics';
import { aggregateValueRange } from '@/lib/validation/metric-aggregates';

/** Adds a value measured elsewhere: touchpoint, metric, value in the unit the product shows, n and period. */
export function MeasuredValueForm({
  touchpoints,
  cesHeadline,
  today,
  action,
}: {
  touchpoints: { value: string; label: string }[];
  cesHeadline: CesHeadline;
  today: string;
  action: ServerAction<{ id: string }>;
}) {
  const t = useTranslations('measured');
  const ti = useTranslations('imports');
  const [metric, setMetric] = useState<Metric>('nps');
  const [saved, setSaved] = useState(false);
  const form = useActionForm(action, {
    reset: true,
    onSubmit: () => setSaved(false),
    onSuccess: () => {
      setSaved(true);
      setMetric('nps');
    },
  });
  const range = aggregateValueRange(metric, cesHeadline);
  const unit = metric === 'ces' ? t(`unit.ces.${cesHeadline}`) : t(`unit.${metric}`);
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('field.touchpoint')}
          name="touchpointId"
          options={touchpoints}
          error={form.fieldError('touchpointId')}
        />
        <SelectField
          label={t('field.metric')}
          name="metric"
          value={metric}
          onChange={(e) => setMetric(e.target.value as Metric)}
          options={metrics.map((m) => ({ value: m, label: ti(`metric.${m}`) }))}
          error={form.fieldError('metric')}
        />
        <TextField
          label={t('field.value')}
          name="value"
          inputMode="decimal"
          required
          error={form.fieldError('value')}
          hint={t('hint.value', { unit, min: range.min, max: range.max })}
        />
        <TextField
          label={t('field.n')}
          name="n"
          type="number"
          min={1}
          step={1}
          required
          error={form.fieldError('n')}
          hint={t('hint.n')}
        />
        <TextField
          label={t('field.periodStart')}
          name="periodStart"
          type="date"
          max={today}
          required
          error={form.fieldError('periodStart')}
        />
        <TextField
          label={t('field.periodEnd')}
          name="periodEnd"
          type="date"
          max={today}
          required
          error={form.fieldError('periodEnd')}
        />
        <TextField
          label={t('field.source')}
          name="source"
          maxLength={200}
          className="sm:col-span-2"
          error={form.fieldError('source')}
          hint={t('hint.source')}
        />
      </div>
      <FormError message={form.formError} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {t('add')}
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-emerald-800">
            {t('added')}
          </p>
        ) : null}
      </div>
    </form>
  );
}
