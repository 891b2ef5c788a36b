'use client';

import { useTranslations } from 'next-intl';
import type { MetricImpact } from '@/lib/impact/card-schema';
import { useImpactFormat } from './format';

/** Phi above this is shown: weeks vary more than the answers explain (IMPACT.md). */
const SHOWN_PHI = 1.2;

/** The warnings that keep people from fooling themselves, each in one sentence with its numbers. */
export function MetricWarnings({ metric }: { metric: MetricImpact }) {
  const t = useTranslations('impact.warnings');
  const fmt = useImpactFormat();
  const notes: string[] = [];
  if (metric.phi !== null && metric.phi > SHOWN_PHI)
    notes.push(t('phi', { factor: fmt.number(Math.sqrt(metric.phi), 1) }));
  for (const warning of metric.warnings) {
    const v = warning.values;
    const number = (key: string) => (typeof v[key] === 'number' ? v[key] : null);
    switch (warning.code) {
      case 'who-answered':
        notes.push(
          t('who-answered', {
            what: v.what === 'persona' ? 'persona' : 'channel',
            p: fmt.p(number('p') ?? 0),
          }),
        );
        break;
      case 'regression-to-mean':
        notes.push(
          t('regression-to-mean', {
            lastWeek: fmt.value(number('lastWeek'), metric.measure),
            mean: fmt.value(number('mean'), metric.measure),
          }),
        );
        break;
      case 'parallel-trends':
        notes.push(t('parallel-trends', { t: fmt.number(number('t') ?? 0, 1) }));
        break;
      case 'uncontrolled':
        notes.push(t('uncontrolled'));
        break;
      case 'other-metrics':
        notes.push(t('other-metrics', { count: number('count') ?? 0 }));
        break;
    }
  }
  if (notes.length === 0) return null;
  return (
    <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
      <h4 className="font-semibold">{t('title')}</h4>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}

/** "What would settle it", and how the method did on pretend changes at this touchpoint. */
export function MetricCalibration({ metric }: { metric: MetricImpact }) {
  const t = useTranslations('impact');
  const fmt = useImpactFormat();
  const settle = metric.settle;
  let settleText: string | null = null;
  if (settle?.status === 'settled') settleText = t('card.settled');
  else if (settle?.status === 'more-answers') {
    const minChange = fmt.effect(settle.detectable, metric.unit);
    settleText =
      settle.weeks === null
        ? t('sentence.settleMoreNoRate', { answers: settle.extraAnswers, minChange })
        : t('sentence.settleMore', { answers: settle.extraAnswers, weeks: settle.weeks, minChange });
  } else if (settle?.status === 'never') {
    const never = t('sentence.settleNever', { minChange: fmt.effect(settle.detectable, metric.unit) });
    const longer = settle.longerBaseline;
    settleText = !longer
      ? never
      : `${never} ${
          longer.extraAnswers === null
            ? t('sentence.settleLongerNever', { weeks: longer.weeks })
            : t('sentence.settleLonger', { weeks: longer.weeks, answers: longer.extraAnswers })
        }`;
  }
  if (!settleText && !metric.placebo) return null;
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
      {settleText ? (
        <div className="contents">
          <dt className="text-slate-600">{t('card.settleTitle')}</dt>
          <dd>{settleText}</dd>
        </div>
      ) : null}
      {metric.placebo ? (
        <div className="contents">
          <dt className="text-slate-600">{t('card.placeboTitle')}</dt>
          <dd>{t('card.placebo', { flagged: metric.placebo.flagged, total: metric.placebo.total })}</dd>
        </div>
      ) : null}
    </dl>
  );
}
