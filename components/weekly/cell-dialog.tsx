'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Dialog } from 'radix-ui';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { LiveImpactSummary } from '@/components/impact/live-impact-summary';
import { Button } from '@/components/ui/button';
import type { ServerAction } from '@/components/ui/server-action';
import type { ActionResult } from '@/lib/auth/errors';
import { queryKeys } from '@/lib/query-keys';
import type { Message } from '@/lib/validation/messages';
import { ImprovementDetails } from './improvement-details';
import { type ImprovementChoices, type ImprovementDraft, ImprovementForm } from './improvement-form';
import { useImprovement } from './use-weekly';

export type CellState =
  | {
      mode: 'log';
      departmentId: string;
      week: string;
      title: string;
      draft: ImprovementDraft;
      errors?: Record<string, string>;
      formError?: string;
      existingId?: string;
    }
  | { mode: 'view'; departmentId: string; week: string; title: string; improvementId: string; editable: boolean }
  | { mode: 'closed'; departmentId: string; week: string; title: string; reason: string };

/** The small window a cell opens: log this week's improvement, read one, or learn why a week is closed. */
export function CellDialog({
  cell,
  choices,
  action,
  onClose,
  onLog,
  onOpenExisting,
  returnFocus,
}: {
  cell: CellState | null;
  /** Where focus goes back when the window closes: the cell that opened it. */
  returnFocus: () => void;
  choices: ImprovementChoices;
  /** Saves the edits of a logged improvement. */
  action: ServerAction;
  onClose: () => void;
  onLog: (draft: ImprovementDraft) => void;
  onOpenExisting: (improvementId: string) => void;
}) {
  return (
    <Dialog.Root
      open={cell !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocus();
          }}
          className="fixed left-1/2 top-1/2 z-50 max-h-[92vh] w-[min(96vw,44rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl"
        >
          {cell ? (
            <CellBody
              cell={cell}
              choices={choices}
              action={action}
              onClose={onClose}
              onLog={onLog}
              onOpenExisting={onOpenExisting}
            />
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function CellBody({
  cell,
  choices,
  action,
  onClose,
  onLog,
  onOpenExisting,
}: {
  cell: CellState;
  choices: ImprovementChoices;
  action: ServerAction;
  onClose: () => void;
  onLog: (draft: ImprovementDraft) => void;
  onOpenExisting: (id: string) => void;
}) {
  const t = useTranslations('weekly');
  return (
    <>
      <Dialog.Title className="text-lg font-semibold">{cell.title}</Dialog.Title>
      <Dialog.Description className="mb-4 text-sm text-slate-600">
        {cell.mode === 'log'
          ? t('dialog.logDescription')
          : cell.mode === 'closed'
            ? cell.reason
            : t('dialog.viewDescription')}
      </Dialog.Description>
      {cell.mode === 'log' ? (
        <>
          {cell.existingId ? (
            <p className="mb-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="alert">
              {cell.formError}{' '}
              <Button size="sm" variant="secondary" onClick={() => onOpenExisting(cell.existingId!)}>
                {t('dialog.openExisting')}
              </Button>
            </p>
          ) : null}
          <ImprovementForm
            departmentId={cell.departmentId}
            choices={choices}
            draft={cell.draft}
            errors={cell.errors}
            formError={cell.existingId ? undefined : cell.formError}
            submitLabel={t('dialog.log')}
            onSubmit={onLog}
            onCancel={onClose}
          />
        </>
      ) : cell.mode === 'view' ? (
        <ViewImprovement
          improvementId={cell.improvementId}
          editable={cell.editable}
          choices={choices}
          departmentId={cell.departmentId}
          action={action}
          onClose={onClose}
        />
      ) : (
        <Button variant="secondary" onClick={onClose}>
          {t('dialog.close')}
        </Button>
      )}
    </>
  );
}

function ViewImprovement({
  improvementId,
  editable,
  choices,
  departmentId,
  action,
  onClose,
}: {
  improvementId: string;
  editable: boolean;
  choices: ImprovementChoices;
  departmentId: string;
  action: ServerAction;
  onClose: () => void;
}) {
  const t = useTranslations();
  const client = useQueryClient();
  const { data, isError } = useImprovement(improvementId === 'pending' ? null : improvementId);
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<Extract<ActionResult<unknown>, { ok: false }> | null>(null);
  const [pending, startTransition] = useTransition();
  if (improvementId === 'pending') return <p className="text-sm text-slate-600">{t('weekly.dialog.saving')}</p>;
  if (isError)
    return (
      <p role="alert" className="text-sm text-red-700">
        {t('errors.network')}
      </p>
    );
  if (!data) return <p className="text-sm text-slate-600">{t('weekly.dialog.loading')}</p>;
  const translate = (m: Message) => t(m.key, m.values);
  if (editing) {
    const draft: ImprovementDraft = {
      improvementId: data.id,
      title: data.title,
      process: data.process,
      before: data.before,
      after: data.after,
      metric: data.metric ?? '',
      businessMetric: data.businessMetric ?? '',
      direction: data.direction ?? 'up',
      touchpointIds: data.touchpointIds,
      source: data.source ?? '',
      sourcePlanItemId: data.sourcePlanItemId ?? '',
      sourceNote: data.sourceNote,
      ownerUserId: data.ownerUserId ?? '',
      effectiveDate: data.effectiveDate,
    };
    const errors = Object.fromEntries(Object.entries(failure?.fieldErrors ?? {}).map(([k, m]) => [k, translate(m)]));
    return (
      <ImprovementForm
        departmentId={departmentId}
        choices={choices}
        draft={draft}
        errors={errors}
        pending={pending}
        formError={failure && !failure.fieldErrors ? translate(failure.message) : undefined}
        submitLabel={t('weekly.dialog.save')}
        onCancel={() => setEditing(false)}
        onSubmit={(values) =>
          startTransition(async () => {
            const result = await action(values).catch(
              () => ({ ok: false, code: 'internal', message: { key: 'errors.network' } }) as const,
            );
            if (!result.ok) return setFailure(result);
            setFailure(null);
            setEditing(false);
            await client.invalidateQueries({ queryKey: queryKeys.weekly.all });
          })
        }
      />
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-base font-medium">
        {data.title}
        {data.late ? <span className="ml-2 text-sm font-normal text-amber-800">({t('weekly.late')})</span> : null}
      </p>
      <ImprovementDetails improvement={data} choices={choices} />
      <div className="border-t border-slate-100 pt-3">
        <LiveImpactSummary kind="improvement" id={data.id} title={data.title} />
      </div>
      <div className="flex gap-2">
        {editable ? <Button onClick={() => setEditing(true)}>{t('weekly.dialog.edit')}</Button> : null}
        <Button variant="secondary" onClick={onClose}>
          {t('weekly.dialog.close')}
        </Button>
      </div>
    </div>
  );
}
