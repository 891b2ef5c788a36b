'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextArea } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import { replyRequired, type TriageStatus } from '@/lib/domain/ideas';

/** Moves an idea along, with the official reply shown on the idea and sent to its author and followers. */
export function StatusForm({
  ideaId,
  allowed,
  action,
}: {
  ideaId: string;
  /** The statuses the idea may move to from where it is (nextStatuses). */
  allowed: readonly TriageStatus[];
  action: ServerAction;
}) {
  const t = useTranslations('ideas.triage');
  const ts = useTranslations('ideas.status');
  const [chosen, setChosen] = useState<TriageStatus | undefined>(allowed[0]);
  const [moved, setMoved] = useState<TriageStatus | null>(null);
  // After a move the allowed statuses change with the page: fall back to the first one still allowed.
  const status = chosen && allowed.includes(chosen) ? chosen : allowed[0];
  const form = useActionForm(action, {
    reset: true,
    onSubmit: () => setMoved(null),
    onSuccess: () => {
      setMoved(status ?? null);
      setChosen(undefined);
    },
  });
  const needsReply = status ? replyRequired(status) : false;
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby="status-form-title" className="space-y-3">
      <h3 id="status-form-title" className="text-sm font-semibold">
        {t('title')}
      </h3>
      <input type="hidden" name="ideaId" value={ideaId} />
      <FormError message={form.formError} />
      <SelectField
        label={t('status')}
        name="status"
        value={status}
        onChange={(e) => setChosen(e.target.value as TriageStatus)}
        error={form.fieldError('status')}
        options={allowed.map((s) => ({ value: s, label: ts(s) }))}
      />
      <TextArea
        label={needsReply ? t('replyRequiredLabel') : t('reply')}
        name="reply"
        rows={4}
        required={needsReply}
        hint={needsReply ? t('replyRequiredHint') : t('replyHint')}
        error={form.fieldError('reply')}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {t('move')}
        </Button>
        <p role="status" className="text-sm text-emerald-800">
          {moved ? t('moved', { status: ts(moved) }) : ''}
        </p>
      </div>
    </form>
  );
}
