'use client';

import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import { TextArea, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import type { ActionResult } from '@/lib/auth/errors';
import { COMMITMENTS_MAX, type GoalSections, goalBudget, SECTION_MAX, type TextSection } from '@/lib/domain/goal';
import { BudgetMeter } from './budget-meter';
import { PublishDialog } from './publish-dialog';
import { newTargetRow, type TargetRow, TargetRows, type TouchpointOption } from './target-rows';

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
type Content = Omit<GoalSections, 'commitments'> & { commitments: string[]; targets: TargetRow[] };

export interface GoalEditorProps {
  initial: GoalSections & { targets: Omit<TargetRow, 'key'>[] };
  draftUpdatedAt: string | null;
  nextVersion: number;
  touchpoints: TouchpointOption[];
  /** Whether this member may also publish (the permission table decides; today every editor may). */
  canPublish: boolean;
  actions: GoalEditorActions;
}

type Saved = { draftUpdatedAt: string; version?: number };

export interface GoalEditorActions {
  saveDraft: ServerAction<Saved>;
  publish: ServerAction<Saved>;
}

const sectionRows: Record<TextSection, number> = { statement: 2, whyService: 7, atmosphere: 7, dayToDay: 7 };

/** What the server receives: the fields as typed; it trims, checks and drops blank commitments. */
function payload(content: Content, draftUpdatedAt: string | null) {
  return {
    ...content,
    targets: content.targets.map(({ key: _key, ...target }) => target),
    draftUpdatedAt: draftUpdatedAt ?? '',
  };
}

/** The executives' editor: the five sections with a live one-page budget, the targets, save and publish. */
export function GoalEditor({
  initial,
  draftUpdatedAt,
  nextVersion,
  touchpoints,
  canPublish,
  actions,
}: GoalEditorProps) {
  const t = useTranslations();
  const te = useTranslations('goal.edit');
  const format = useFormatter();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [content, setContent] = useState<Content>(() => ({
    ...initial,
    commitments: Array.from({ length: COMMITMENTS_MAX }, (_, i) => initial.commitments[i] ?? ''),
    targets: initial.targets.map((target) => newTargetRow(target)),
  }));
  const [saved, setSaved] = useState({
    content: JSON.stringify(content),
    updatedAt: draftUpdatedAt,
    at: null as Date | null,
  });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();
  const budget = useMemo(() => goalBudget(content), [content]);
  const dirty = JSON.stringify(content) !== saved.content;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const translate = (m: Failure['message'] | undefined) => (m ? t(m.key, m.values) : undefined);
  const fieldError = (name: string) => translate(failure?.fieldErrors?.[name]);
  const set = <K extends keyof Content>(key: K, value: Content[K]) => setContent((c) => ({ ...c, [key]: value }));

  function showFailure(result: Failure) {
    setFailure(result);
    const invalid = result.fieldErrors ?? {};
    // Focus the first field with an error, in the form's order; the budget when only the length is wrong.
    requestAnimationFrame(() => {
      const elements = Array.from(formRef.current?.elements ?? []) as HTMLInputElement[];
      const first = elements.find(
        (el) => el.name && (el.name in invalid || (el.name.startsWith('commitments.') && 'commitments' in invalid)),
      );
      (first ?? (invalid.budget ? document.getElementById('goal-budget') : null))?.focus();
    });
  }

  function submit(action: ServerAction<Saved>, onSuccess: (data: Saved) => void) {
    const sent = JSON.stringify(content);
    startTransition(async () => {
      const result: ActionResult<Saved> = await action(payload(content, saved.updatedAt)).catch((): Failure => ({
        ok: false,
        code: 'internal',
        message: { key: 'errors.network' },
      }));
      if (!result.ok) return showFailure(result);
      setFailure(null);
      setSaved({ content: sent, updatedAt: result.data.draftUpdatedAt, at: new Date() });
      onSuccess(result.data);
    });
  }

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    submit(actions.saveDraft, () => {});
  };
  const onPublish = () => {
    submit(actions.publish, () => {
      router.push('/goal');
      router.refresh();
    });
  };

  const textSection = (section: TextSection) => (
    <TextArea
      key={section}
      label={t(`goal.sections.${section}`)}
      name={section}
      value={content[section]}
      rows={sectionRows[section]}
      hint={te(`${section}Hint`)}
      error={fieldError(section)}
      maxLength={SECTION_MAX[section] + 200}
      onChange={(e) => set(section, e.target.value)}
    />
  );

  return (
    <form
      ref={formRef}
      onSubmit={onSave}
      noValidate
      // On small screens the budget bar is pinned to the bottom: keep the focused field above it.
      className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] [&_input]:scroll-mb-52 [&_select]:scroll-mb-52 [&_textarea]:scroll-mb-52 lg:[&_input]:scroll-mb-0 lg:[&_select]:scroll-mb-0 lg:[&_textarea]:scroll-mb-0"
    >
      <div className="min-w-0 space-y-6">
        <Card>
          <div className="space-y-4">
            {textSection('statement')}
            {textSection('whyService')}
            {textSection('atmosphere')}
            <fieldset className="space-y-2" aria-describedby="commitments-hint">
              <legend className="text-sm font-medium text-slate-800">{te('commitmentsLegend')}</legend>
              <p id="commitments-hint" className="text-xs text-slate-500">
                {te('commitmentsHint')}
              </p>
              {fieldError('commitments') ? (
                <p role="alert" className="text-sm text-red-700">
                  {fieldError('commitments')}
                </p>
              ) : null}
              {content.commitments.map((commitment, index) => (
                <TextField
                  key={index}
                  label={te('commitment', { number: index + 1 })}
                  name={`commitments.${index}`}
                  value={commitment}
                  error={fieldError(`commitments.${index}`)}
                  maxLength={SECTION_MAX.commitment + 100}
                  onChange={(e) =>
                    set(
                      'commitments',
                      content.commitments.map((c, i) => (i === index ? e.target.value : c)),
                    )
                  }
                />
              ))}
            </fieldset>
            {textSection('dayToDay')}
          </div>
        </Card>
        <Card title={te('targetsLegend')} description={te('targetsHint', { max: 8 })}>
          {fieldError('targets') ? (
            <p role="alert" className="mb-2 text-sm text-red-700">
              {fieldError('targets')}
            </p>
          ) : null}
          <TargetRows
            rows={content.targets}
            touchpoints={touchpoints}
            fieldError={fieldError}
            onChange={(targets) => {
              if (targets.length !== content.targets.length) setFailure(null); // row numbers moved: old errors would point wrong
              set('targets', targets);
            }}
          />
        </Card>
      </div>
      <aside className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white p-3 shadow-lg sm:p-4 sm:mx-0 sm:rounded-lg sm:border lg:top-4 lg:bottom-auto lg:shadow-xs">
        <BudgetMeter budget={budget} error={fieldError('budget')} />
        <div className="mt-3 flex flex-wrap gap-2">
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? te('saving') : te('save')}
          </Button>
          {canPublish ? <PublishDialog nextVersion={nextVersion} disabled={pending} onPublish={onPublish} /> : null}
        </div>
        <div className="mt-2 space-y-2 text-sm" aria-live="polite">
          {dirty ? <Badge tone="amber">{te('unsaved')}</Badge> : null}
          {!dirty && saved.at ? (
            <p className="text-emerald-800">
              {te('saved', { time: format.dateTime(saved.at, { timeStyle: 'short' }) })}
            </p>
          ) : null}
        </div>
        {/* The budget's own error sits right above; the summary is for errors elsewhere in the form. */}
        <div className="mt-2">
          <FormError
            message={
              failure && Object.keys(failure.fieldErrors ?? { form: 1 }).some((f) => f !== 'budget')
                ? translate(failure.message)
                : undefined
            }
          />
        </div>
      </aside>
    </form>
  );
}
