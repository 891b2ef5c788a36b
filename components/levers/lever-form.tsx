'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import type { LeverKind, LeverRow, LeverState } from '@/db/queries/levers';
import { betterDirection } from '@/lib/impact/declared-target';
import { leverKinds, leverMetrics, statesOf } from '@/lib/validation/levers';
import { LockedTarget } from './locked-target';

export interface Option {
  value: string;
  label: string;
}

type LeverMetric = LeverRow['metric'];

export interface EditableLever {
  id: string;
  kind: LeverKind;
  name: string;
  description: string;
  departmentId: string;
  touchpointIds: string[];
  metric: LeverMetric;
  direction: 'up' | 'down';
  knownSince: string | null;
  /** The day its after window started, when it has: the declared target can no longer change. */
  targetLockedSince: string | null;
}

export interface LeverFormChoices {
  /** The departments the person may give a lever to: an executive all, a lead their own. */
  departments: Option[];
  /** Touchpoints that are not archived. */
  touchpoints: Option[];
  /** Today in the organization's time zone: the latest day a lever can have taken effect. */
  today: string;
}

/** What a new lever starts with, from the address (a touchpoint page's "add a blocker here"). */
export interface LeverPrefill {
  kind?: LeverKind;
  touchpointIds?: string[];
}

/**
 * Adds an accelerator or a blocker, or edits one. A new one may start in effect already (an accelerator in place, a
 * blocker removed) with the day it happened; later moves go through the lever's state form.
 */
export function LeverForm({
  lever,
  prefill,
  choices,
  defaultDepartmentId,
  action,
  onDone,
}: {
  lever?: EditableLever;
  prefill?: LeverPrefill;
  choices: LeverFormChoices;
  defaultDepartmentId?: string | null;
  action: ServerAction<{ id: string }>;
  /** After a saved edit; a new lever opens its page instead. */
  onDone?: () => void;
}) {
  const t = useTranslations('levers.form');
  const ts = useTranslations('levers.state');
  const tm = useTranslations('impact.sentence');
  const router = useRouter();
  const [kind, setKind] = useState<LeverKind>(lever?.kind ?? prefill?.kind ?? 'accelerator');
  const [state, setState] = useState<LeverState>(statesOf[kind][0]);
  const [metric, setMetric] = useState<LeverMetric>(lever?.metric ?? 'nps');
  const [direction, setDirection] = useState<'up' | 'down'>(lever?.direction ?? 'up');
  const form = useActionForm(action, {
    onSuccess: (data) => {
      if (lever) onDone?.();
      else router.push(`/levers/${data.id}`);
    },
  });
  const chooseKind = (next: LeverKind) => {
    setKind(next);
    setState(statesOf[next][0]);
  };
  const chooseMetric = (next: LeverMetric) => {
    setMetric(next);
    setDirection(betterDirection(next));
  };
  const department =
    lever?.departmentId ??
    choices.departments.find((d) => d.value === defaultDepartmentId)?.value ??
    choices.departments[0]?.value;
  const inEffect = state === 'in-place' || state === 'removed';
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      aria-label={lever ? t('editNamed', { name: lever.name }) : t('addTitle')}
      className="grid gap-4 sm:grid-cols-2"
    >
      {lever ? <input type="hidden" name="leverId" value={lever.id} /> : null}
      <div className="sm:col-span-2">
        <FormError message={form.formError} />
      </div>
      {lever ? null : (
        <KindChoice kind={kind} onChange={chooseKind} error={form.fieldError('kind')} className="sm:col-span-2" />
      )}
      <TextField
        label={t('name')}
        name="name"
        defaultValue={lever?.name}
        required
        autoComplete="off"
        hint={t(kind === 'accelerator' ? 'nameHintAccelerator' : 'nameHintBlocker')}
        error={form.fieldError('name')}
        className="sm:col-span-2"
      />
      <TextArea
        label={t('description')}
        name="description"
        rows={4}
        defaultValue={lever?.description}
        hint={t('descriptionHint')}
        error={form.fieldError('description')}
        className="sm:col-span-2"
      />
      <SelectField
        label={t('department')}
        name="departmentId"
        required
        defaultValue={department}
        hint={t('departmentHint')}
        error={form.fieldError('departmentId')}
        options={choices.departments}
      />
      {kind === 'blocker' ? (
        <TextField
          label={t('knownSince')}
          name="knownSince"
          type="date"
          max={choices.today}
          defaultValue={lever?.knownSince ?? ''}
          hint={t('knownSinceHint')}
          error={form.fieldError('knownSince')}
        />
      ) : (
        <div className="hidden sm:block" />
      )}
      <div className="sm:col-span-2">
        <CheckboxGroup
          legend={t('touchpoints')}
          hint={t('touchpointsHint')}
          name="touchpointIds"
          options={choices.touchpoints}
          defaultValues={lever?.touchpointIds ?? prefill?.touchpointIds}
          error={form.fieldError('touchpointIds')}
        />
      </div>
      {lever?.targetLockedSince ? (
        <LockedTarget lever={lever} lockedSince={lever.targetLockedSince} error={form.fieldError('metric')} />
      ) : (
        <>
          <SelectField
            label={t('metric')}
            name="metric"
            value={metric}
            onChange={(e) => chooseMetric(e.target.value as LeverMetric)}
            hint={t('metricHint')}
            error={form.fieldError('metric')}
            options={leverMetrics.map((m) => ({ value: m, label: tm('metric', { metric: m }) }))}
          />
          <SelectField
            label={t('direction')}
            name="direction"
            value={direction}
            onChange={(e) => setDirection(e.target.value as 'up' | 'down')}
            error={form.fieldError('direction')}
            options={[
              { value: 'up', label: t('up') },
              { value: 'down', label: t('down') },
            ]}
          />
        </>
      )}
      {lever ? null : (
        <>
          <SelectField
            label={t('state')}
            name="state"
            value={state}
            onChange={(e) => setState(e.target.value as LeverState)}
            hint={t(kind === 'accelerator' ? 'stateHintAccelerator' : 'stateHintBlocker')}
            error={form.fieldError('state')}
            options={statesOf[kind].map((s) => ({ value: s, label: ts(s) }))}
          />
          {inEffect ? (
            <TextField
              label={t(state === 'in-place' ? 'inPlaceSince' : 'removedOn')}
              name="effectiveDate"
              type="date"
              max={choices.today}
              defaultValue={choices.today}
              hint={t('effectiveDateHint')}
              error={form.fieldError('effectiveDate')}
            />
          ) : null}
        </>
      )}
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" disabled={form.pending}>
          {lever ? t('save') : t(kind === 'accelerator' ? 'addAccelerator' : 'addBlocker')}
        </Button>
        {lever && onDone ? (
          <Button variant="secondary" onClick={onDone}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** Accelerator or blocker, as two radio buttons with what each means. */
function KindChoice({
  kind,
  onChange,
  error,
  className,
}: {
  kind: LeverKind;
  onChange: (kind: LeverKind) => void;
  error?: string;
  className?: string;
}) {
  const t = useTranslations('levers.form');
  const tk = useTranslations('levers.kind');
  const id = useId();
  return (
    <fieldset
      className={className}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-sm font-medium text-slate-800">{t('kind')}</legend>
      <div className="mt-1.5 grid gap-2 sm:grid-cols-2">
        {leverKinds.map((k) => (
          <div
            key={k}
            className="grid grid-cols-[auto_1fr] gap-x-2.5 rounded-md border border-slate-300 p-3 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
          >
            <input
              id={`${id}-${k}`}
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => onChange(k)}
              aria-describedby={`${id}-${k}-hint`}
              className="mt-0.5 h-4 w-4"
            />
            <label htmlFor={`${id}-${k}`} className="cursor-pointer font-medium text-slate-900">
              {tk(k)}
            </label>
            <p id={`${id}-${k}-hint`} className="col-start-2 text-xs text-slate-600">
              {t(`kindHint.${k}`)}
            </p>
          </div>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
