/**
 * The card's one plain sentence, written from the same branches as the verdict (IMPACT.md), in the reader's
 * language: the caller passes the root translator (useTranslations(), getTranslations() or createTranslator()).
 */
import type { EffectUnit, MetricImpact } from './card-schema';

export type SentenceKey =
  | 'impact.sentence.metric'
  | 'impact.sentence.unitPoints'
  | 'impact.sentence.unitPercentagePoints'
  | 'impact.sentence.unitScalePoints'
  | 'impact.sentence.collecting'
  | 'impact.sentence.washout'
  | 'impact.sentence.notEnough'
  | 'impact.sentence.modelMove'
  | 'impact.sentence.modelFlat'
  | 'impact.sentence.aloneMove'
  | 'impact.sentence.aloneFlat'
  | 'impact.sentence.better'
  | 'impact.sentence.worse'
  | 'impact.sentence.tooSmall'
  | 'impact.sentence.noChange'
  | 'impact.sentence.inconclusive'
  | 'impact.sentence.settleMore'
  | 'impact.sentence.settleMoreNoRate'
  | 'impact.sentence.settleNever'
  | 'impact.sentence.settleLonger'
  | 'impact.sentence.settleLongerNever'
  | 'impact.sentence.list'
  | 'impact.sentence.joint';

export type Translate = (key: SentenceKey, values?: Record<string, string | number>) => string;

export interface SentenceContext {
  /** The names of the change's touchpoints. */
  touchpoints: readonly string[];
  afterWeeks: number;
}

/**
 * Rounded as people say it: whole points from 10 on, one decimal below; CES mean two decimals; TTR whole percent.
 * `scale` decides the decimals (an interval is rounded like its estimate).
 */
export function roundEffect(x: number, unit: EffectUnit, scale = x): number {
  const decimals = unit === 'scale-points' ? 2 : unit === 'percent' || Math.abs(scale) >= 10 ? 0 : 1;
  const factor = 10 ** decimals;
  return Math.round(x * factor) / factor || 0;
}

/** An effect with its unit: "16 points", "+3.5 percentage points", "-12%". */
export function formatEffect(
  x: number,
  unit: EffectUnit,
  t: Translate,
  options: { signed?: boolean; scale?: number } = {},
): string {
  const rounded = roundEffect(x, unit, options.scale);
  const number = `${options.signed && rounded > 0 ? '+' : ''}${rounded}`;
  return unit === 'percent' ? `${number}%` : `${number} ${t(unitKeys[unit])}`;
}

const unitKeys = {
  points: 'impact.sentence.unitPoints',
  'percentage-points': 'impact.sentence.unitPercentagePoints',
  'scale-points': 'impact.sentence.unitScalePoints',
} as const;

function where(names: readonly string[], t: Translate): string {
  if (names.length <= 1) return names[0] ?? '';
  return t('impact.sentence.list', { first: names.slice(0, -1).join(', '), last: names.at(-1)! });
}

/** What the sentence reads of a card's metric: lists pass just these (lib/impact/summary.ts), the card all of it. */
export type SentenceInput = Pick<
  MetricImpact,
  | 'metric'
  | 'verdict'
  | 'collectingWeek'
  | 'estimator'
  | 'estimate'
  | 'low'
  | 'high'
  | 'unit'
  | 'minChange'
  | 'before'
  | 'after'
  | 'settle'
  | 'joint'
>;

export function impactSentence(m: SentenceInput, context: SentenceContext, t: Translate): string {
  const metric = t('impact.sentence.metric', { metric: m.metric });
  const at = where(context.touchpoints, t);
  if (m.verdict === 'collecting' && m.collectingWeek === 0) return t('impact.sentence.washout', { metric, where: at });
  const settle = settleSentence(m, t);
  if (m.verdict === 'collecting')
    return join(
      t('impact.sentence.collecting', { metric, where: at, week: m.collectingWeek ?? 1, weeks: context.afterWeeks }),
      settle,
    );
  if (m.verdict === 'not-enough-data' || m.estimate === null || m.low === null || m.high === null)
    return t('impact.sentence.notEnough', { metric, where: at, before: m.before.n, after: m.after.n });

  const size = formatEffect(Math.abs(m.estimate), m.unit, t);
  const scale = m.estimate;
  const low = formatEffect(m.low, m.unit, t, { signed: true, scale }).replace(/ .*$/, '');
  const high = formatEffect(m.high, m.unit, t, { signed: true, scale });
  const flat = roundEffect(m.estimate, m.unit) === 0;
  const direction = m.estimate > 0 ? 'up' : 'down';
  const alone = m.estimator === 'before-after';
  const moved = flat
    ? t(alone ? 'impact.sentence.aloneFlat' : 'impact.sentence.modelFlat', { metric, where: at, low, high })
    : t(alone ? 'impact.sentence.aloneMove' : 'impact.sentence.modelMove', {
        metric,
        where: at,
        direction,
        size,
        low,
        high,
      });
  // A joint term is the effect of these changes together: say so, or each reads as if it did it alone.
  const movement =
    m.joint.length === 0
      ? moved
      : t('impact.sentence.joint', {
          movement: moved,
          changes: where(
            m.joint.map((c) => `“${c.title}”`),
            t,
          ),
        });
  const minChange = formatEffect(m.minChange, m.unit, t);
  switch (m.verdict) {
    case 'better':
      return t('impact.sentence.better', { movement });
    case 'worse':
      return t('impact.sentence.worse', { movement });
    case 'too-small':
      return t('impact.sentence.tooSmall', { movement, minChange });
    case 'no-change':
      return t('impact.sentence.noChange', {
        movement,
        precision: formatEffect((m.high - m.low) / 2, m.unit, t),
      });
    case 'inconclusive':
      return join(t('impact.sentence.inconclusive', { movement }), settle);
  }
}

function settleSentence(m: SentenceInput, t: Translate): string | null {
  const settle = m.settle;
  if (!settle || settle.status === 'settled') return null;
  const minChange = formatEffect(settle.detectable, m.unit, t);
  if (settle.status === 'more-answers')
    return settle.weeks === null
      ? t('impact.sentence.settleMoreNoRate', { answers: settle.extraAnswers, minChange })
      : t('impact.sentence.settleMore', { answers: settle.extraAnswers, weeks: settle.weeks, minChange });
  const never = t('impact.sentence.settleNever', { minChange });
  const longer = settle.longerBaseline;
  if (!longer) return never;
  return join(
    never,
    longer.extraAnswers === null
      ? t('impact.sentence.settleLongerNever', { weeks: longer.weeks })
      : t('impact.sentence.settleLonger', { weeks: longer.weeks, answers: longer.extraAnswers }),
  );
}

const join = (a: string, b: string | null) => (b ? `${a} ${b}` : a);
