import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { GoalSheet } from '@/components/goal/goal-sheet';
import { PrintButton } from '@/components/goal/print-button';
import { ReadReceipt } from '@/components/goal/read-receipt';
import { ReadStatus } from '@/components/goal/read-status';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { findGoalDraft, goalReadAt, goalReadings, goalTargetReadings, latestGoalVersion } from '@/db/queries/goal';
import { requirePermission } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { dateIn } from '@/lib/domain/weeks';
import { confirmRead } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('goal'))('title') };
}

/** The current goal for everyone, the "I have read it" button, and for executives who has read it. */
export default async function GoalPage() {
  const member = await requirePermission('goal.read');
  const t = await getTranslations('goal');
  const format = await getFormatter();
  const db = await getDb();
  const organizationId = member.organization.id;
  const timeZone = member.organization.timeZone;
  const goal = await latestGoalVersion(db, organizationId);
  const edits = can(member.actor, 'goal.edit');

  if (!goal || goal.version === null) {
    const draft = edits ? await findGoalDraft(db, organizationId) : null;
    return (
      <>
        <PageHeader title={t('title')} />
        <EmptyState title={t('empty.title')}>
          <p>{edits ? t('empty.executive') : t('empty.member')}</p>
          {draft ? <p className="mt-1">{t('empty.draftWaiting')}</p> : null}
          {edits ? (
            <Link href="/goal/edit" className={`${buttonClass('primary')} mt-4`}>
              {t('empty.write')}
            </Link>
          ) : null}
        </EmptyState>
      </>
    );
  }

  const [readAt, readings, live] = await Promise.all([
    goalReadAt(db, organizationId, goal.id, member.user.id),
    can(member.actor, 'goal.readStatus') ? goalReadings(db, organizationId, goal.id) : Promise.resolve(null),
    goalTargetReadings(db, organizationId, goal.targets, dateIn(new Date(), timeZone)),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone });
  const published = goal.publishedAt ? date(goal.publishedAt) : '';
  const link = 'text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800';
  return (
    <>
      <div className="print:hidden">
        <PageHeader
          title={t('title')}
          description={
            goal.authorName
              ? t('meta', { version: goal.version, date: published, author: goal.authorName })
              : t('metaNoAuthor', { version: goal.version, date: published })
          }
          actions={
            <div className="flex flex-wrap items-center gap-2">
              <PrintButton />
              {edits ? (
                <Link href="/goal/edit" className={buttonClass('primary')}>
                  {t('actions.edit')}
                </Link>
              ) : null}
            </div>
          }
        />
        <nav aria-label={t('actions.versions')} className="-mt-3 mb-5 flex flex-wrap gap-x-4 gap-y-1">
          <Link href="/goal/versions" className={link}>
            {t('actions.versions')}
          </Link>
          {goal.version > 1 ? (
            <Link href={`/goal/compare?from=${goal.version - 1}&to=${goal.version}`} className={link}>
              {t('actions.compare', { version: goal.version - 1 })}
            </Link>
          ) : null}
        </nav>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <GoalSheet goal={goal} organization={member.organization.name} timeZone={timeZone} live={live} />
        <aside className="space-y-4 print:hidden" aria-label={t('read.aside')}>
          <ReadReceipt
            goalVersionId={goal.id}
            version={goal.version}
            readOn={readAt ? date(readAt) : null}
            action={confirmRead}
          />
          {readings ? <ReadStatus version={goal.version} members={readings} /> : null}
        </aside>
      </div>
    </>
  );
}
