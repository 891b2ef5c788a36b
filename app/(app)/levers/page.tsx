import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RankedList } from '@/components/levers/ranked-list';
import { RegisterFilters } from '@/components/levers/register-filters';
import { filtersOf, isFiltered, registerHref } from '@/components/levers/register-url';
import { UnrankedGroups } from '@/components/levers/unranked-groups';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { listTouchpoints } from '@/db/queries/journey';
import { requirePermission } from '@/lib/auth/session';
import { rankedRegister } from '@/lib/levers/ranked-register';
import { mayAddLevers } from './choices';

export async function generateMetadata() {
  return { title: (await getTranslations('levers.page'))('title') };
}

/**
 * The register of accelerators and blockers: the measured ones ranked by what they did, the others grouped by why
 * they are not (still collecting, no baseline, open, planned). The filters live in the address.
 */
export default async function LeversPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requirePermission('lever.read');
  const t = await getTranslations('levers.page');
  const filters = filtersOf(await searchParams);
  const db = await getDb();
  const organizationId = member.organization.id;
  const [register, departments, touchpoints] = await Promise.all([
    rankedRegister(db, organizationId, filters),
    listDepartments(db, organizationId, { includeArchived: true }),
    listTouchpoints(db, organizationId, { includeArchived: true }),
  ]);
  const total = register.ranked.length + register.unranked.length;
  const exportHref = registerHref(filters).replace(/^\/levers/, '/api/levers/export');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <div className="flex flex-wrap gap-2">
            {mayAddLevers(member) ? (
              <Link href="/levers/new" className={buttonClass('primary')}>
                {t('add')}
              </Link>
            ) : null}
            <a href={exportHref} className={buttonClass('secondary')} download>
              {t('downloadCsv')}
            </a>
          </div>
        }
      />
      <div className="space-y-6">
        <Card>
          <RegisterFilters filters={filters} departments={departments} touchpoints={touchpoints} />
        </Card>
        {total === 0 ? (
          isFiltered(filters) ? (
            <EmptyState title={t('noMatch')}>
              <Link href="/levers" className="text-brand-700 underline">
                {t('clear')}
              </Link>
            </EmptyState>
          ) : (
            <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
          )
        ) : (
          <>
            <Card title={t('rankedTitle', { count: register.ranked.length })}>
              {register.ranked.length === 0 ? (
                <p className="text-sm text-slate-600">{t('noneRanked')}</p>
              ) : (
                <RankedList ranked={register.ranked} by={register.by} />
              )}
            </Card>
            {register.unranked.length > 0 ? (
              <Card title={t('unrankedTitle', { count: register.unranked.length })}>
                <div className="space-y-6">
                  <UnrankedGroups unranked={register.unranked} />
                </div>
              </Card>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
