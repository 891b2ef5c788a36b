import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { targetText } from '@/components/goal/target-text';
import {
  ChangedEntries,
  ChangedSection,
  ChangesLegend,
  entriesChanged,
  MarkedChanges,
  textChanged,
} from '@/components/goal/version-diff';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { getDb } from '@/db/client';
import { goalVersionByNumber, listGoalVersions } from '@/db/queries/goal';
import { requirePermission } from '@/lib/auth/session';
import { entryChanges, goalSections, wordChanges } from '@/lib/domain/goal';
import { compareVersionsSchema } from '@/lib/validation/goal';

export async function generateMetadata() {
  return { title: (await getTranslations('goal.compare'))('title') };
}

type SearchParams = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What changed between two published versions, section by section, word by word. */
export default async function CompareGoalPage({ searchParams }: SearchParams) {
  const member = await requirePermission('goal.read');
  const t = await getTranslations('goal');
  const format = await getFormatter();
  const db = await getDb();
  const organizationId = member.organization.id;
  const timeZone = member.organization.timeZone;
  const versions = await listGoalVersions(db, organizationId);
  if (versions.length < 2) {
    return (
      <>
        <PageHeader title={t('compare.title')} />
        <EmptyState title={t('compare.needTwo')}>{t('compare.needTwoHint')}</EmptyState>
      </>
    );
  }
  // Unknown or missing numbers fall back to the latest version and the one before it.
  const query = compareVersionsSchema.parse(await searchParams);
  const exists = (n: number | undefined) => (n !== undefined && versions.some((v) => v.version === n) ? n : undefined);
  const to = exists(query.to) ?? versions[0]!.version;
  const from = exists(query.from) ?? versions.find((v) => v.version < to)?.version ?? versions[1]!.version;
  const [older, newer] = await Promise.all([
    goalVersionByNumber(db, organizationId, from),
    goalVersionByNumber(db, organizationId, to),
  ]);
  if (!older || !newer) notFound();

  const options = versions.map((v) => ({
    value: String(v.version),
    label: t('compare.option', {
      version: v.version,
      date: format.dateTime(v.publishedAt, { dateStyle: 'medium', timeZone }),
    }),
  }));
  const targetLines = (goal: typeof older) => goal.targets.map((target) => targetText(target, t, format).line);
  const commitments = entryChanges(older.commitments, newer.commitments);
  const targets = entryChanges(targetLines(older), targetLines(newer));
  const link = 'text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800';
  return (
    <>
      <PageHeader title={t('compare.title')} description={t('compare.description')} />
      <form method="get" className="mb-5 grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
        <SelectField label={t('compare.from')} name="from" defaultValue={String(from)} options={options} />
        <SelectField label={t('compare.to')} name="to" defaultValue={String(to)} options={options} />
        <button type="submit" className={buttonClass('secondary')}>
          {t('compare.show')}
        </button>
      </form>
      <nav aria-label={t('actions.versions')} className="mb-4 flex flex-wrap gap-x-4 gap-y-1">
        <Link href={`/goal/versions/${from}`} className={link}>
          {t('versions.open', { version: from })}
        </Link>
        <Link href={`/goal/versions/${to}`} className={link}>
          {t('versions.open', { version: to })}
        </Link>
        <Link href="/goal/versions" className={link}>
          {t('actions.versions')}
        </Link>
      </nav>
      <Card>
        {from === to ? <p className="mb-4 text-sm text-slate-600">{t('compare.sameVersion')}</p> : null}
        <div className="mb-4">
          <ChangesLegend />
        </div>
        <div className="space-y-4">
          {goalSections.map((section) => {
            if (section === 'commitments') {
              return (
                <ChangedSection key={section} title={t('sections.commitments')} changed={entriesChanged(commitments)}>
                  <ChangedEntries entries={commitments} empty="" />
                </ChangedSection>
              );
            }
            const changes = wordChanges(older[section], newer[section]);
            return (
              <ChangedSection key={section} title={t(`sections.${section}`)} changed={textChanged(changes)}>
                <MarkedChanges changes={changes} />
              </ChangedSection>
            );
          })}
          <ChangedSection title={t('sections.targets')} changed={entriesChanged(targets)}>
            <ChangedEntries entries={targets} empty={t('target.none')} />
          </ChangedSection>
        </div>
      </Card>
    </>
  );
}
