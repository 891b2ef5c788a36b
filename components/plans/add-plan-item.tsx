'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ServerAction } from '@/components/ui/server-action';
import { type PlanFormChoices, PlanItemForm } from './plan-item-form';

export function AddPlanItem({
  departmentId,
  choices,
  action,
}: {
  departmentId: string;
  choices: PlanFormChoices;
  action: ServerAction;
}) {
  const t = useTranslations('plans.form');
  const [open, setOpen] = useState(false);
  if (!open) return <Button onClick={() => setOpen(true)}>+ {t('addItem')}</Button>;
  return (
    <section aria-labelledby="add-plan-item" className="space-y-2">
      <h2 id="add-plan-item" className="text-lg font-semibold">
        {t('addItem')}
      </h2>
      <PlanItemForm departmentId={departmentId} choices={choices} action={action} onDone={() => setOpen(false)} />
    </section>
  );
}
