import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import {
  addStage,
  addTouchpoint,
  deleteStage,
  reorderStage,
  reorderTouchpoint,
  saveStage,
  saveTouchpoint,
  setTouchpointArchived,
} from '@/app/(app)/settings/actions';
import { JourneyEditor } from '@/components/settings/journey-editor';
import { StageForm } from '@/components/settings/stage-form';
import { Card, EmptyState } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { listStages, listTouchpoints } from '@/db/queries/journey';
import { requirePermission } from '@/lib/auth/session';

export async function generateMetadata() {
  return { title: (await getTranslations('settings.tabs'))('journey') };
}

export default async function JourneySettingsPage() {
  const member = await requirePermission('settings.read');
  const t = await getTranslations('settings.journey');
  const db = await getDb();
  const orgId = member.organization.id;
  const [stages, touchpoints, departments] = await Promise.all([
    listStages(db, orgId),
    listTouchpoints(db, orgId, { includeArchived: true }),
    listDepartments(db, orgId),
  ]);
  return (
    <div className="space-y-6">
      <Card title={t('addStageTitle')} description={t('addStageDescription')}>
        <StageForm action={addStage} />
      </Card>
      <Card title={t('title')} description={t('description')}>
        {departments.length === 0 ? (
          <p className="mb-3 text-sm text-amber-800">
            {t('needDepartment')}{' '}
            <Link href="/settings/departments" className="underline">
              {t('addDepartmentLink')}
            </Link>
          </p>
        ) : null}
        {stages.length === 0 ? (
          <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
        ) : (
          <JourneyEditor
            stages={stages}
            touchpoints={touchpoints}
            departments={departments.map((d) => ({ value: d.id, label: d.name }))}
            actions={{
              saveStage,
              reorderStage,
              deleteStage,
              addTouchpoint,
              saveTouchpoint,
              reorderTouchpoint,
              setTouchpointArchived,
            }}
          />
        )}
      </Card>
    </div>
  );
}
