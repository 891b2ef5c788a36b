'use client';

import Form from 'next/form';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { windowLimits, type Windows } from '@/lib/impact/settings';

const keys = ['baselineWeeks', 'washoutWeeks', 'afterWeeks'] as const;

/**
 * Other windows to try on a card: a GET form, so the windows land in the URL and the link can be shared. Each select
 * offers only what the method allows (baseline 2-12, washout 0-2, after 2-12 weeks).
 */
export function WindowsForm({
  action,
  current,
  errors = {},
}: {
  /** The card page's path. */
  action: string;
  current: Windows;
  /** Refusals of windows typed into the URL by hand, by field. */
  errors?: Partial<Record<keyof Windows, string>>;
}) {
  const t = useTranslations('impact.windows');
  const options = (key: keyof Windows) => {
    const { min, max } = windowLimits[key];
    return Array.from({ length: max - min + 1 }, (_, i) => ({
      value: String(min + i),
      label: t('weeks', { count: min + i }),
    }));
  };
  return (
    // Remount with the page's windows, so "back to the defaults" resets the selects too.
    <Form key={JSON.stringify(current)} action={action} className="mt-4 border-t border-slate-100 pt-3">
      <h3 className="text-sm font-semibold">{t('title')}</h3>
      <p className="mb-2 text-xs text-slate-600">{t('description')}</p>
      <div className="flex flex-wrap items-end gap-3">
        {keys.map((key) => (
          <SelectField
            key={key}
            name={key}
            label={t(key)}
            className="w-36"
            defaultValue={String(current[key])}
            options={options(key)}
            error={errors[key]}
          />
        ))}
        <Button type="submit" variant="secondary">
          {t('submit')}
        </Button>
      </div>
    </Form>
  );
}
