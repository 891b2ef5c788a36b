import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ImportHistory } from '@/components/imports/import-history';
import { ImportWizard } from '@/components/imports/import-wizard';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { importableTouchpoints, listImports } from '@/db/queries/imports';
import { requirePermission } from '@/lib/auth/session';
import { undoImportAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('imports'))('title') };
}

export default async function ImportPage() {
  const member = await requirePermission('responses.import');
  const t = await getTranslations('imports');
  const db = await getDb();
  const [touchpoints, imports] = await Promise.all([
    importableTouchpoints(db, member.organization.id),
    listImports(db, member.organization.id),
  ]);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Link href="/touchpoints/measured" className="text-sm font-medium text-brand-700 underline">
            {t('measuredLink')}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <ImportWizard touchpoints={touchpoints} timeZone={member.organization.timeZone} />
        </Card>
        <div id="import-history" className="scroll-mt-4">
          <Card title={t('history.title')} description={t('history.description')}>
            <ImportHistory imports={imports} timeZone={member.organization.timeZone} action={undoImportAction} />
          </Card>
        </div>
      </div>
    </>
  );
}
