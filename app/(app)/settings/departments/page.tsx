import { getTranslations } from 'next-intl/server';
import { choosePromiseOwner } from '@/app/(app)/plans/actions';
import { addDepartment, saveDepartment, setDepartmentArchived } from '@/app/(app)/settings/actions';
import { DepartmentForm } from '@/components/settings/department-form';
import { DepartmentList } from '@/components/settings/department-list';
import { Card, EmptyState } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { requirePermission } from '@/lib/auth/session';

export async function generateMetadata() {
  return { title: (await getTranslations('settings.tabs'))('departments') };
}

export default async function DepartmentsPage() {
  const member = await requirePermission('settings.read');
  const t = await getTranslations('settings.departments');
  const departments = await listDepartments(await getDb(), member.organization.id, { includeArchived: true });
  return (
    <div className="space-y-6">
      <Card title={t('addTitle')} description={t('addDescription')}>
        <DepartmentForm action={addDepartment} />
      </Card>
      <Card title={t('listTitle', { count: departments.filter((d) => !d.archived).length })}>
        {departments.length === 0 ? (
          <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
        ) : (
          <DepartmentList
            departments={departments}
            actions={{ saveDepartment, setDepartmentArchived, choosePromiseOwner }}
          />
        )}
      </Card>
    </div>
  );
}
