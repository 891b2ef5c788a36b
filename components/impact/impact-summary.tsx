import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/card';
import type { ImpactSummary as Summary } from '@/lib/impact/summary';
import { impactSentence } from '@/lib/impact/sentence';
import type { Metric } from '@/lib/domain/metrics';
import { useImpactFormat } from './format';
import { VerdictBadge } from './verdict-badge';

/**
 * A change's stored impact card in a few lines, for lists (the touchpoint page, the week, the cell dialog, the plan):
 * the verdict, the plain sentence and a link to the whole card. Always the organization's default windows.
 */
export function ImpactSummary({
  summary,
  href,
  metric,
  investment,
  title,
  labelled = false,
}: {
  /** null: the card was never computed yet (the worker does it within seconds). */
  summary: Summary | null;
  /** The card's page. */
  href: string;
  /** The metric asked for, named when the card does not measure it. */
  metric?: Metric;
  /** A plan item's investment, shown beside its effect. */
  investment?: string | null;
  /** The change's title, so that each "Open the card" link has a name of its own. */
  title: string;
  /** Starts with "What it did", where the summary sits among other details. */
  labelled?: boolean;
}) {
  const t = useTranslations('impact.summary');
  const tm = useTranslations('metrics.names');
  const fmt = useImpactFormat();
  const measured = summary?.metric ?? null;
  let body: ReactNode;
  if (!summary) body = <p className="text-slate-600">{t('computing')}</p>;
  else if (summary.status === 'no-touchpoints') body = <p className="text-slate-600">{t('noTouchpoints')}</p>;
  else if (summary.status === 'no-answers' || !measured)
    body = <p className="text-slate-600">{metric ? t('notMeasuredMetric', { metric: tm(metric) }) : t('noAnswers')}</p>;
  else
    body = (
      <p className="text-slate-800">
        {impactSentence(measured, { touchpoints: measured.touchpoints, afterWeeks: summary.afterWeeks }, fmt.translate)}
      </p>
    );
  return (
    <div className="space-y-1 text-sm" data-testid="impact-summary">
      {labelled ? <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t('label')}</p> : null}
      <div className="flex flex-wrap items-center gap-1.5">
        {measured && summary?.status === 'measured' ? (
          <VerdictBadge metric={measured} afterWeeks={summary.afterWeeks} />
        ) : null}
        {summary?.stale ? <Badge>{t('updating')}</Badge> : null}
        {investment ? <span className="text-xs text-slate-700">{t('investment', { investment })}</span> : null}
      </div>
      {body}
      <p>
        <Link
          href={href}
          className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
          aria-label={t('openNamed', { title })}
        >
          {t('open')}
        </Link>
      </p>
    </div>
  );
}
