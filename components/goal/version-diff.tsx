import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/card';
import { type EntryChange, hasChanges, type TextChange } from '@/lib/domain/goal';

const removedStyle = 'rounded-sm bg-red-100 px-0.5 text-red-900 line-through decoration-red-700 decoration-2';
const addedStyle =
  'rounded-sm bg-emerald-100 px-0.5 text-emerald-950 underline decoration-emerald-700 decoration-2 underline-offset-2';

/**
 * Changed words, marked with <del> and <ins>: struck through on red, underlined on green (not colour alone),
 * and announced to screen readers with words, since most do not read the elements out.
 */
export async function MarkedChanges({ changes }: { changes: TextChange[] }) {
  const t = await getTranslations('goal.compare');
  return (
    <>
      {changes.map((change, index) => {
        if (change.kind === 'same') return <span key={index}>{change.text}</span>;
        const removed = change.kind === 'removed';
        const Tag = removed ? 'del' : 'ins';
        return (
          <Tag key={index} className={removed ? removedStyle : addedStyle}>
            <span className="sr-only">{t(removed ? 'removedStart' : 'addedStart')} </span>
            {change.text}
            <span className="sr-only"> {t(removed ? 'removedEnd' : 'addedEnd')}</span>
          </Tag>
        );
      })}
    </>
  );
}

/** One section of the comparison, with whether anything in it changed. */
export async function ChangedSection({
  title,
  changed,
  children,
}: {
  title: string;
  changed: boolean;
  children: ReactNode;
}) {
  const t = await getTranslations('goal.compare');
  return (
    <section className="border-t border-slate-200 pt-4 first:border-t-0 first:pt-0">
      <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold">
        {title}
        <Badge tone={changed ? 'amber' : 'slate'}>{t(changed ? 'changed' : 'unchanged')}</Badge>
      </h2>
      <div className="mt-2 text-base leading-relaxed whitespace-pre-line text-slate-800">{children}</div>
    </section>
  );
}

/** A list (commitments, targets) compared entry by entry. */
export async function ChangedEntries({ entries, empty }: { entries: EntryChange[]; empty: string }) {
  if (entries.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5">
      {entries.map((entry, index) => (
        <li key={index}>
          <MarkedChanges changes={entry.changes} />
        </li>
      ))}
    </ul>
  );
}

export function entriesChanged(entries: EntryChange[]) {
  return entries.some((e) => e.kind !== 'same');
}

export function textChanged(changes: TextChange[]) {
  return hasChanges(changes);
}

/** The key to the marks, shown once above the comparison. */
export async function ChangesLegend() {
  const t = await getTranslations('goal.compare');
  return (
    <p className="flex flex-wrap gap-3 text-sm text-slate-700" aria-hidden>
      <del className={removedStyle}>{t('legendRemoved')}</del>
      <ins className={addedStyle}>{t('legendAdded')}</ins>
    </p>
  );
}
