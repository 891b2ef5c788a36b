'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { Badge } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { TextArea } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';

export interface CommentView {
  id: string;
  authorName: string | null;
  /** Null when it is hidden and the viewer did not write it. */
  body: string | null;
  hidden: boolean;
  movedFromIdeaId: string | null;
  mine: boolean;
  edited: boolean;
  /** When it was written, in words and as an ISO date. */
  when: string;
  at: string;
}

export interface CommentActions {
  edit: ServerAction;
  remove: ServerAction;
  hide: ServerAction;
  show: ServerAction;
}

/** One comment: its author edits or deletes it; an executive hides it (its author still sees it, marked hidden). */
export function CommentItem({
  comment,
  mayHide,
  actions,
}: {
  comment: CommentView;
  mayHide: boolean;
  actions: CommentActions;
}) {
  const t = useTranslations('ideas.comments');
  const [editing, setEditing] = useState(false);
  const editButtonId = `edit-comment-${comment.id}`;
  const stopEditing = () => {
    setEditing(false);
    requestAnimationFrame(() => document.getElementById(editButtonId)?.focus());
  };
  const form = useActionForm(actions.edit, { onSuccess: stopEditing });
  const author = comment.authorName ?? t('formerMember');
  const named = { author, when: comment.when };
  return (
    <li className="py-3">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <span className="font-medium text-slate-900">{author}</span>
        <time dateTime={comment.at} className="text-xs text-slate-600">
          {comment.when}
        </time>
        {comment.edited ? <span className="text-xs text-slate-600">{t('edited')}</span> : null}
        {comment.hidden && comment.body !== null ? <Badge tone="amber">{t('hiddenForOthers')}</Badge> : null}
      </p>
      {comment.movedFromIdeaId ? (
        <p className="text-xs text-slate-600">
          {t.rich('movedFrom', {
            idea: (chunks) => (
              <Link href={`/ideas/${comment.movedFromIdeaId}`} className="text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      {editing ? (
        <form onSubmit={form.onSubmit} noValidate className="mt-2 space-y-2">
          <input type="hidden" name="commentId" value={comment.id} />
          <FormError message={form.formError} />
          <TextArea
            label={t('editLabel')}
            name="body"
            rows={3}
            required
            defaultValue={comment.body ?? ''}
            error={form.fieldError('body')}
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={form.pending}>
              {t('save')}
            </Button>
            <Button variant="secondary" size="sm" onClick={stopEditing}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      ) : comment.body === null ? (
        <p className="mt-1 text-sm italic text-slate-600">{t('hiddenByExecutive')}</p>
      ) : (
        <p className="mt-1 whitespace-pre-line text-sm text-slate-800 [overflow-wrap:anywhere]">{comment.body}</p>
      )}
      {(comment.mine && !editing) || mayHide ? (
        <div className="mt-2 flex flex-wrap items-start gap-2">
          {comment.mine && !editing ? (
            <>
              <Button
                id={editButtonId}
                variant="ghost"
                size="sm"
                aria-label={t('editNamed', named)}
                onClick={() => setEditing(true)}
              >
                {t('edit')}
              </Button>
              <ActionButton
                action={actions.remove}
                input={{ commentId: comment.id }}
                variant="ghost"
                label={t('deleteNamed', named)}
                confirm={{ title: t('deleteTitle'), description: t('deleteDescription'), action: t('delete') }}
              >
                {t('delete')}
              </ActionButton>
            </>
          ) : null}
          {mayHide ? (
            comment.hidden ? (
              <ActionButton
                action={actions.show}
                input={{ commentId: comment.id }}
                variant="ghost"
                label={t('showNamed', named)}
              >
                {t('show')}
              </ActionButton>
            ) : (
              <ActionButton
                action={actions.hide}
                input={{ commentId: comment.id }}
                variant="ghost"
                label={t('hideNamed', named)}
                confirm={{ title: t('hideTitle'), description: t('hideDescription'), action: t('hide') }}
              >
                {t('hide')}
              </ActionButton>
            )
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** Adds a comment to the idea; the field empties once it is posted. */
export function CommentForm({
  ideaId,
  ownAnonymous,
  action,
}: {
  ideaId: string;
  /** The viewer wrote this anonymous idea: their comment will show their name. */
  ownAnonymous: boolean;
  action: ServerAction;
}) {
  const t = useTranslations('ideas.comments');
  const form = useActionForm(action, { reset: true });
  return (
    <form onSubmit={form.onSubmit} noValidate className="mt-4 space-y-2">
      <input type="hidden" name="ideaId" value={ideaId} />
      <FormError message={form.formError} />
      <TextArea
        label={t('add')}
        name="body"
        rows={3}
        required
        hint={ownAnonymous ? t('namedOnAnonymous') : undefined}
        error={form.fieldError('body')}
      />
      <Button type="submit" size="sm" disabled={form.pending}>
        {t('post')}
      </Button>
    </form>
  );
}
