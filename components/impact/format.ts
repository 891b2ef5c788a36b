import { useFormatter, useTranslations } from 'next-intl';
import { useScoreFormat } from '@/components/metrics/format';
import type { EffectUnit, MetricImpact } from '@/lib/impact/card-schema';
import type { Measure } from '@/lib/impact/settings';
import { formatEffect, type Translate } from '@/lib/impact/sentence';
import type { Score } from '@/lib/domain/metrics';

/** The unit a card's before and after values are shown in: TTR is the typical (geometric mean) time in hours. */
export const valueUnits: Record<Measure, Score['unit']> = {
  nps: 'points',
  nev: 'points',
  csat: 'percent',
  cesShare: 'percent',
  cesMean: 'mean',
  ttr: 'hours',
};

/** The numbers of an impact card in the reader's locale: values, effects with their units, p values, windows. */
export function useImpactFormat() {
  const t = useTranslations();
  const format = useFormatter();
  const score = useScoreFormat();
  const translate: Translate = (key, values) => t(key, values);
  const effect = (x: number, unit: EffectUnit, options: { signed?: boolean; scale?: number } = {}) =>
    formatEffect(x, unit, translate, options);
  return {
    translate,
    date: score.date,
    /** "2 Feb – 1 Mar 2026". */
    range: (range: { from: string; to: string }) => `${score.date(range.from, 'short')} – ${score.date(range.to)}`,
    /** A before or after value with its unit ("+32", "84%", "4.5 of 7", "12.5 h"), a dash without answers. */
    value: (value: number | null, measure: Measure) => score.value(value, valueUnits[measure]),
    effect,
    /** The estimate and its interval's ends, rounded alike: "+16 points", "-6", "+38 points". */
    interval: (m: Pick<MetricImpact, 'estimate' | 'low' | 'high' | 'unit'>) =>
      m.estimate === null || m.low === null || m.high === null
        ? null
        : {
            estimate: effect(m.estimate, m.unit, { signed: true }),
            // The unit once, after the interval's end ("-3 to +38 points"), as the sentence writes it.
            low: effect(m.low, m.unit, { signed: true, scale: m.estimate }).replace(/ .*$/, ''),
            high: effect(m.high, m.unit, { signed: true, scale: m.estimate }),
          },
    /** p with its relation, as people read it: "= 0.093" (two significant digits), "< 0.001" below that. */
    p: (p: number) =>
      p < 0.001 ? '< 0.001' : `= ${format.number(p, { maximumSignificantDigits: 2, maximumFractionDigits: 3 })}`,
    number: (x: number, digits = 1) => format.number(x, { maximumFractionDigits: digits }),
    money: (amount: number, currency: string) =>
      format.number(amount, { style: 'currency', currency, maximumFractionDigits: 0 }),
  };
}

export type ImpactFormat = ReturnType<typeof useImpactFormat>;
