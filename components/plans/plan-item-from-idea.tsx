'use client';

import { useRouter } from 'next/navigation';
import type { ServerAction } from '@/components/ui/server-action';
import { type PlanFormChoices, type PlanItemPrefill, PlanItemForm } from './plan-item-form';

/** The plan item form, prefilled from a staff idea; adding it puts the idea in progress and goes back to it. */
export function PlanItemFromIdea({
  departmentId,
  prefill,
  choices,
  action,
}: {
  departmentId: string;
  prefill: PlanItemPrefill;
  choices: PlanFormChoices;
  action: ServerAction;
}) {
  const router = useRouter();
  return (
    <PlanItemForm
      departmentId={departmentId}
      prefill={prefill}
      choices={choices}
      action={action}
      onDone={() => router.push(`/ideas/${prefill.sourceIdeaId}`)}
    />
  );
}
