import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/card';
import type { IdeaStatus } from '@/lib/domain/ideas';

const tone: Record<IdeaStatus, 'slate' | 'blue' | 'amber' | 'green' | 'red'> = {
  new: 'blue',
  under_review: 'amber',
  accepted: 'green',
  declined: 'red',
  in_progress: 'blue',
  shipped: 'green',
  withdrawn: 'slate',
  merged: 'slate',
};

/** The idea's status in words (the colour only repeats it). */
export function IdeaStatusBadge({ status }: { status: IdeaStatus }) {
  const t = useTranslations('ideas.status');
  return <Badge tone={tone[status]}>{t(status)}</Badge>;
}
