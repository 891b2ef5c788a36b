'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { Button } from '@/components/ui/button';
import type { ServerAction } from '@/components/ui/server-action';
import { type EditableIdea, IdeaForm, type Option } from './idea-form';

/** The author's "Edit" and "Withdraw" while the idea is new (nobody has looked at it yet). */
export function AuthorControls({
  idea,
  departments,
  touchpoints,
  actions,
}: {
  idea: EditableIdea;
  departments: Option[];
  touchpoints: Option[];
  actions: { edit: ServerAction<{ id: string }>; withdraw: ServerAction; vote: ServerAction };
}) {
  const t = useTranslations('ideas.author');
  const [editing, setEditing] = useState(false);
  // Closing the form gives the focus back to "Edit", which opened it.
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => document.getElementById('edit-idea-button')?.focus());
  };
  return (
    <section aria-labelledby="author-controls" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id="author-controls" className="text-base font-semibold">
        {t('yourIdea')}
      </h2>
      <p className="mt-0.5 text-sm text-slate-600">{t('whileNew')}</p>
      <div className="mt-3 flex flex-wrap items-start gap-2">
        <Button
          id="edit-idea-button"
          variant="secondary"
          size="sm"
          aria-expanded={editing}
          aria-controls="edit-idea"
          onClick={() => (editing ? close() : setEditing(true))}
        >
          {t('edit')}
        </Button>
        <ActionButton
          action={actions.withdraw}
          input={{ ideaId: idea.id }}
          variant="danger"
          confirm={{ title: t('withdrawTitle'), description: t('withdrawDescription'), action: t('withdraw') }}
        >
          {t('withdraw')}
        </ActionButton>
      </div>
      <div id="edit-idea" className="mt-4">
        {editing ? (
          <IdeaForm
            idea={idea}
            departments={departments}
            touchpoints={touchpoints}
            actions={{ save: actions.edit, vote: actions.vote }}
            onDone={close}
          />
        ) : null}
      </div>
    </section>
  );
}
