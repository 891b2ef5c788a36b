'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { TextArea } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';

/** A lead answers a request addressed to their department: acknowledge, or raise a concern with a comment. */
export function AnswerRequestForm({
  requestId,
  itemTitle,
  action,
}: {
  requestId: string;
  itemTitle: string;
  action: ServerAction;
}) {
  const t = useTranslations('plans.requests');
  const form = useActionForm(action);
  return (
    <form
      onSubmit={form.onSubmit}
      className="mt-2 space-y-2"
      aria-label={t('answerNamed', { title: itemTitle })}
      noValidate
    >
      <input type="hidden" name="requestId" value={requestId} />
      <TextArea
        label={t('comment')}
        name="comment"
        rows={2}
        hint={t('commentHint')}
        error={form.fieldError('comment')}
      />
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          size="sm"
          disabled={form.pending}
          onClick={(e) => setAnswer(e.currentTarget.form, 'acknowledged')}
        >
          {t('acknowledge')}
        </Button>
        <Button
          type="submit"
          variant="danger"
          size="sm"
          disabled={form.pending}
          onClick={(e) => setAnswer(e.currentTarget.form, 'concern')}
        >
          {t('raiseConcern')}
        </Button>
      </div>
      <input type="hidden" name="answer" defaultValue="acknowledged" />
      <FormError message={form.formError} />
    </form>
  );
}

// FormData does not carry the clicked submit button when the form is read in onSubmit, so the choice goes into a hidden field.
function setAnswer(form: HTMLFormElement | null, answer: string) {
  const field = form?.querySelector<HTMLInputElement>('input[type="hidden"][name="answer"]');
  if (field) field.value = answer;
}
