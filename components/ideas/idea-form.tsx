'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox-group';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import { SimilarIdeas, useSimilarIdeas } from './similar-ideas';

export interface Option {
  value: string;
  label: string;
}

export interface EditableIdea {
  id: string;
  title: string;
  today: string;
  change: string;
  departmentId: string;
  touchpointId: string | null;
}

/**
 * Submits a new idea, or edits one while it is new (the same fields, without "anonymous", which cannot change).
 * While the title is typed, similar open ideas appear under it, so people vote instead of posting twice.
 */
export function IdeaForm({
  idea,
  departments,
  touchpoints,
  defaultDepartmentId,
  actions,
  onDone,
}: {
  idea?: EditableIdea;
  /** Departments and touchpoints that are not archived. */
  departments: Option[];
  touchpoints: Option[];
  defaultDepartmentId?: string | null;
  actions: { save: ServerAction<{ id: string }>; vote: ServerAction };
  /** After a saved edit; a new idea opens its page instead. */
  onDone?: () => void;
}) {
  const t = useTranslations('ideas.form');
  const router = useRouter();
  const similar = useSimilarIdeas(idea?.id);
  const form = useActionForm(actions.save, {
    onSuccess: (data) => {
      if (idea) onDone?.();
      else router.push(`/ideas/${data.id}`);
    },
  });
  const department =
    idea?.departmentId ?? departments.find((d) => d.value === defaultDepartmentId)?.value ?? departments[0]?.value;
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      aria-label={idea ? t('editNamed', { title: idea.title }) : t('submitTitle')}
      className="space-y-4"
    >
      {idea ? <input type="hidden" name="ideaId" value={idea.id} /> : null}
      <FormError message={form.formError} />
      <div className="space-y-2">
        <TextField
          label={t('title')}
          name="title"
          defaultValue={idea?.title}
          required
          autoComplete="off"
          hint={t('titleHint')}
          error={form.fieldError('title')}
          onChange={(e) => similar.lookUp(e.target.value)}
        />
        <SimilarIdeas found={similar.found} vote={actions.vote} />
      </div>
      <TextArea
        label={t('today')}
        name="today"
        rows={4}
        defaultValue={idea?.today}
        hint={t('todayHint')}
        error={form.fieldError('today')}
      />
      <TextArea
        label={t('change')}
        name="change"
        rows={4}
        required
        defaultValue={idea?.change}
        hint={t('changeHint')}
        error={form.fieldError('change')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('department')}
          name="departmentId"
          required
          defaultValue={department}
          hint={t('departmentHint')}
          error={form.fieldError('departmentId')}
          options={departments}
        />
        <SelectField
          label={t('touchpoint')}
          name="touchpointId"
          defaultValue={idea?.touchpointId ?? ''}
          error={form.fieldError('touchpointId')}
          options={[{ value: '', label: t('noTouchpoint') }, ...touchpoints]}
        />
      </div>
      {idea ? null : <Checkbox label={t('anonymous')} name="anonymous" hint={t('anonymousHint')} />}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={form.pending}>
          {idea ? t('save') : t('submit')}
        </Button>
        {idea && onDone ? (
          <Button variant="secondary" onClick={onDone}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
