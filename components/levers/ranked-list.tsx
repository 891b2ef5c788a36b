import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useImpactFormat } from '@/components/impact/format';
import { VerdictBadge } from '@/components/impact/verdict-badge';
import { Badge } from '@/components/ui/card';
import { LeverKindBadge } from './badges';
import { EffectScale, type ScaleDomain, scaleDomain } from './effect-scale';
import type { RankedLever } from '@/lib/levers/ranked-register';

type RankedBy = 'shrunk' | 'lower-bound';

/**
 * The measured levers, best first: by the shrunken effect, or with fewer than six measured by the lower end of the
 * interval. Every effect is in units of its metric's minimum meaningful change, better positive; each shows the
 * answers behind it and, when Benjamini-Hochberg across the list calls it clear, says so.
 */
export function RankedList({ ranked, by }: { ranked: RankedLever[]; by: RankedBy }) {
  const t = useTranslations('levers.ranked');
  const domain = scaleDomain(ranked.map((r) => r.ranking));
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{t(by === 'shrunk' ? 'byShrunk' : 'byLowerBound')}</p>
      <p className="text-xs text-slate-600">{t('legend')}</p>
      <ol className="space-y-3">
        {ranked.map((lever) => (
          <RankedItem key={lever.id} lever={lever} by={by} domain={domain} />
        ))}
      </ol>
    </div>
  );
}

function RankedItem({ lever, by, domain }: { lever: RankedLever; by: RankedBy; domain: ScaleDomain }) {
  const t = useTranslations('levers.ranked');
  const format = useFormatter();
  const fmt = useImpactFormat();
  const { ranking, target } = lever;
  const scaled = (x: number) => format.number(x, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const raw = fmt.interval(target);
  return (
    <li className="flex gap-3 rounded-md border border-slate-200 bg-white p-3 sm:p-4" data-testid="ranked-lever">
      <p className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold tabular-nums text-slate-800">
        <span className="sr-only">{t('rank')} </span>
        {ranking.rank}
      </p>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <h3 className="text-sm font-semibold [overflow-wrap:anywhere]">
            <Link href={`/levers/${lever.id}`} className="text-brand-700 underline-offset-2 hover:underline">
              {lever.name}
            </Link>
          </h3>
          <LeverKindBadge kind={lever.kind} />
          {ranking.clear ? <Badge tone="green">{t('clear')}</Badge> : null}
          {lever.card ? <VerdictBadge metric={target} afterWeeks={lever.card.windows.afterWeeks} /> : null}
          {lever.stale ? <Badge>{t('updating')}</Badge> : null}
        </div>
        <p className="mt-0.5 text-xs text-slate-600">
          {t('where', {
            metric: fmt.translate('impact.sentence.metric', { metric: target.metric }),
            touchpoints: lever.touchpoints.map((tp) => tp.name).join(', '),
            department: lever.departmentName,
          })}
        </p>
        <dl className="mt-2 grid gap-x-4 gap-y-0.5 text-sm sm:grid-cols-[11rem_1fr]">
          <dt className="text-slate-600">{t(by === 'shrunk' ? 'shrunk' : 'lowerBound')}</dt>
          <dd className="font-semibold tabular-nums">{scaled(by === 'shrunk' ? ranking.shrunk : ranking.scaledLow)}</dd>
          <dt className="text-slate-600">{t('measured')}</dt>
          <dd className="tabular-nums">
            {t('interval', {
              estimate: scaled(ranking.scaled),
              low: scaled(ranking.scaledLow),
              high: scaled(ranking.scaledHigh),
            })}
            {raw ? (
              <span className="block text-xs text-slate-600">
                {t('inUnits', {
                  estimate: raw.estimate,
                  minChange: fmt.effect(target.minChange, target.unit),
                })}
              </span>
            ) : null}
          </dd>
          <dt className="text-slate-600">{t('answers')}</dt>
          <dd className="tabular-nums">{t('answersValue', { before: target.before.n, after: target.after.n })}</dd>
        </dl>
        <EffectScale domain={domain} {...ranking} />
      </div>
    </li>
  );
}
