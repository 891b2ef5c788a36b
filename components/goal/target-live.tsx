import type { ReactNode } from 'react';
import type { ScoreFormat } from '@/components/metrics/format';
import type { GoalTarget } from '@/db/queries/goal';
import type { Score } from '@/lib/domain/metrics';
import { targetProgress } from '@/lib/domain/target-progress';
import type { Translator } from '@/messages/types';

interface NumberFormat {
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

/**
 * A target's live reading beside it: the value ± margin, n, a small-sample mark and how far from the target it
 * is (met / so much to go). Business numbers are measured outside Touchpoint; no answers: "No data yet".
 */
export function liveReading(
  target: GoalTarget,
  score: Score | undefined,
  {
    t,
    ts,
    scores,
    format,
  }: {
    t: Translator<'goal.target'>;
    ts: Translator<'touchpoints.score'>;
    scores: ScoreFormat;
    format: NumberFormat;
  },
): { value: ReactNode; detail: ReactNode } {
  const quiet = 'text-xs text-slate-500 italic';
  if (target.metric === 'business')
    return { value: <span className={quiet}>{t('measuredOutside')}</span>, detail: null };
  if (!score || score.n === 0 || score.value === null)
    return { value: <span className={quiet}>{t('noData')}</span>, detail: null };
  const separator = <span aria-hidden="true">·</span>;

  const text = scores.score(score);
  const progress = targetProgress(target.metric, score.value, target.targetValue);
  const gap = progress
    ? format.number(progress.gap, { maximumFractionDigits: target.metric === 'ces' || target.metric === 'ttr' ? 1 : 0 })
    : '';
  return {
    value: (
      <span className="block font-semibold tabular-nums" data-live-value>
        <span className="sr-only">{t('liveLabel')} </span>
        {text.value}
        {text.margin ? <span className="font-normal text-slate-600"> {text.margin}</span> : null}
      </span>
    ),
    detail: (
      <span className="flex flex-wrap items-center justify-end gap-x-1 text-xs text-slate-600">
        <span className="tabular-nums">{text.n}</span>
        {score.smallSample ? (
          <span className="rounded-full bg-amber-100 px-1.5 font-medium text-amber-900 print:bg-transparent print:px-0">
            {ts('smallSample')}
          </span>
        ) : null}
        {progress ? separator : null}
        {progress ? (
          progress.met ? (
            <span className="font-semibold text-emerald-800">{t('met')}</span>
          ) : (
            <span>{t(`toGo.${target.metric}`, { gap })}</span>
          )
        ) : null}
      </span>
    ),
  };
}
