import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { IdeaForm } from '@/components/ideas/idea-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listDepartments } from '@/db/queries/departments';
import { listTouchpoints } from '@/db/queries/journey';
import { requirePermission } from '@/lib/auth/session';
import { submitIdeaAction, voteAction } from '../actions';

export async function generateMetadata() {
  return { title: (await getTranslations('ideas.form'))('submitTitle') };
}

/** Submit an idea: for a department that is not archived, optionally a touchpoint, optionally anonymously. */
export default async function NewIdeaPage() {
  const member = await requirePermission('idea.submit');
  const t = await getTranslations('ideas');
  const db = await getDb();
  const [departments, touchpoints] = await Promise.all([
    listDepartments(db, member.organization.id),
    listTouchpoints(db, member.organization.id),
  ]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/ideas" className="text-brand-700 underline">
          {t('idea.allIdeas')}
        </Link>
      </p>
      <PageHeader title={t('form.submitTitle')} description={t('form.submitDescription')} />
      <Card className="max-w-3xl">
        <IdeaForm
          departments={departments.map((d) => ({ value: d.id, label: d.name }))}
          touchpoints={touchpoints.map((tp) => ({ value: tp.id, label: tp.name }))}
          defaultDepartmentId={member.actor.departmentId}
          actions={{ save: submitIdeaAction, vote: voteAction }}
        />
      </Card>
    </>
  );
}
