'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { ServerAction } from '@/components/ui/server-action';
import type { ActionResult } from '@/lib/auth/errors';
import { type ImprovementChoices, type ImprovementDraft, ImprovementForm } from './improvement-form';

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** The weekly improvement form, prefilled from a staff idea; logging it ships the idea and goes back to it. */
export function ImprovementFromIdea({
  ideaId,
  departmentId,
  choices,
  draft,
  action,
}: {
  ideaId: string;
  departmentId: string;
  choices: ImprovementChoices;
  draft: ImprovementDraft;
  action: ServerAction;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [values, setValues] = useState(draft);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = Object.fromEntries(
    Object.entries(failure?.fieldErrors ?? {}).map(([field, m]) => [field, t(m.key, m.values)]),
  );
  const submit = (typed: ImprovementDraft) => {
    setValues({ ...draft, ...typed });
    startTransition(async () => {
      const result = await action(typed).catch((): Failure => ({
        ok: false,
        code: 'internal',
        message: { key: 'errors.network' },
      }));
      if (result.ok) router.push(`/ideas/${ideaId}`);
      else setFailure(result);
    });
  };
  return (
    <ImprovementForm
      key={JSON.stringify(values)}
      departmentId={departmentId}
      choices={choices}
      draft={values}
      errors={errors}
      formError={failure && !failure.fieldErrors ? t(failure.message.key, failure.message.values) : undefined}
      pending={pending}
      submitLabel={t('ideas.toChange.logImprovement')}
      onSubmit={submit}
      onCancel={() => router.push(`/ideas/${ideaId}`)}
    />
  );
}
