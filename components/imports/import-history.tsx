'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-button';
import { Badge, EmptyState } from '@/components/ui/card';
import type { ServerAction } from '@/components/ui/server-action';

export interface ImportHistoryEntry {
  id: string;
  fileName: string;
  rowCount: number;
  storedCount: number;
  duplicateCount: number;
  createdAt: Date;
  createdByName: string | null;
  undoneAt: Date | null;
  undoneByName: string | null;
}

/** Past imports, newest first, each with who, when, its counts, and an undo for the whole import. */
export function ImportHistory({
  imports,
  timeZone,
  action,
}: {
  imports: ImportHistoryEntry[];
  timeZone: string;
  /** Undoes one whole import. */
  action: ServerAction;
}) {
  const t = useTranslations('imports.history');
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  if (imports.length === 0) return <EmptyState title={t('empty')} />;
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t('tableLabel')}>
      <table className="min-w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {(['file', 'by', 'rows', 'stored', 'duplicates', 'status'] as const).map((c) => (
              <th key={c} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {t(`column.${c}`)}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">{t('column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {imports.map((entry) => (
            <tr key={entry.id}>
              <th scope="row" className="max-w-[14rem] truncate px-3 py-2 font-medium" title={entry.fileName}>
                {entry.fileName}
              </th>
              <td className="whitespace-nowrap px-3 py-2">
                {t('byAt', { name: entry.createdByName ?? t('someone'), at: when(entry.createdAt) })}
              </td>
              <td className="px-3 py-2 tabular-nums">{entry.rowCount}</td>
              <td className="px-3 py-2 tabular-nums">{entry.storedCount}</td>
              <td className="px-3 py-2 tabular-nums">{entry.duplicateCount}</td>
              <td className="px-3 py-2">
                {entry.undoneAt ? (
                  <Badge tone="amber">
                    {t('undone', { name: entry.undoneByName ?? t('someone'), at: when(entry.undoneAt) })}
                  </Badge>
                ) : (
                  <Badge tone="green">{t('imported')}</Badge>
                )}
              </td>
              <td className="px-3 py-2 text-right">
                {entry.undoneAt ? null : (
                  <ActionButton
                    action={action}
                    input={{ importId: entry.id }}
                    variant="danger"
                    label={t('undoLabel', { file: entry.fileName })}
                    confirm={{
                      title: t('confirmTitle', { file: entry.fileName }),
                      description: t('confirmText', { stored: entry.storedCount }),
                      action: t('undo'),
                    }}
                  >
                    {t('undo')}
                  </ActionButton>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
