'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { ColumnMapping } from '@/lib/imports/columns';
import { checkRow, type ImportTouchpoint, rowToItem, touchpointIndex } from '@/lib/imports/rows';
import { importFieldLabel, rowErrorText } from '@/lib/imports/row-error';

export const PREVIEW_ROWS = 20;

/** The first rows as they will be stored, each with its problem if it has one. */
export function ImportPreview({
  rows,
  mapping,
  touchpoints,
  timeZone,
}: {
  rows: string[][];
  mapping: ColumnMapping;
  touchpoints: ImportTouchpoint[];
  timeZone: string;
}) {
  const t = useTranslations('imports');
  const tAll = useTranslations();
  const format = useFormatter();
  const preview = useMemo(() => {
    const find = touchpointIndex(touchpoints);
    const byId = new Map(touchpoints.map((tp) => [tp.id, tp]));
    return rows.slice(0, PREVIEW_ROWS).map((row) => {
      const item = rowToItem(row, mapping, { find, timeZone });
      return {
        item,
        touchpointName: byId.get(item.touchpoint)?.name ?? item.touchpoint,
        check: checkRow(item, (id) => byId.has(id)),
      };
    });
  }, [rows, mapping, touchpoints, timeZone]);

  const when = (value: string | undefined) => {
    if (!value) return t('preview.atImport');
    const date = new Date(value);
    return Number.isNaN(date.getTime())
      ? value
      : format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  };
  const score = (item: (typeof preview)[number]['item']) =>
    item.score === undefined
      ? ''
      : item.metric === 'ttr' && typeof item.score === 'number'
        ? t('preview.hours', { hours: item.score })
        : String(item.score);
  // The problem comes right after the row number, so it stays in view when the table scrolls sideways on a phone.
  const headings = [
    'row',
    'problem',
    'touchpoint',
    'metric',
    'score',
    'respondedAt',
    'externalId',
    'comment',
    'persona',
    'channel',
  ] as const;

  return (
    <div
      className="relative overflow-x-auto rounded-md border border-slate-200"
      tabIndex={0}
      role="region"
      aria-label={t('preview.caption', { count: preview.length })}
    >
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{t('preview.caption', { count: preview.length })}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {headings.map((h) => (
              <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {t(`preview.column.${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {preview.map(({ item, touchpointName, check }, index) => (
            <tr key={index} className={check.ok ? '' : 'bg-red-50'}>
              <th scope="row" className="px-3 py-2 font-normal text-slate-500">
                {index + 1}
              </th>
              <td className="min-w-[12rem] px-3 py-2 text-red-800">
                {check.ok ? (
                  <span className="text-emerald-800">{t('preview.ok')}</span>
                ) : (
                  Object.entries(check.errors).map(([field, message]) => (
                    <div key={field}>
                      {importFieldLabel(t, field)?.concat(': ')}
                      {rowErrorText(tAll, message)}
                    </div>
                  ))
                )}
              </td>
              <td className="whitespace-nowrap px-3 py-2">{touchpointName}</td>
              <td className="px-3 py-2 uppercase">{item.metric}</td>
              <td className="whitespace-nowrap px-3 py-2">{score(item)}</td>
              <td className="whitespace-nowrap px-3 py-2">{when(item.respondedAt)}</td>
              <td className="px-3 py-2">{item.externalId}</td>
              <td className="max-w-[16rem] truncate px-3 py-2" title={item.comment}>
                {item.comment}
              </td>
              <td className="px-3 py-2">{item.persona}</td>
              <td className="px-3 py-2">{item.channel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
