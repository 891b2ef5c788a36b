import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LiveImpactCard } from '@/components/impact/live-impact-card';
import { WindowsForm } from '@/components/impact/windows-form';
import { LeverKindBadge, LeverStateBadge } from '@/components/levers/badges';
import { LeverDetails } from '@/components/levers/lever-details';
import { LeverEditor } from '@/components/levers/lever-editor';
import { StateControls } from '@/components/levers/state-controls';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { findChange } from '@/db/queries/changes';
import { leverById } from '@/db/queries/levers';
import { requirePermission } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { targetLockedSince } from '@/lib/impact/declared-target';
import { deleteLeverAction, setLeverStateAction, updateLeverAction } from '../actions';
import { leverFormChoices } from '../choices';

type Params = { params: Promise<{ id: string }> };

async function leverOf(params: Params['params']) {
  const member = await requirePermission('lever.read');
  const lever = await leverById(await getDb(), member.organization.id, (await params).id);
  return { member, lever };
}

export async function generateMetadata({ params }: Params) {
  const { lever } = await leverOf(params);
  return { title: lever?.name ?? (await getTranslations('levers.detail'))('notFound') };
}

/**
 * One accelerator or blocker: what it is and where, its state, and, once it is in effect, its impact card. Its
 * department's lead (or an executive) moves it along, edits and deletes it; everyone else reads.
 */
export default async function LeverPage({ params }: Params) {
  const { member, lever } = await leverOf(params);
  if (!lever) notFound();
  const organization = member.organization;
  const db = await getDb();
  const t = await getTranslations('levers.detail');
  const mayManage = can(member.actor, 'lever.manage', { departmentId: lever.departmentId });
  const [choices, change] = await Promise.all([
    mayManage ? leverFormChoices(db, member, lever) : null,
    lever.effectiveDate ? findChange(db, organization.id, 'lever', lever.id) : null,
  ]);
  const cardPath = `/changes/lever/${lever.id}`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/levers" className="text-brand-700 underline">
          {t('allLevers')}
        </Link>
      </p>
      <PageHeader
        title={lever.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <LeverKindBadge kind={lever.kind} />
            <LeverStateBadge lever={lever} />
            <span>{lever.departmentName}</span>
          </span>
        }
      />
      <div className="space-y-6">
        <LeverDetails lever={lever} />
        {choices ? (
          <Card title={t('manageTitle')} description={t('manageDescription')}>
            <div className="space-y-6">
              <StateControls lever={lever} today={choices.today} action={setLeverStateAction} />
              <div className="border-t border-slate-100 pt-4">
                <LeverEditor
                  lever={{
                    id: lever.id,
                    kind: lever.kind,
                    name: lever.name,
                    description: lever.description,
                    departmentId: lever.departmentId,
                    touchpointIds: lever.touchpoints.map((tp) => tp.id),
                    metric: lever.metric,
                    direction: lever.direction,
                    knownSince: lever.knownSince,
                    targetLockedSince: targetLockedSince(
                      [lever.effectiveDate],
                      organization.impactWindows,
                      organization.weekStartsOn,
                      choices.today,
                    ),
                  }}
                  choices={choices}
                  actions={{ update: updateLeverAction, delete: deleteLeverAction }}
                />
              </div>
            </div>
          </Card>
        ) : null}
        <section aria-labelledby="lever-impact" className="space-y-3">
          <h2 id="lever-impact" className="text-lg font-semibold">
            {t('impactTitle')}
          </h2>
          {change ? (
            <>
              <p className="text-sm">
                <Link href={cardPath} className="text-brand-700 underline underline-offset-2">
                  {t('openCard')}
                </Link>
              </p>
              <LiveImpactCard
                kind="lever"
                id={lever.id}
                tried={null}
                defaults={organization.impactWindows}
                initial={{ change, card: lever.card, stale: lever.stale }}
                editHref={`/levers/${lever.id}#edit-lever-button`}
                investment={null}
                windowsForm={<WindowsForm action={cardPath} current={organization.impactWindows} />}
              />
            </>
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
              {t(lever.kind === 'accelerator' ? 'noCardPlanned' : 'noCardOpen')}
            </p>
          )}
        </section>
      </div>
    </>
  );
}
