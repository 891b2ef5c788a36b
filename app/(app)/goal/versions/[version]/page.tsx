import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { GoalSheet } from '@/components/goal/goal-sheet';
import { PrintButton } from '@/components/goal/print-button';
import { PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { goalVersionByNumber, latestGoalVersion } from '@/db/queries/goal';
import { requirePermission } from '@/lib/auth/session';

type Params = { params: Promise<{ version: string }> };

function versionNumber(raw: string) {
  return /^[1-9]\d{0,6}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: Params) {
  const t = await getTranslations('goal.versions');
  return { title: `${t('version')} ${versionNumber((await params).version) ?? ''}`.trim() };
}

/** One published version as it was, read-only, with a way back to the current one. */
export default async function GoalVersionPage({ params }: Params) {
  const member = await requirePermission('goal.read');
  const number = versionNumber((await params).version);
  if (number === null) notFound();
  const t = await getTranslations('goal');
  const format = await getFormatter();
  const db = await getDb();
  const [goal, latest] = await Promise.all([
    goalVersionByNumber(db, member.organization.id, number),
    latestGoalVersion(db, member.organization.id),
  ]);
  if (!goal || !latest?.version) notFound();
  const timeZone = member.organization.timeZone;
  const date = goal.publishedAt ? format.dateTime(goal.publishedAt, { dateStyle: 'long', timeZone }) : '';
  const older = number < latest.version;
  const link = 'text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800';
  return (
    <>
      <div className="print:hidden">
        <PageHeader
          title={`${t('versions.version')} ${number}`}
          description={
            goal.authorName
              ? t('meta', { version: number, date, author: goal.authorName })
              : t('metaNoAuthor', { version: number, date })
          }
          actions={<PrintButton />}
        />
        {older ? (
          <p
            role="note"
            className="-mt-2 mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            {t('versions.older', { version: number, current: latest.version })}
          </p>
        ) : null}
        <nav aria-label={t('actions.versions')} className="mb-5 flex flex-wrap gap-x-4 gap-y-1">
          <Link href="/goal/versions" className={link}>
            {t('actions.versions')}
          </Link>
          {older ? (
            <Link href="/goal" className={link}>
              {t('versions.viewCurrent')}
            </Link>
          ) : null}
          {older ? (
            <Link href={`/goal/compare?from=${number}&to=${latest.version}`} className={link}>
              {t('versions.compareWithCurrent')}
            </Link>
          ) : null}
          {number > 1 ? (
            <Link href={`/goal/compare?from=${number - 1}&to=${number}`} className={link}>
              {t('actions.compare', { version: number - 1 })}
            </Link>
          ) : null}
        </nav>
      </div>
      <div className="max-w-4xl">
        <GoalSheet goal={goal} organization={member.organization.name} timeZone={timeZone} />
      </div>
    </>
  );
}
