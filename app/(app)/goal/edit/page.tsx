import { getTranslations } from 'next-intl/server';
import { publish, saveDraft } from '@/app/(app)/goal/actions';
import { GoalEditor } from '@/components/goal/goal-editor';
import { PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { findGoalDraft, type GoalVersion, latestGoalVersion } from '@/db/queries/goal';
import { listTouchpoints } from '@/db/queries/journey';
import { requirePermission } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';

export async function generateMetadata() {
  return { title: (await getTranslations('goal.edit'))('title') };
}

const blank = { statement: '', whyService: '', atmosphere: '', commitments: [], dayToDay: '', targets: [] };

/** The editor starts from the saved draft, else from the current version, else from a blank page. */
function editorContent(goal: GoalVersion | null) {
  if (!goal) return blank;
  const { statement, whyService, atmosphere, commitments, dayToDay } = goal;
  return {
    statement,
    whyService,
    atmosphere,
    commitments,
    dayToDay,
    targets: goal.targets.map((target) => ({
      metric: target.metric,
      businessMetric: target.businessMetric ?? '',
      touchpointId: target.touchpointId ?? '',
      targetValue: String(target.targetValue),
      dueDate: target.dueDate,
    })),
  };
}

export default async function EditGoalPage() {
  const member = await requirePermission('goal.edit');
  const t = await getTranslations('goal.edit');
  const db = await getDb();
  const organizationId = member.organization.id;
  const [draft, latest, touchpoints] = await Promise.all([
    findGoalDraft(db, organizationId),
    latestGoalVersion(db, organizationId),
    listTouchpoints(db, organizationId, { includeArchived: true }),
  ]);
  const nextVersion = (latest?.version ?? 0) + 1;
  return (
    <>
      <PageHeader title={t('title')} description={t('description', { version: nextVersion })} />
      {!draft && latest ? (
        <p className="-mt-3 mb-5 max-w-2xl text-sm text-slate-600">
          {t('startedFrom', { version: latest.version ?? 0 })}
        </p>
      ) : null}
      <GoalEditor
        initial={editorContent(draft ?? latest)}
        draftUpdatedAt={draft ? draft.updatedAt.toISOString() : null}
        nextVersion={nextVersion}
        canPublish={can(member.actor, 'goal.publish')}
        actions={{ saveDraft, publish }}
        touchpoints={touchpoints.map((tp) => ({ id: tp.id, name: tp.name, archived: tp.archived }))}
      />
    </>
  );
}
