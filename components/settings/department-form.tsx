'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import type { Department } from '@/db/queries/departments';

/** Adds a department, or edits one when `department` is given; `action` adds or saves accordingly. */
export function DepartmentForm({
  department,
  action,
  onDone,
}: {
  department?: Department;
  action: ServerAction;
  onDone?: () => void;
}) {
  const t = useTranslations('settings.departments');
  const form = useActionForm(action, {
    reset: !department,
    onSuccess: () => onDone?.(),
  });
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-[2fr_1fr]" noValidate>
      {department ? <input type="hidden" name="departmentId" value={department.id} /> : null}
      <TextField
        label={t('name')}
        name="name"
        defaultValue={department?.name}
        required
        error={form.fieldError('name')}
      />
      <SelectField
        label={t('stage')}
        name="stage"
        defaultValue={department?.stage ?? 'front'}
        error={form.fieldError('stage')}
        options={[
          { value: 'front', label: t('front') },
          { value: 'back', label: t('back') },
        ]}
      />
      <TextArea
        label={t('descriptionLabel')}
        name="description"
        defaultValue={department?.description}
        className="sm:col-span-2"
        rows={2}
        error={form.fieldError('description')}
      />
      <div className="flex items-center gap-2 sm:col-span-2">
        <Button type="submit" disabled={form.pending}>
          {department ? t('save') : t('add')}
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
