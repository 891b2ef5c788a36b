'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import {
  defaultThresholds,
  defaultWindows,
  type ImpactSettings,
  type Measure,
  measures,
  windowLimits,
  type Windows,
} from '@/lib/impact/settings';

const windowKeys = ['baselineWeeks', 'washoutWeeks', 'afterWeeks'] as const satisfies readonly (keyof Windows)[];

/** The form's text, field by field, named as the fields are ("thresholds.nps.minChange"). */
type Values = Record<string, string>;

function valuesOf(settings: ImpactSettings): Values {
  const values: Values = {};
  for (const key of windowKeys) values[key] = String(settings.windows[key]);
  for (const m of measures) {
    values[`thresholds.${m}.minChange`] = String(settings.thresholds[m].minChange);
    values[`thresholds.${m}.precision`] = String(settings.thresholds[m].precision);
  }
  return values;
}

const defaults = valuesOf({ windows: defaultWindows, thresholds: defaultThresholds });

/** Settings → Impact: the default windows and, per measure, the minimum meaningful change and target precision. */
export function ImpactSettingsForm({ settings, action }: { settings: ImpactSettings; action: ServerAction }) {
  const t = useTranslations('settings.impact');
  const [values, setValues] = useState<Values>(() => valuesOf(settings));
  const [status, setStatus] = useState<'saved' | 'defaults' | null>(null);
  const form = useActionForm(action, { onSuccess: () => setStatus('saved') });
  const field = (name: string) => ({
    name,
    value: values[name] ?? '',
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: form.fieldError(name),
  });
  const isDefault = Object.entries(defaults).every(([name, value]) => Number(values[name]) === Number(value));
  return (
    <form
      onSubmit={(e) => {
        setStatus(null);
        form.onSubmit(e);
      }}
      className="space-y-6"
      noValidate
    >
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t('windowsLegend')}</legend>
        <p className="text-sm text-slate-600">{t('windowsExplanation')}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          {windowKeys.map((key) => (
            <TextField
              key={key}
              label={t(`window.${key}`)}
              inputMode="numeric"
              autoComplete="off"
              hint={t(`windowHint.${key}`, windowLimits[key])}
              {...field(key)}
            />
          ))}
        </div>
      </fieldset>
      <div className="space-y-3">
        <h3 className="text-sm font-semibold text-slate-900">{t('thresholdsLegend')}</h3>
        <p className="text-sm text-slate-600">{t('thresholdsExplanation')}</p>
        <div className="grid gap-4 md:grid-cols-2">
          {measures.map((m: Measure) => (
            <fieldset key={m} className="rounded-md border border-slate-200 p-3">
              <legend className="px-1 text-sm font-medium text-slate-800">
                {t(`measure.${m}`)} <span className="font-normal text-slate-500">({t(`unit.${m}`)})</span>
              </legend>
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField
                  label={t('minChange')}
                  inputMode="decimal"
                  autoComplete="off"
                  hint={t('defaultValue', { value: defaultThresholds[m].minChange })}
                  {...field(`thresholds.${m}.minChange`)}
                />
                <TextField
                  label={t('precision')}
                  inputMode="decimal"
                  autoComplete="off"
                  hint={t('defaultValue', { value: defaultThresholds[m].precision })}
                  {...field(`thresholds.${m}.precision`)}
                />
              </div>
            </fieldset>
          ))}
        </div>
      </div>
      <FormError message={form.formError} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {t('save')}
        </Button>
        <Button
          variant="secondary"
          disabled={isDefault}
          onClick={() => {
            setValues(defaults);
            setStatus('defaults');
          }}
        >
          {t('reset')}
        </Button>
        <p role="status" className={`text-sm ${status === 'saved' ? 'text-emerald-700' : 'text-slate-700'}`}>
          {status === 'saved' ? t('saved') : status === 'defaults' ? t('defaultsFilled') : null}
        </p>
      </div>
    </form>
  );
}
