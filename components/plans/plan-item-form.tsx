'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { IdeaReplyField } from '@/components/ideas/idea-reply-field';
import { Button } from '@/components/ui/button';
import { Checkbox, CheckboxGroup } from '@/components/ui/checkbox-group';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import { type TargetMetric, targetMetrics } from '@/lib/domain/goal';
import { allowedNextStatuses, type PlanItemStatus } from '@/lib/domain/plans';
import { betterDirection } from '@/lib/impact/declared-target';

export interface Option {
  value: string;
  label: string;
}

export interface PlanFormChoices {
  members: Option[];
  touchpoints: Option[];
  otherDepartments: Option[];
  serves: Option[];
  /** The metric of each goal target an item may serve ("target:<id>"), to default the item's own target from. */
  servesMetric: Record<string, TargetMetric>;
  currency: string;
  promiseOwner: string | null;
  /** Today in the organization's time zone: a done item's "took effect on" date unless another is chosen. */
  today: string;
}

export interface EditableItem {
  id: string;
  title: string;
  description: string;
  ownerUserId: string | null;
  dueDate: string | null;
  status: PlanItemStatus;
  dropReason: string | null;
  quickWin: boolean;
  investment: number | null;
  expectedOutcome: string;
  changesPromise: boolean;
  touchpointIds: string[];
  affectedDepartmentIds: string[];
  serves: string;
  effectiveDate: string | null;
  metric: TargetMetric | null;
  direction: 'up' | 'down' | null;
  /** The day its after window started, when it has: the declared target can no longer change. */
  targetLockedSince: string | null;
}

/** What a new item starts with when it comes from a staff idea ("add to the plan"). */
export interface PlanItemPrefill {
  title: string;
  description: string;
  touchpointIds: string[];
  sourceIdeaId: string;
}

/** Adds an item to a department's plan, or edits one. */
export function PlanItemForm({
  departmentId,
  item,
  prefill,
  choices,
  action,
  onDone,
}: {
  departmentId: string;
  item?: EditableItem;
  /** A new item's first values (ignored when editing). */
  prefill?: PlanItemPrefill;
  choices: PlanFormChoices;
  /** Adds the item, or saves it when `item` is given. */
  action: ServerAction;
  onDone?: () => void;
}) {
  const t = useTranslations('plans.form');
  const ts = useTranslations('plans.status');
  const tm = useTranslations('plans.metric');
  const [status, setStatus] = useState<PlanItemStatus>(item?.status ?? 'planned');
  const [metric, setMetric] = useState<string>(item?.metric ?? '');
  const [direction, setDirection] = useState<string>(item?.direction ?? 'up');
  const form = useActionForm(action, {
    reset: !item,
    onSuccess: () => {
      setStatus(item?.status ?? 'planned');
      setMetric(item?.metric ?? '');
      setDirection(item?.direction ?? 'up');
      onDone?.();
    },
  });
  // Choosing the goal target it serves declares that target's metric, going its better way (still editable).
  const chooseServes = (serves: string) => {
    const served = choices.servesMetric[serves];
    if (!served) return;
    setMetric(served);
    setDirection(betterDirection(served));
  };
  const statuses = item ? allowedNextStatuses(item.status) : (['planned', 'in_progress', 'done'] as const);
  return (
    <form
      onSubmit={form.onSubmit}
      className="grid gap-4 rounded-md border border-slate-200 bg-white p-4 sm:grid-cols-2"
      noValidate
      aria-label={item ? t('editNamed', { title: item.title }) : t('addItem')}
    >
      {item ? (
        <input type="hidden" name="planItemId" value={item.id} />
      ) : (
        <>
          <input type="hidden" name="departmentId" value={departmentId} />
          {prefill ? <input type="hidden" name="sourceIdeaId" value={prefill.sourceIdeaId} /> : null}
        </>
      )}
      <TextField
        label={t('title')}
        name="title"
        defaultValue={item?.title ?? prefill?.title}
        required
        className="sm:col-span-2"
        error={form.fieldError('title')}
      />
      <TextArea
        label={t('description')}
        name="description"
        defaultValue={item?.description ?? prefill?.description}
        className="sm:col-span-2"
        error={form.fieldError('description')}
      />
      <SelectField
        label={t('owner')}
        name="ownerUserId"
        defaultValue={item?.ownerUserId ?? ''}
        error={form.fieldError('ownerUserId')}
        options={[{ value: '', label: t('noOwner') }, ...choices.members]}
      />
      <TextField
        label={t('dueDate')}
        name="dueDate"
        type="date"
        defaultValue={item?.dueDate ?? ''}
        error={form.fieldError('dueDate')}
      />
      <SelectField
        label={t('status')}
        name="status"
        value={status}
        onChange={(e) => setStatus(e.target.value as PlanItemStatus)}
        error={form.fieldError('status')}
        options={statuses.map((s) => ({ value: s, label: ts(s) }))}
      />
      {status === 'dropped' ? (
        <TextField
          label={t('dropReason')}
          name="dropReason"
          defaultValue={item?.dropReason ?? ''}
          required
          error={form.fieldError('dropReason')}
        />
      ) : status === 'done' ? (
        <TextField
          label={t('effectiveDate')}
          name="effectiveDate"
          type="date"
          max={choices.today}
          defaultValue={item?.effectiveDate ?? choices.today}
          hint={t('effectiveDateHint')}
          error={form.fieldError('effectiveDate')}
        />
      ) : (
        <div className="hidden sm:block" />
      )}
      <TextField
        label={t('investment', { currency: choices.currency })}
        name="investment"
        inputMode="decimal"
        defaultValue={item?.investment ?? ''}
        hint={t('investmentHint')}
        error={form.fieldError('investment')}
      />
      <TextField
        label={t('expectedOutcome')}
        name="expectedOutcome"
        defaultValue={item?.expectedOutcome}
        hint={t('expectedOutcomeHint')}
        error={form.fieldError('expectedOutcome')}
      />
      <SelectField
        label={t('serves')}
        name="serves"
        defaultValue={item?.serves ?? ''}
        className="sm:col-span-2"
        error={form.fieldError('serves')}
        onChange={(e) => chooseServes(e.target.value)}
        options={[{ value: '', label: t('servesNothing') }, ...choices.serves]}
      />
      {item?.targetLockedSince ? (
        <LockedTarget item={item} lockedSince={item.targetLockedSince} error={form.fieldError('metric')} />
      ) : (
        <>
          <SelectField
            label={t('metric')}
            name="metric"
            value={metric}
            onChange={(e) => setMetric(e.target.value)}
            hint={t('metricHint')}
            error={form.fieldError('metric')}
            options={[{ value: '', label: t('noMetric') }, ...targetMetrics.map((m) => ({ value: m, label: tm(m) }))]}
          />
          <SelectField
            label={t('direction')}
            name="direction"
            value={direction}
            onChange={(e) => setDirection(e.target.value)}
            disabled={!metric}
            error={form.fieldError('direction')}
            options={[
              { value: 'up', label: t('up') },
              { value: 'down', label: t('down') },
            ]}
          />
        </>
      )}
      <div className="sm:col-span-2">
        <CheckboxGroup
          legend={t('touchpoints')}
          name="touchpointIds"
          options={choices.touchpoints}
          defaultValues={item?.touchpointIds ?? prefill?.touchpointIds}
          error={form.fieldError('touchpointIds')}
        />
      </div>
      <div className="sm:col-span-2">
        <CheckboxGroup
          legend={t('affects')}
          hint={t('affectsHint')}
          name="affectedDepartmentIds"
          options={choices.otherDepartments}
          defaultValues={item?.affectedDepartmentIds}
          error={form.fieldError('affectedDepartmentIds')}
        />
      </div>
      <Checkbox label={t('quickWin')} name="quickWin" defaultChecked={item?.quickWin} hint={t('quickWinHint')} />
      <Checkbox
        label={t('changesPromise')}
        name="changesPromise"
        defaultChecked={item?.changesPromise}
        hint={
          choices.promiseOwner
            ? t('changesPromiseHint', { department: choices.promiseOwner })
            : t('changesPromiseNoOwner')
        }
      />
      {prefill ? <IdeaReplyField error={form.fieldError('ideaReply')} /> : null}
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" disabled={form.pending}>
          {item ? t('save') : t('add')}
        </Button>
        {onDone ? (
          <Button variant="ghost" onClick={onDone}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
      <div className="sm:col-span-2">
        <FormError message={form.formError} />
      </div>
    </form>
  );
}

/** The declared target once its after window has started: shown, sent back unchanged, and why it cannot change. */
function LockedTarget({ item, lockedSince, error }: { item: EditableItem; lockedSince: string; error?: string }) {
  const t = useTranslations('plans.form');
  const tm = useTranslations('plans.metric');
  const tv = useTranslations('validation');
  const format = useFormatter();
  const date = format.dateTime(new Date(`${lockedSince}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <div className="space-y-1 sm:col-span-2">
      <input type="hidden" name="metric" value={item.metric ?? ''} />
      <input type="hidden" name="direction" value={item.direction ?? ''} />
      <p className="text-sm font-medium text-slate-800">{t('metric')}</p>
      <p className="text-sm text-slate-900">
        {item.metric
          ? t('declaredTarget', { metric: tm(item.metric), direction: item.direction ?? 'up' })
          : t('noMetric')}
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
