'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ServerAction } from '@/components/ui/server-action';
import { useActionForm } from '@/components/ui/use-action-form';
import type { Organization } from '@/db/queries/organizations';

const currencies = ['EUR', 'USD', 'GBP', 'UAH', 'PLN', 'CHF', 'SEK', 'CAD', 'AUD', 'JPY', 'CNY', 'INR', 'BRL'];

export function OrganizationForm({
  organization,
  timeZones,
  action,
}: {
  organization: Organization;
  timeZones: string[];
  action: ServerAction;
}) {
  const t = useTranslations('settings.organization');
  const [saved, setSaved] = useState(false);
  const form = useActionForm(action, { onSuccess: () => setSaved(true) });
  const currencyOptions = [...new Set([organization.currency, ...currencies])].map((c) => ({ value: c, label: c }));
  return (
    <form
      onSubmit={(e) => {
        setSaved(false);
        form.onSubmit(e);
      }}
      className="max-w-lg space-y-4"
      noValidate
    >
      <TextField
        label={t('name')}
        name="name"
        defaultValue={organization.name}
        required
        error={form.fieldError('name')}
      />
      <SelectField
        label={t('timeZone')}
        name="timeZone"
        defaultValue={organization.timeZone}
        hint={t('timeZoneHint')}
        error={form.fieldError('timeZone')}
        options={timeZones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
      />
      <SelectField
        label={t('weekStartsOn')}
        name="weekStartsOn"
        defaultValue={String(organization.weekStartsOn)}
        error={form.fieldError('weekStartsOn')}
        options={[
          { value: '1', label: t('monday') },
          { value: '7', label: t('sunday') },
        ]}
      />
      <SelectField
        label={t('reminderWeekday')}
        name="reminderWeekday"
        defaultValue={String(organization.reminderWeekday)}
        hint={t('reminderHint')}
        error={form.fieldError('reminderWeekday')}
        options={([1, 2, 3, 4, 5, 6, 7] as const).map((d) => ({ value: String(d), label: t(`weekday.${d}`) }))}
      />
      <SelectField
        label={t('currency')}
        name="currency"
        defaultValue={organization.currency}
        hint={t('currencyHint')}
        error={form.fieldError('currency')}
        options={currencyOptions}
      />
      <SelectField
        label={t('cesHeadline')}
        name="cesHeadline"
        defaultValue={organization.cesHeadline}
        hint={t('cesHeadlineHint')}
        error={form.fieldError('cesHeadline')}
        options={[
          { value: 'mean', label: t('cesMean') },
          { value: 'share', label: t('cesShare') },
        ]}
      />
      <FormError message={form.formError} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {t('save')}
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-emerald-700">
            {t('saved')}
          </p>
        ) : null}
      </div>
    </form>
  );
}
