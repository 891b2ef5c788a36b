'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { IdeaReplyField } from '@/components/ideas/idea-reply-field';
import { Button } from '@/components/ui/button';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { formValues } from '@/components/ui/use-action-form';
import { useImprovement } from './use-weekly';

export interface Option {
  value: string;
  label: string;
}

export interface ImprovementChoices {
  touchpoints: Option[];
  members: Option[];
  /** Plan items by department id. */
  planItems: Record<string, Option[]>;
}

export type ImprovementDraft = Record<string, FormDataEntryValue | FormDataEntryValue[]>;

const value = (draft: ImprovementDraft | undefined, name: string) => {
  const v = draft?.[name];
  return typeof v === 'string' ? v : undefined;
};

/** The fields of one weekly improvement; the parent decides what submitting does (optimistic log, or save). */
export function ImprovementForm({
  departmentId,
  choices,
  draft,
  errors,
  formError,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  departmentId: string;
  choices: ImprovementChoices;
  draft?: ImprovementDraft;
  errors?: Record<string, string>;
  formError?: string;
  pending?: boolean;
  submitLabel: string;
  onSubmit: (values: ImprovementDraft) => void;
  onCancel: () => void;
}) {
  const t = useTranslations('weekly.form');
  const tm = useTranslations('plans.metric');
  const [metric, setMetric] = useState(value(draft, 'metric') ?? '');
  const [source, setSource] = useState(value(draft, 'source') ?? '');
  // A logged improvement's declared target locks once its after window has started (the server says since when).
  const { data: logged } = useImprovement(value(draft, 'improvementId') ?? null);
  const lockedSince = logged?.targetLockedSince ?? null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(formValues(new FormData(event.currentTarget)));
  };
  const touchpointIds = draft?.touchpointIds;
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate>
      {Object.entries(draft ?? {})
        .filter(([k]) => ['departmentId', 'weekStart', 'improvementId', 'sourceIdeaId'].includes(k))
        .map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={String(v)} />
        ))}
      <TextField
        label={t('title')}
        name="title"
        defaultValue={value(draft, 'title')}
        required
        className="sm:col-span-2"
        error={errors?.title}
        autoFocus
      />
      <TextField
        label={t('process')}
        name="process"
        defaultValue={value(draft, 'process')}
        hint={t('processHint')}
        className="sm:col-span-2"
        error={errors?.process}
      />
      <TextArea
        label={t('before')}
        name="before"
        rows={2}
        defaultValue={value(draft, 'before')}
        error={errors?.before}
      />
      <TextArea label={t('after')} name="after" rows={2} defaultValue={value(draft, 'after')} error={errors?.after} />
      {lockedSince ? (
        <LockedTarget
          metric={value(draft, 'metric') ?? ''}
          direction={value(draft, 'direction') ?? ''}
          lockedSince={lockedSince}
          error={errors?.metric ?? errors?.direction}
        />
      ) : (
        <>
          <SelectField
            label={t('metric')}
            name="metric"
            value={metric}
            onChange={(e) => setMetric(e.target.value)}
            error={errors?.metric}
            options={[
              { value: '', label: t('noMetric') },
              ...(['nps', 'csat', 'ces', 'nev', 'ttr'] as const).map((m) => ({ value: m, label: tm(m) })),
              { value: 'business', label: t('businessMetric') },
            ]}
          />
          <SelectField
            label={t('direction')}
            name="direction"
            defaultValue={value(draft, 'direction') ?? 'up'}
            error={errors?.direction}
            disabled={!metric}
            options={[
              { value: 'up', label: t('up') },
              { value: 'down', label: t('down') },
            ]}
          />
        </>
      )}
      {metric === 'business' ? (
        <TextField
          label={t('businessMetricName')}
          name="businessMetric"
          defaultValue={value(draft, 'businessMetric')}
          className="sm:col-span-2"
          error={errors?.businessMetric}
        />
      ) : null}
      <div className="sm:col-span-2">
        <CheckboxGroup
          legend={t('touchpoints')}
          name="touchpointIds"
          options={choices.touchpoints}
          error={errors?.touchpointIds}
          defaultValues={
            Array.isArray(touchpointIds)
              ? touchpointIds.map(String)
              : typeof touchpointIds === 'string'
                ? [touchpointIds]
                : []
          }
        />
      </div>
      <SelectField
        label={t('source')}
        name="source"
        value={source}
        onChange={(e) => setSource(e.target.value)}
        error={errors?.source}
        options={[
          { value: '', label: t('noSource') },
          { value: 'idea', label: t('sourceIdea') },
          { value: 'plan_item', label: t('sourcePlanItem') },
          { value: 'complaint', label: t('sourceComplaint') },
        ]}
      />
      {source === 'plan_item' ? (
        <SelectField
          label={t('planItem')}
          name="sourcePlanItemId"
          defaultValue={value(draft, 'sourcePlanItemId')}
          error={errors?.sourcePlanItemId}
          options={[{ value: '', label: t('choose') }, ...(choices.planItems[departmentId] ?? [])]}
        />
      ) : source && !(source === 'idea' && value(draft, 'sourceIdeaId')) ? (
        <TextField
          label={t('sourceNote')}
          name="sourceNote"
          defaultValue={value(draft, 'sourceNote')}
          hint={t('sourceNoteHint')}
          error={errors?.sourceNote}
        />
      ) : (
        <div className="hidden sm:block" />
      )}
      <SelectField
        label={t('owner')}
        name="ownerUserId"
        defaultValue={value(draft, 'ownerUserId') ?? ''}
        error={errors?.ownerUserId}
        options={[{ value: '', label: t('noOwner') }, ...choices.members]}
      />
      <TextField
        label={t('effectiveDate')}
        name="effectiveDate"
        type="date"
        defaultValue={value(draft, 'effectiveDate')}
        required
        error={errors?.effectiveDate ?? errors?.weekStart}
      />
      {value(draft, 'sourceIdeaId') ? (
        <IdeaReplyField defaultValue={value(draft, 'ideaReply')} error={errors?.ideaReply} />
      ) : null}
      <div className="sm:col-span-2">
        <FormError message={formError} />
      </div>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The declared target once the after window has started: shown, sent back unchanged, and why it cannot change. */
function LockedTarget({
  metric,
  direction,
  lockedSince,
  error,
}: {
  metric: string;
  direction: string;
  lockedSince: string;
  error?: string;
}) {
  const t = useTranslations('weekly.form');
  const tm = useTranslations('plans.metric');
  const tv = useTranslations('validation');
  const format = useFormatter();
  const date = format.dateTime(new Date(`${lockedSince}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  const metricName =
    metric === 'business' ? t('businessMetric') : isMeasured(metric) ? tm(metric) : metric ? metric : t('noMetric');
  return (
    <div className="space-y-1 sm:col-span-2">
      <input type="hidden" name="metric" value={metric} />
      <input type="hidden" name="direction" value={metric ? direction : ''} />
      <p className="text-sm font-medium text-slate-800">{t('metric')}</p>
      <p className="text-sm text-slate-900">
        {metric ? t('declaredTarget', { metric: metricName, direction: direction || 'up' }) : metricName}
      </p>
      <p className="text-xs text-slate-600">{tv('targetLocked', { date })}</p>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const measured = ['nps', 'csat', 'ces', 'nev', 'ttr'] as const;
const isMeasured = (m: string): m is (typeof measured)[number] => (measured as readonly string[]).includes(m);
