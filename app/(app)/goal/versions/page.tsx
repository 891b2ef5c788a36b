import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { goalReadCounts, listGoalVersions } from '@/db/queries/goal';
import { requirePermission } from '@/lib/auth/session';

export async function generateMetadata() {
  return { title: (await getTranslations('goal.versions'))('title') };
}

/** Every published version: who published it and when, to open it or see what changed. */
export default async function GoalVersionsPage() {
  const member = await requirePermission('goal.read');
  const t = await getTranslations('goal.versions');
  const format = await getFormatter();
  const db = await getDb();
  const versions = await listGoalVersions(db, member.organization.id);
  const reads = await goalReadCounts(
    db,
    member.organization.id,
    versions.map((v) => v.id),
  );
  const link = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800';
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        {versions.length === 0 ? (
          <EmptyState title={t('empty')} />
        ) : (
          <ol className="divide-y divide-slate-200">
            {versions.map((v, index) => (
              <li key={v.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <Link href={`/goal/versions/${v.version}`} className={link}>
                      {t('open', { version: v.version })}
                    </Link>
                    {index === 0 ? <Badge tone="green">{t('current')}</Badge> : null}
                  </p>
                  <p className="text-sm text-slate-600">
                    <time dateTime={v.publishedAt.toISOString()}>
                      {format.dateTime(v.publishedAt, {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                        timeZone: member.organization.timeZone,
                      })}
                    </time>
                    {' · '}
                    {v.authorName ?? t('unknownAuthor')}
                    {' · '}
                    {t('reads')} {t('readCount', { count: reads.get(v.id) ?? 0 })}
                  </p>
                </div>
                {v.version > 1 ? (
                  <Link href={`/goal/compare?from=${v.version - 1}&to=${v.version}`} className={`text-sm ${link}`}>
                    {t('compare', { version: v.version - 1 })}
                  </Link>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}
