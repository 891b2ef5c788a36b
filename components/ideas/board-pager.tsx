import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { BoardQuery } from '@/lib/validation/ideas';
import { boardHref } from './board-url';

/** Previous and next links between pages of 50, keeping every other choice. */
export async function BoardPager({ query, pages }: { query: BoardQuery; pages: number }) {
  if (pages <= 1) return null;
  const t = await getTranslations('ideas.board');
  const page = query.page;
  return (
    <nav aria-label={t('pages')} className="mt-4 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={boardHref(query, { page: page - 1 })} className="font-medium text-brand-800 underline">
          <span aria-hidden>← </span>
          {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">{t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link href={boardHref(query, { page: page + 1 })} className="font-medium text-brand-800 underline">
          {t('next')}
          <span aria-hidden> →</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
