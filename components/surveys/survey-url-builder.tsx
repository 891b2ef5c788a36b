'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import type { SurveyMetric } from '@/lib/domain/metrics';
import { CopyButton } from './copy-button';

/** Adds persona, channel and an external id to a link, for a mailing or a receipt; nothing is saved here. */
type ContextField = 'persona' | 'channel' | 'ext';

export function SurveyUrlBuilder({
  links,
  maxLengths,
}: {
  links: { metric: SurveyMetric; url: string }[];
  maxLengths: Record<ContextField, number>;
}) {
  const t = useTranslations('surveys');
  const id = useId();
  const [metric, setMetric] = useState(links[0]?.metric);
  const [context, setContext] = useState({ persona: '', channel: '', ext: '' });
  const base = links.find((l) => l.metric === metric)?.url;
  if (!base) return null;
  const url = new URL(base);
  for (const [name, value] of Object.entries(context)) if (value.trim()) url.searchParams.set(name, value.trim());
  const field = (name: ContextField, label: string) => (
    <TextField
      label={label}
      name={name}
      value={context[name]}
      maxLength={maxLengths[name]}
      autoComplete="off"
      onChange={(event) => setContext({ ...context, [name]: event.target.value })}
    />
  );
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-4">
        <SelectField
          label={t('manage.builderLink')}
          value={metric}
          onChange={(event) => setMetric(event.target.value as SurveyMetric)}
          options={links.map((l) => ({ value: l.metric, label: t(`metricShort.${l.metric}`) }))}
        />
        {field('persona', t('manage.persona'))}
        {field('channel', t('manage.channel'))}
        {field('ext', t('manage.externalId'))}
      </div>
      <div>
        <label htmlFor={`${id}-url`} className="block text-sm font-medium text-slate-800">
          {t('manage.builtUrl')}
        </label>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <input
            id={`${id}-url`}
            readOnly
            value={url.toString()}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          />
          <CopyButton text={url.toString()} />
        </div>
      </div>
    </div>
  );
}
