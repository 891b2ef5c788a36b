'use client';

import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/card';

export interface RequestView {
  id: string;
  departmentName: string;
  kind: 'ripple' | 'promise';
  status: 'pending' | 'acknowledged' | 'concern';
  comment: string;
  answeredByName: string | null;
}

const tone = { pending: 'amber', acknowledged: 'green', concern: 'red' } as const;

/** Which departments were asked about an item, and what each answered. */
export function RequestList({ requests }: { requests: RequestView[] }) {
  const t = useTranslations('plans.requests');
  if (requests.length === 0) return null;
  const pending = requests.filter((r) => r.status === 'pending').length;
  return (
    <div className="mt-3 rounded-md bg-slate-50 p-2.5">
      <p className="text-xs font-medium text-slate-700">
        {pending > 0 ? t('pendingCount', { count: pending }) : t('allAnswered')}
      </p>
      <ul className="mt-1 space-y-1">
        {[...requests]
          .sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'))
          .map((r) => (
            <li key={r.id} className="text-sm">
              <span className="font-medium">{r.departmentName}</span>{' '}
              <span className="text-slate-500">({t(`kind.${r.kind}`)})</span>{' '}
              <Badge tone={tone[r.status]}>{t(`status.${r.status}`)}</Badge>
              {r.comment ? (
                <span className="block text-slate-700">
                  “{r.comment}”{r.answeredByName ? ` — ${r.answeredByName}` : ''}
                </span>
              ) : null}
            </li>
          ))}
      </ul>
    </div>
  );
}
