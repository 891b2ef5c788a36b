'use client';

import { useTranslations } from 'next-intl';
import type { TouchpointChart } from '@/db/queries/touchpoint-chart';
import { useScoreFormat } from './format';

/** The newest answers that came with a comment, with their score and where they came from. */
export function LatestComments({ chart }: { chart: TouchpointChart }) {
  const t = useTranslations('metrics.comments');
  const fmt = useScoreFormat();
  if (chart.comments.length === 0) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <ul className="space-y-3">
      {chart.comments.map((c) => (
        <li key={c.id} className="rounded-md border border-slate-100 bg-slate-50 p-3 text-sm">
          <p className="whitespace-pre-line break-words text-slate-900">{c.comment}</p>
          <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-600">
            <span className="font-medium">{t('score', { score: fmt.answer(c.score, chart.metric) })}</span>
            <time dateTime={c.respondedAt}>{fmt.dateTime(c.respondedAt)}</time>
            {c.persona ? <span>{t('persona', { persona: c.persona })}</span> : null}
            {c.channel ? <span>{t('channel', { channel: c.channel })}</span> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
