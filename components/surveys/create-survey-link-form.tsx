'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import type { SurveyMetric } from '@/lib/domain/metrics';

interface Props {
  touchpointId: string;
  /** The survey metrics that have no link at this touchpoint yet. */
  metrics: SurveyMetric[];
  action: ServerAction<{ id: string }>;
}

/** Creates the link of one metric; the page lists it once the action has refreshed it. */
export function CreateSurveyLinkForm({ touchpointId, metrics, action }: Props) {
  const t = useTranslations('surveys');
  const form = useActionForm(action);
  if (metrics.length === 0) return <p className="text-sm text-slate-600">{t('manage.allCreated')}</p>;
  return (
    <form onSubmit={form.onSubmit} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="touchpointId" value={touchpointId} />
      <SelectField
        label={t('manage.metricLabel')}
        name="metric"
        className="min-w-64 flex-1 sm:flex-none"
        error={form.fieldError('metric')}
        options={metrics.map((m) => ({ value: m, label: t(`metric.${m}`) }))}
      />
      <Button type="submit" disabled={form.pending}>
        {t('manage.create')}
      </Button>
      <div className="basis-full empty:hidden">
        <FormError message={form.formError} />
      </div>
    </form>
  );
}
