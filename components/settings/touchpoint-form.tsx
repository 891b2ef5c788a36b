'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import type { Touchpoint } from '@/db/queries/journey';

export interface Option {
  value: string;
  label: string;
}

/** Adds a touchpoint to a stage, or edits one (renaming, moving it to another stage, changing its owner). */
export function TouchpointForm({
  touchpoint,
  stageId,
  stages,
  departments,
  action,
  onDone,
}: {
  touchpoint?: Touchpoint;
  stageId: string;
  stages: Option[];
  departments: Option[];
  /** Adds the touchpoint, or saves it when `touchpoint` is given. */
  action: ServerAction;
  onDone?: () => void;
}) {
  const t = useTranslations('settings.journey');
  const tj = useTranslations('journey');
  const form = useActionForm(action, {
    reset: !touchpoint,
    onSuccess: () => onDone?.(),
  });
  return (
    <form
      onSubmit={form.onSubmit}
      className="grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-2"
      noValidate
    >
      {touchpoint ? <input type="hidden" name="touchpointId" value={touchpoint.id} /> : null}
      <TextField
        label={t('touchpointName')}
        name="name"
        defaultValue={touchpoint?.name}
        required
        error={form.fieldError('name')}
      />
      <SelectField
        label={t('stage')}
        name="stageId"
        defaultValue={touchpoint?.stageId ?? stageId}
        options={stages}
        error={form.fieldError('stageId')}
      />
      <SelectField
        label={t('owner')}
        name="departmentId"
        defaultValue={touchpoint?.departmentId ?? departments[0]?.value}
        options={departments}
        error={form.fieldError('departmentId')}
        hint={t('ownerHint')}
      />
      <SelectField
        label={t('channel')}
        name="channel"
        defaultValue={touchpoint?.channel ?? 'online'}
        error={form.fieldError('channel')}
        options={(['online', 'offline'] as const).map((c) => ({ value: c, label: tj(`channel.${c}`) }))}
      />
      <TextField
        label={t('key')}
        name="key"
        defaultValue={touchpoint?.key ?? ''}
        maxLength={50}
        autoCapitalize="none"
        spellCheck={false}
        hint={t('keyHint')}
        className="sm:col-span-2"
        error={form.fieldError('key')}
      />
      <TextArea
        label={t('descriptionLabel')}
        name="description"
        rows={2}
        defaultValue={touchpoint?.description}
        className="sm:col-span-2"
        error={form.fieldError('description')}
      />
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={form.pending}>
          {touchpoint ? t('save') : t('addTouchpoint')}
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
