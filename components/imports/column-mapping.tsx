'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import {
  type ColumnMapping,
  type FieldSource,
  fixableFields,
  type ImportField,
  importFields,
  requiredFields,
} from '@/lib/imports/columns';
import { metrics } from '@/lib/domain/metrics';
import type { ImportTouchpoint } from '@/lib/imports/rows';

function encode(source: FieldSource) {
  return source.kind === 'column'
    ? `column:${source.index}`
    : source.kind === 'fixed'
      ? `fixed:${source.value}`
      : 'none';
}
function decode(value: string): FieldSource {
  if (value.startsWith('column:')) return { kind: 'column', index: Number(value.slice(7)) };
  if (value.startsWith('fixed:')) return { kind: 'fixed', value: value.slice(6) };
  return { kind: 'none' };
}

/** One select per field of an answer: which column holds it, or (touchpoint and metric) one value for the whole file. */
export function ColumnMappingForm({
  headers,
  mapping,
  onChange,
  touchpoints,
  missing,
}: {
  headers: string[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  touchpoints: ImportTouchpoint[];
  missing: ImportField[];
}) {
  const t = useTranslations('imports');
  const id = useId();
  const fixedChoices = (field: ImportField) =>
    field === 'touchpoint'
      ? touchpoints.map((tp) => ({ value: tp.id, label: tp.name }))
      : metrics.map((m) => ({ value: m, label: t(`metric.${m}`) }));
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {importFields.map((field) => {
        const error = missing.includes(field) ? t('map.required') : undefined;
        const controlId = `${id}-${field}`;
        return (
          <div key={field} className="space-y-1">
            <label htmlFor={controlId} className="block text-sm font-medium text-slate-800">
              {t(`field.${field}`)}
              {requiredFields.includes(field) ? <span className="text-slate-500"> {t('map.requiredMark')}</span> : null}
            </label>
            <select
              id={controlId}
              value={encode(mapping[field])}
              onChange={(e) => onChange({ ...mapping, [field]: decode(e.target.value) })}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${controlId}-error` : `${controlId}-hint`}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs aria-invalid:border-red-500"
            >
              <option value="none">{requiredFields.includes(field) ? t('map.choose') : t('map.notInFile')}</option>
              <optgroup label={t('map.columns')}>
                {headers.map((header, index) => (
                  <option key={index} value={`column:${index}`}>
                    {header || t('map.unnamedColumn', { number: index + 1 })}
                  </option>
                ))}
              </optgroup>
              {fixableFields.includes(field) ? (
                <optgroup label={t('map.sameForAll')}>
                  {fixedChoices(field).map((choice) => (
                    <option key={choice.value} value={`fixed:${choice.value}`}>
                      {choice.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
            {error ? (
              <p id={`${controlId}-error`} className="text-sm text-red-700">
                {error}
              </p>
            ) : (
              <p id={`${controlId}-hint`} className="text-xs text-slate-500">
                {t(`hint.${field}`)}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
