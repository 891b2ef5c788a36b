'use client';

import { useTranslations } from 'next-intl';
import { useScoreFormat } from '@/components/metrics/format';
import type { EditableLever } from './lever-form';

/** The declared target once its after window has started: shown, sent back unchanged, and why it cannot change. */
export function LockedTarget({
  lever,
  lockedSince,
  error,
}: {
  lever: Pick<EditableLever, 'metric' | 'direction'>;
  lockedSince: string;
  error?: string;
}) {
  const t = useTranslations('levers.form');
  const tm = useTranslations('impact.sentence');
  const tv = useTranslations('validation');
  const { date } = useScoreFormat();
  return (
    <div className="space-y-1 sm:col-span-2">
      <input type="hidden" name="metric" value={lever.metric} />
      <input type="hidden" name="direction" value={lever.direction} />
      <p className="text-sm font-medium text-slate-800">{t('metric')}</p>
      <p className="text-sm text-slate-900">
        {t('declaredTarget', { metric: tm('metric', { metric: lever.metric }), direction: lever.direction })}
      </p>
      <p className="text-xs text-slate-600">{tv('targetLocked', { date: date(lockedSince) })}</p>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
