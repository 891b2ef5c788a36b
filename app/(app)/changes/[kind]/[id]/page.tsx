import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { LiveImpactCard } from '@/components/impact/live-impact-card';
import { WindowsForm } from '@/components/impact/windows-form';
import { TouchpointLinks } from '@/components/touchpoints/touchpoint-links';
import { Badge, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { findChange } from '@/db/queries/changes';
import { storedCard } from '@/db/queries/impact';
import { findImprovement } from '@/db/queries/weekly';
import { requirePermission } from '@/lib/auth/session';
import { sameWindows } from '@/lib/impact/settings';
import { id as idSchema } from '@/lib/validation/common';
import { cardKind, triedWindowsSchema, windowParams, windowsWith } from '@/lib/validation/impact-windows';
import { fieldErrorsOf } from '@/lib/validation/messages';

type Props = {
  params: Promise<{ kind: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The change of the path in the member's organization, or null (another organization's id included). */
async function changeOf(params: Props['params']) {
  const member = await requirePermission('metrics.read');
  const { kind, id } = await params;
  const parsedKind = cardKind.safeParse(kind);
  const parsedId = idSchema.safeParse(id);
  if (!parsedKind.success || !parsedId.success) return { member, change: null };
  const change = await findChange(await getDb(), member.organization.id, parsedKind.data, parsedId.data);
  return { member, change };
}

export async function generateMetadata({ params }: Props) {
  const { change } = await changeOf(params);
  return { title: change?.title ?? (await getTranslations('impact.page'))('notFound') };
}

/**
 * One change's impact card, readable by every member: what the change is, then its stored card with the
 * organization's default windows, or one computed on request for other windows from the URL (which says so).
 */
export default async function ChangeCardPage({ params, searchParams }: Props) {
  const { member, change } = await changeOf(params);
  if (!change) notFound();
  const organization = member.organization;
  const db = await getDb();
  const t = await getTranslations();
  const format = await getFormatter();
  const date = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });

  const defaults = organization.impactWindows;
  const query = triedWindowsSchema.safeParse(windowParams(await searchParams));
  const windows = query.success ? windowsWith(defaults, query.data) : defaults;
  const tried = sameWindows(windows, defaults) ? null : windows;
  const errors = query.success
    ? {}
    : Object.fromEntries(Object.entries(fieldErrorsOf(query.error)).map(([field, m]) => [field, t(m.key, m.values)]));

  const stored = await storedCard(db, organization.id, change.kind, change.id);
  const improvement = change.kind === 'improvement' ? await findImprovement(db, organization.id, change.id) : null;
  // Where the change lives: its week, its plan, or its lever's page (which is also where a lever is edited).
  const sourceHref = improvement
    ? `/weekly/${improvement.weekStart}`
    : change.kind === 'lever'
      ? `/levers/${change.id}`
      : `/plans/${change.departmentId}#item-${change.id}`;
  const editHref = improvement ? '/weekly' : sourceHref;
  const investment =
    change.investment === null
      ? null
      : format.number(change.investment, { style: 'currency', currency: organization.currency });
  const path = `/changes/${change.kind}/${change.id}`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={sourceHref} className="text-brand-700 underline-offset-2 hover:underline">
          ← {t('impact.page.source', { kind: change.kind })}
        </Link>
      </p>
      <PageHeader
        title={change.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="blue">{t('impact.page.kind', { kind: change.kind })}</Badge>
            <span>
              {t('impact.page.meta', { department: change.departmentName, date: date(change.date), kind: change.kind })}
            </span>
          </span>
        }
      />
      <dl className="-mt-2 mb-6 grid max-w-3xl gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">{t('impact.page.touchpoints')}</dt>
        <dd>
          <TouchpointLinks touchpoints={change.touchpoints} none={t('impact.page.noTouchpoints')} />
        </dd>
        <dt className="text-slate-600">{t('impact.page.declaredTarget')}</dt>
        <dd>
          {change.metric === null
            ? t('impact.page.noTarget')
            : change.metric === 'business'
              ? t('impact.page.businessTarget', { direction: change.direction ?? 'up' })
              : t('impact.page.target', {
                  metric: t('impact.sentence.metric', { metric: change.metric }),
                  direction: change.direction ?? 'up',
                })}
        </dd>
      </dl>
      <LiveImpactCard
        kind={change.kind}
        id={change.id}
        tried={tried}
        defaults={defaults}
        initial={{ change, ...stored }}
        editHref={editHref}
        investment={investment}
        windowsForm={<WindowsForm action={path} current={windows} errors={errors} />}
      />
    </>
  );
}
