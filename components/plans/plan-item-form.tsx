'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox, CheckboxGroup } from '@/components/ui/checkbox-group';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import { allowedNextStatuses, type PlanItemStatus } from '@/lib/domain/plans';

export interface Option {
  value: string;
  label: string;
}

export interface PlanFormChoices {
  members: Option[];
  touchpoints: Option[];
  otherDepartments: Option[];
  serves: Option[];
  currency: string;
  promiseOwner: string | null;
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
}

/** Adds an item to a department's plan, or edits one. */
export function PlanItemForm({
  departmentId,
  item,
  choices,
  action,
  onDone,
}: {
  departmentId: string;
  item?: EditableItem;
  choices: PlanFormChoices;
  /** Adds the item, or saves it when `item` is given. */
  action: ServerAction;
  onDone?: () => void;
}) {
  const t = useTranslations('plans.form');
  const ts = useTranslations('plans.status');
  const [status, setStatus] = useState<PlanItemStatus>(item?.status ?? 'planned');
  const form = useActionForm(action, {
    reset: !item,
    onSuccess: () => {
      setStatus(item?.status ?? 'planned');
      onDone?.();
    },
  });
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
        <input type="hidden" name="departmentId" value={departmentId} />
      )}
      <TextField
        label={t('title')}
        name="title"
        defaultValue={item?.title}
        required
        className="sm:col-span-2"
        error={form.fieldError('title')}
      />
      <TextArea
        label={t('description')}
        name="description"
        defaultValue={item?.description}
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
        options={[{ value: '', label: t('servesNothing') }, ...choices.serves]}
      />
      <div className="sm:col-span-2">
        <CheckboxGroup
          legend={t('touchpoints')}
          name="touchpointIds"
          options={choices.touchpoints}
          defaultValues={item?.touchpointIds}
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
