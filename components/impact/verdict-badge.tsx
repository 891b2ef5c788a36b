import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/card';
import type { ImpactVerdict, MetricImpact } from '@/lib/impact/card-schema';
import { useImpactFormat } from './format';

const tones: Record<ImpactVerdict, 'slate' | 'blue' | 'amber' | 'green' | 'red'> = {
  better: 'green',
  worse: 'red',
  collecting: 'blue',
  inconclusive: 'amber',
  'too-small': 'slate',
  'no-change': 'slate',
  'not-enough-data': 'slate',
};

/** A metric's verdict in a word or three, coloured: better green, worse red, still collecting blue, unsure amber. */
export function VerdictBadge({
  metric,
  afterWeeks,
}: {
  metric: Pick<MetricImpact, 'verdict' | 'collectingWeek' | 'low' | 'high' | 'unit' | 'estimate'>;
  afterWeeks: number;
}) {
  const t = useTranslations('impact.verdict');
  const fmt = useImpactFormat();
  const { verdict } = metric;
  const label =
    verdict === 'collecting'
      ? metric.collectingWeek
        ? t('collecting', { week: metric.collectingWeek, weeks: afterWeeks })
        : t('settling')
      : verdict === 'no-change' && metric.low !== null && metric.high !== null
        ? t('no-change', {
            precision: fmt.effect((metric.high - metric.low) / 2, metric.unit, { scale: metric.estimate ?? undefined }),
          })
        : t(verdict, { week: 0, weeks: afterWeeks, precision: '' });
  return <Badge tone={tones[verdict]}>{label}</Badge>;
}
