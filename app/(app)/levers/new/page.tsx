import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LeverForm } from '@/components/levers/lever-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { leverKinds } from '@/lib/validation/levers';
import { createLeverAction } from '../actions';
import { leverFormChoices, mayAddLevers } from '../choices';

export async function generateMetadata() {
  return { title: (await getTranslations('levers.form'))('addTitle') };
}

/**
 * Adds an accelerator or a blocker. The address may choose the kind and a touchpoint (`?kind=blocker&touchpoint=…`,
 * from a touchpoint's page); a member who may not add one goes to the forbidden page.
 */
export default async function NewLeverPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requirePermission('lever.read');
  if (!mayAddLevers(member)) redirect('/forbidden');
  const t = await getTranslations('levers');
  const search = await searchParams;
  const choices = await leverFormChoices(await getDb(), member);
  const kind = leverKinds.find((k) => k === search.kind);
  const touchpoint = choices.touchpoints.find((tp) => tp.value === search.touchpoint)?.value;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/levers" className="text-brand-700 underline">
          {t('detail.allLevers')}
        </Link>
      </p>
      <PageHeader title={t('form.addTitle')} description={t('form.addDescription')} />
      <Card className="max-w-3xl">
        <LeverForm
          choices={choices}
          prefill={{ kind, touchpointIds: touchpoint ? [touchpoint] : undefined }}
          defaultDepartmentId={member.actor.departmentId}
          action={createLeverAction}
        />
      </Card>
    </>
  );
}
