'use client';

import { useTranslations } from 'next-intl';
import { AlertDialog } from 'radix-ui';
import { useState, useTransition } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { focusWhenShown } from '@/components/ui/focus-when-shown';
import { useLookUp } from '@/components/ui/use-look-up';
import type { ActionResult } from '@/lib/auth/errors';
import type { Jsonify } from '@/lib/http/json';
import type { MergeCandidate } from '@/lib/ideas/merge-candidates';

/** The body of GET /api/ideas/<id>/merge-candidates as it travels. */
export type MergeCandidatesBody = Jsonify<{ candidates: MergeCandidate[] }>;

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * Merges this idea, a duplicate, into the one that stays, after a confirmation that says what moves: its votes
 * (without counting anyone twice), its comments and its followers. The list offers the ideas like this one and the
 * most voted; words typed in the search look through every open idea the person may merge into.
 */
export function MergeForm({
  ideaId,
  candidates,
  scope,
  action,
}: {
  ideaId: string;
  candidates: MergeCandidate[];
  /** 'department' when the viewer (a lead) may merge only within their department. */
  scope: 'department' | 'organization';
  action: ServerAction;
}) {
  const t = useTranslations('ideas.merge');
  const tr = useTranslations();
  const [into, setInto] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();
  const search = useLookUp<MergeCandidatesBody>(
    (words) => `/api/ideas/${ideaId}/merge-candidates?title=${encodeURIComponent(words)}`,
  );
  const [chosen, setChosen] = useState<MergeCandidate | null>(null);
  const found = search.body?.candidates ?? null;
  // The one chosen stays in the list while another search runs, so the choice never vanishes under the person.
  const listed = found ? [...(chosen && !found.some((c) => c.id === chosen.id) ? [chosen] : []), ...found] : candidates;
  const labelOf = (c: MergeCandidate) =>
    scope === 'organization'
      ? t('optionIn', { title: c.title, department: c.departmentName, votes: c.votes })
      : t('option', { title: c.title, votes: c.votes });
  const merge = () =>
    startTransition(async () => {
      const result: ActionResult<unknown> = await action({ ideaId, intoIdeaId: into }).catch((): Failure => ({
        ok: false,
        code: 'internal',
        message: { key: 'errors.network' },
      }));
      if (result.ok) {
        setFailure(null);
        // The form goes away with the merge: the note saying where the idea went takes the focus once it is shown.
        focusWhenShown('merged-note');
      } else setFailure(result);
    });
  const fieldError = failure?.fieldErrors?.intoIdeaId;
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold">{t('title')}</h3>
      <p className="text-sm text-slate-600">{scope === 'department' ? t('hintDepartment') : t('hintOrganization')}</p>
      {candidates.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noCandidates')}</p>
      ) : (
        <>
          <FormError
            message={failure && !failure.fieldErrors ? tr(failure.message.key, failure.message.values) : undefined}
          />
          <TextField
            label={t('search')}
            name="mergeSearch"
            type="search"
            hint={t('searchHint')}
            onChange={(e) => search.lookUp(e.target.value)}
          />
          {/* Always in the page, so a screen reader hears how many ideas each search found. */}
          <p role="status" aria-live="polite" className="text-sm text-slate-600">
            {found === null ? '' : found.length > 0 ? t('found', { count: found.length }) : t('foundNone')}
          </p>
          <SelectField
            label={t('into')}
            name="intoIdeaId"
            value={into}
            onChange={(e) => {
              setInto(e.target.value);
              setChosen(listed.find((c) => c.id === e.target.value) ?? null);
            }}
            error={fieldError ? tr(fieldError.key, fieldError.values) : undefined}
            options={[{ value: '', label: t('choose') }, ...listed.map((c) => ({ value: c.id, label: labelOf(c) }))]}
          />
          <AlertDialog.Root>
            <AlertDialog.Trigger asChild>
              <Button variant="secondary" disabled={!chosen || pending}>
                {t('merge')}
              </Button>
            </AlertDialog.Trigger>
            <AlertDialog.Portal>
              <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
              <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
                <AlertDialog.Title className="text-lg font-semibold">{t('confirmTitle')}</AlertDialog.Title>
                <AlertDialog.Description className="mt-2 text-sm text-slate-600">
                  {t('confirmDescription', { title: chosen?.title ?? '' })}
                </AlertDialog.Description>
                <div className="mt-5 flex justify-end gap-2">
                  <AlertDialog.Cancel className={buttonClass('secondary', 'sm')}>
                    {tr('common.cancel')}
                  </AlertDialog.Cancel>
                  <AlertDialog.Action className={buttonClass('danger', 'sm')} onClick={merge}>
                    {t('confirm')}
                  </AlertDialog.Action>
                </div>
              </AlertDialog.Content>
            </AlertDialog.Portal>
          </AlertDialog.Root>
        </>
      )}
    </div>
  );
}
