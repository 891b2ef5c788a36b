'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ServerAction } from '@/components/ui/server-action';
import { ActionButton } from '@/components/ui/action-button';
import { type EditableLever, LeverForm, type LeverFormChoices } from './lever-form';

/** "Edit" (opening the form in place) and "Delete" (after asking), for those who manage the lever. */
export function LeverEditor({
  lever,
  choices,
  actions,
}: {
  lever: EditableLever;
  choices: LeverFormChoices;
  actions: { update: ServerAction<{ id: string }>; delete: ServerAction };
}) {
  const t = useTranslations('levers.detail');
  const td = useTranslations('levers.delete');
  const [editing, setEditing] = useState(false);
  // Closing the form gives the focus back to "Edit", which opened it.
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => document.getElementById('edit-lever-button')?.focus());
  };
  return (
    <div>
      <div className="flex flex-wrap items-start gap-2">
        <Button
          id="edit-lever-button"
          variant="secondary"
          size="sm"
          aria-expanded={editing}
          aria-controls="edit-lever"
          onClick={() => (editing ? close() : setEditing(true))}
        >
          {t('edit')}
        </Button>
        <ActionButton
          action={actions.delete}
          input={{ leverId: lever.id }}
          variant="danger"
          confirm={{
            title: td('title', { name: lever.name }),
            description: td('description'),
            action: td('confirm'),
          }}
        >
          {td('button')}
        </ActionButton>
      </div>
      <div id="edit-lever" className="mt-4">
        {editing ? <LeverForm lever={lever} choices={choices} action={actions.update} onDone={close} /> : null}
      </div>
    </div>
  );
}
