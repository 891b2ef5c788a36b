'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import type { JourneyStage } from '@/db/queries/journey';

/** Adds a stage, or edits one when `stage` is given; `action` adds or saves accordingly. */
export function StageForm({
  stage,
  action,
  onDone,
}: {
  stage?: JourneyStage;
  action: ServerAction;
  onDone?: () => void;
}) {
  const t = useTranslations('settings.journey');
  const tj = useTranslations('journey');
  const form = useActionForm(action, { reset: !stage, onSuccess: () => onDone?.() });
  return (
    <form onSubmit={form.onSubmit} className="grid items-end gap-3 sm:grid-cols-[2fr_1fr_auto]" noValidate>
      {stage ? <input type="hidden" name="stageId" value={stage.id} /> : null}
      <TextField
        label={t('stageName')}
        name="name"
        defaultValue={stage?.name}
        required
        error={form.fieldError('name')}
      />
      <SelectField
        label={t('phase')}
        name="phase"
        defaultValue={stage?.phase ?? 'before'}
        error={form.fieldError('phase')}
        options={(['before', 'during', 'after'] as const).map((p) => ({ value: p, label: tj(`phase.${p}`) }))}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending}>
          {stage ? t('save') : t('addStage')}
        </Button>
        {onDone ? (
          <Button variant="ghost" onClick={onDone}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
      <div className="sm:col-span-3">
        <FormError message={form.formError} />
      </div>
    </form>
  );
}
