'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/errors';
import type { Message } from '@/lib/validation/messages';
import type { ServerAction } from './server-action';

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * Submits a form to a server action without resetting it, so an error never loses what was typed.
 * Field errors come back next to their fields; other failures as one form-level message.
 */
export function useActionForm<T>(
  action: ServerAction<T>,
  options: { onSuccess?: (data: T, form: HTMLFormElement) => void; onSubmit?: () => void; reset?: boolean } = {},
) {
  const t = useTranslations();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();
  const translate = (m: Message | undefined) => (m ? t(m.key, m.values) : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    options.onSubmit?.();
    const form = event.currentTarget;
    const input = formValues(new FormData(form));
    startTransition(async () => {
      const result = await action(input).catch((): Failure => ({
        ok: false,
        code: 'internal',
        message: { key: 'errors.network' },
      }));
      if (result.ok) {
        setFailure(null);
        if (options.reset) form.reset();
        options.onSuccess?.(result.data, form);
      } else {
        setFailure(result);
        // Focus the first field on screen that has an error, in the form's own order.
        const invalid = result.fieldErrors ?? {};
        const firstInvalid = Array.from(form.elements).find(
          (el) => el instanceof HTMLElement && 'name' in el && (el as HTMLInputElement).name in invalid,
        );
        (firstInvalid as HTMLElement | undefined)?.focus();
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

/** A form's values; a name that occurs several times (a group of checkboxes) becomes a list. */
export function formValues(data: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const values: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const name of new Set(data.keys())) {
    const all = data.getAll(name);
    values[name] = all.length > 1 ? all : all[0]!;
  }
  return values;
}
