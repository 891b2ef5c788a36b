import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ImpactSummary } from '@/components/impact/impact-summary';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { ImprovementSummary } from '@/components/weekly/improvement-summary';
import { PrintButton } from '@/components/weekly/print-button';
import { getDb } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { storedCards } from '@/db/queries/impact';
import { listTouchpoints } from '@/db/queries/journey';
import { listImprovements } from '@/db/queries/weekly';
import { requirePermission } from '@/lib/auth/session';
import { impactSummaryOf } from '@/lib/impact/summary';
import { addWeeks, isoWeekLabel, isWeekStart, weekOf, weeksBetween } from '@/lib/domain/weeks';

export async function generateMetadata({ params }: { params: Promise<{ week: string }> }) {
  const t = await getTranslations('weekly');
  return { title: t('summaryTitle', { week: (await params).week }) };
}

/** One week for executives: who logged, who did not, each improvement in full. Prints as a summary. */
export default async function WeekSummaryPage({ params }: { params: Promise<{ week: string }> }) {
  const member = await requirePermission('weekly.read');
  const { week } = await params;
  const organization = member.organization;
  const firstDay = organization.weekStartsOn;
  if (!isWeekStart(week, firstDay)) notFound();
  const currentWeek = weekOf(new Date(), organization.timeZone, firstDay);
  if (weeksBetween(week, currentWeek) < 0) notFound(); // a week that has not started has nothing to show
  const t = await getTranslations('weekly');
  const format = await getFormatter();
  const db = await getDb();
  const [improvements, departments, touchpoints] = await Promise.all([
    listImprovements(db, organization.id, { weekStart: week }),
    listDepartments(db, organization.id),
    listTouchpoints(db, organization.id),
  ]);
  // The stored cards of the week's improvements, in one read; nothing is computed for this page.
  const cards = await storedCards(
    db,
    organization.id,
    improvements.map((i) => ({ kind: 'improvement' as const, id: i.id })),
  );
  const touchpointOptions = touchpoints.map((tp) => ({ value: tp.id, label: tp.name }));
  const logged = new Set(improvements.map((i) => i.departmentId));
  const missing = departments.filter((d) => !logged.has(d.id));
  const label = t('weekOf', {
    week: isoWeekLabel(week).week,
    date: format.dateTime(new Date(`${week}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }),
  });
  return (
    <>
      <p className="mb-2 text-sm print:hidden">
        <Link href="/weekly" className="text-brand-700 underline">
          {t('backToGrid')}
        </Link>
      </p>
      <PageHeader
        title={t('summaryHeading', { week: label })}
        description={t('summaryCounts', { logged: logged.size, total: departments.length })}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <Link href={`/weekly/${addWeeks(week, -1)}`} className={buttonClass('secondary', 'sm')}>
              ← {t('previousWeek')}
            </Link>
            {weeksBetween(week, currentWeek) > 0 ? (
              <Link href={`/weekly/${addWeeks(week, 1)}`} className={buttonClass('secondary', 'sm')}>
                {t('nextWeek')} →
              </Link>
            ) : null}
            <PrintButton />
          </div>
        }
      />
      <div className="space-y-6">
        <Card title={t('notLoggedTitle', { count: missing.length })}>
          {missing.length === 0 ? (
            <p className="text-sm text-emerald-800">{t('everyAreaLogged')}</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {missing.map((d) => (
                <li key={d.id}>
                  <Badge tone="amber">{d.name}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <section aria-labelledby="logged-heading" className="space-y-3">
          <h2 id="logged-heading" className="text-lg font-semibold">
            {t('loggedTitle', { count: improvements.length })}
          </h2>
          {improvements.map((i) => (
            <ImprovementSummary
              key={i.id}
              improvement={i}
              touchpoints={touchpointOptions}
              impact={
                <ImpactSummary
                  labelled
                  summary={impactSummaryOf(cards.get(`improvement:${i.id}`))}
                  href={`/changes/improvement/${i.id}`}
                  title={i.title}
                />
              }
            />
          ))}
        </section>
      </div>
    </>
  );
}
