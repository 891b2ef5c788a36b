'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import type { LeverRow } from '@/db/queries/levers';

type StateLever = Pick<LeverRow, 'id' | 'kind' | 'name' | 'state' | 'effectiveDate'>;

/**
 * Moves a lever along: puts an accelerator in place or back to planned, removes a blocker or opens it again. The day
 * it was put in place or removed is the card's change date, so it can be corrected while the lever is in effect.
 */
export function StateControls({
  lever,
  today,
  action,
}: {
  lever: StateLever;
  /** Today in the organization's time zone: the latest day a lever can have taken effect. */
  today: string;
  action: ServerAction;
}) {
  const region = useRef<HTMLDivElement>(null);
  const shownState = useRef(lever.state);
  useEffect(() => {
    if (shownState.current === lever.state) return;
    shownState.current = lever.state;
    // The control that moved the lever went with its old state: the keyboard focus goes to the new state's date
    // (which also says where the lever now stands), not to the page.
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected)
      region.current?.querySelector<HTMLElement>('input[name="date"]')?.focus();
  }, [lever.state]);
  return (
    <div ref={region}>
      <StateForms lever={lever} today={today} action={action} />
    </div>
  );
}

function StateForms({ lever, today, action }: { lever: StateLever; today: string; action: ServerAction }) {
  const t = useTranslations('levers.stateForm');
  const inEffect = lever.state === 'in-place' || lever.state === 'removed';
  if (!inEffect) {
    const next = lever.kind === 'accelerator' ? 'in-place' : 'removed';
    return (
      <DateForm
        lever={lever}
        state={next}
        today={today}
        action={action}
        label={t(next === 'in-place' ? 'inPlaceSince' : 'removedOn')}
        submit={t(next === 'in-place' ? 'putInPlace' : 'remove')}
        hint={t(next === 'in-place' ? 'putInPlaceHint' : 'removeHint')}
      />
    );
  }
  const back = lever.kind === 'accelerator' ? 'planned' : 'open';
  return (
    <div className="space-y-4">
      <DateForm
        lever={lever}
        state={lever.state}
        today={today}
        action={action}
        label={t(lever.state === 'in-place' ? 'inPlaceSince' : 'removedOn')}
        submit={t('correctDate')}
        hint={t('correctDateHint')}
        defaultDate={lever.effectiveDate ?? today}
        variant="secondary"
      />
      <div>
        <ActionButton
          action={action}
          input={{ leverId: lever.id, state: back }}
          confirm={{
            title: t(back === 'planned' ? 'backToPlannedTitle' : 'reopenTitle', { name: lever.name }),
            description: t('undoDescription'),
            action: t(back === 'planned' ? 'backToPlanned' : 'reopen'),
          }}
        >
          {t(back === 'planned' ? 'backToPlanned' : 'reopen')}
        </ActionButton>
      </div>
    </div>
  );
}

function DateForm({
  lever,
  state,
  today,
  action,
  label,
  submit,
  hint,
  defaultDate = today,
  variant = 'primary',
}: {
  lever: StateLever;
  state: LeverRow['state'];
  today: string;
  action: ServerAction;
  label: string;
  submit: string;
  hint: string;
  defaultDate?: string;
  /** A correction of the day is secondary to moving the lever along. */
  variant?: 'primary' | 'secondary';
}) {
  const t = useTranslations('levers.stateForm');
  const [saved, setSaved] = useState(false);
  const form = useActionForm(action, { onSubmit: () => setSaved(false), onSuccess: () => setSaved(true) });
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label={submit} className="space-y-3">
      <input type="hidden" name="leverId" value={lever.id} />
      <input type="hidden" name="state" value={state} />
      <FormError message={form.formError} />
      <TextField
        label={label}
        name="date"
        type="date"
        max={today}
        defaultValue={defaultDate}
        required
        hint={hint}
        error={form.fieldError('date') ?? form.fieldError('state')}
        className="max-w-xs"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant={variant} disabled={form.pending}>
          {submit}
        </Button>
        <p role="status" className="text-sm text-emerald-800">
          {saved ? t('saved') : ''}
        </p>
      </div>
    </form>
  );
}
