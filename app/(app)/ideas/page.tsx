import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BoardFilters } from '@/components/ideas/board-filters';
import { BoardPager } from '@/components/ideas/board-pager';
import { boardHref, isFiltered } from '@/components/ideas/board-url';
import { IdeaList } from '@/components/ideas/idea-list';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { BOARD_PAGE_SIZE, boardPage } from '@/db/queries/idea-board';
import { listTouchpoints } from '@/db/queries/journey';
import { requirePermission } from '@/lib/auth/session';
import { boardQuerySchema } from '@/lib/validation/ideas';
import { unvoteAction, voteAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('ideas'))('title') };
}

/** The board: everyone's ideas, sorted, filtered and searched by choices that live in the address. */
export default async function IdeasPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requirePermission('idea.read');
  const t = await getTranslations('ideas');
  const query = boardQuerySchema.parse(await searchParams);
  const db = await getDb();
  const organization = member.organization;
  const [board, departments, touchpoints] = await Promise.all([
    boardPage(db, organization.id, member.actor.userId, query),
    listDepartments(db, organization.id, { includeArchived: true }),
    listTouchpoints(db, organization.id, { includeArchived: true }),
  ]);
  const pages = Math.ceil(board.total / BOARD_PAGE_SIZE);
  // A page past the end (an old link, fewer ideas now) shows the last page.
  if (query.page > 1 && query.page > pages) redirect(boardHref(query, { page: Math.max(pages, 1) }));
  const filtered = isFiltered(query);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/ideas/new" className={buttonClass('primary')}>
              {t('board.submit')}
            </Link>
            <Link href="/ideas/credit" className={buttonClass('secondary')}>
              {t('board.credit')}
            </Link>
            <a href="/api/ideas/export" className={buttonClass('secondary')} download>
              {t('board.downloadCsv')}
            </a>
          </div>
        }
      />
      <Card title={t('board.count', { count: board.total })}>
        <BoardFilters query={query} departments={departments} touchpoints={touchpoints} />
        {board.ideas.length === 0 ? (
          filtered ? (
            <EmptyState title={t('board.noMatch')}>
              {t('board.noMatchHint')}{' '}
              <Link href="/ideas" className="text-brand-700 underline">
                {t('board.clear')}
              </Link>
            </EmptyState>
          ) : (
            <EmptyState title={t('board.empty')}>
              {t('board.emptyHint')}{' '}
              <Link href="/ideas/new" className="text-brand-700 underline">
                {t('board.submit')}
              </Link>
            </EmptyState>
          )
        ) : (
          <IdeaList
            ideas={board.ideas}
            now={new Date()}
            timeZone={organization.timeZone}
            voteActions={{ vote: voteAction, unvote: unvoteAction }}
          />
        )}
        <BoardPager query={query} pages={pages} />
      </Card>
    </>
  );
}
