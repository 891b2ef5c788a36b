'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/errors';
import type { Message } from '@/lib/validation/messages';

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * Submits a form to a server action without resetting it, so an error never loses what was typed.
 * Field errors come back next to their fields; other failures as one form-level message.
 */
export function useActionForm<T>(
  action: (input: Record<string, FormDataEntryValue>) => Promise<ActionResult<T>>,
  options: { onSuccess?: (data: T, form: HTMLFormElement) => void; reset?: boolean } = {},
) {
  const t = useTranslations();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();
  const translate = (m: Message | undefined) => (m ? t(m.key as never, m.values as never) : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = Object.fromEntries(new FormData(form));
    startTransition(async () => {
      const result = await action(input).catch((): Failure => ({ ok: false, code: 'internal', message: { key: 'errors.network' } }));
      if (result.ok) {
        setFailure(null);
        if (options.reset) form.reset();
        options.onSuccess?.(result.data, form);
      } else {
        setFailure(result);
        const firstInvalid = result.fieldErrors ? form.querySelector<HTMLElement>(`[name="${Object.keys(result.fieldErrors)[0]}"]`) : null;
        firstInvalid?.focus();
      }
    });
  }

  return {
    onSubmit,
    pending,
    fieldError: (name: string) => translate(failure?.fieldErrors?.[name]),
    formError: failure && !failure.fieldErrors ? translate(failure.message) : undefined,
  };
}
