import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { OpenBlockersLink } from '@/components/levers/open-blockers';
import { type ScoreFormat, scoreFormat } from '@/components/metrics/format';
import type { MetricSummary } from '@/db/queries/touchpoint-summary';
import { lowerIsBetter } from '@/lib/domain/metrics';
import type { Translator } from '@/messages/types';

export interface JourneyTouchpoint {
  id: string;
  name: string;
  channel: 'online' | 'offline';
  departmentName: string;
}

/**
 * A touchpoint on the journey map: its headline score (the metric most answered in the period) with margin
 * and n, the change from the period before, the other metrics measured there in one line, and how many blockers
 * still hurt there (linking to them in the register).
 */
export async function TouchpointCard({
  touchpoint,
  metrics,
  days,
  openBlockers = 0,
}: {
  touchpoint: JourneyTouchpoint;
  metrics: MetricSummary[];
  days: number;
  openBlockers?: number;
}) {
  const t = await getTranslations('touchpoints');
  const tj = await getTranslations('journey');
  const metricName = await getTranslations('metrics.names');
  const ts = await getTranslations('touchpoints.score');
  const fmt = scoreFormat(await getFormatter(), await getTranslations('metrics'));
  const [headline, ...others] = metrics;
  const recent = headline && headline.current.n > 0;
  const measuredOthers = others.filter((m) => m.current.n > 0);
  return (
    <article className="relative rounded-md border border-slate-200 bg-white p-3 shadow-xs focus-within:ring-2 focus-within:ring-brand-600 hover:border-brand-300">
      <h5 className="text-sm leading-snug font-semibold">
        <Link href={`/touchpoints/${touchpoint.id}`} className="after:absolute after:inset-0 focus:outline-none">
          {touchpoint.name}
        </Link>
      </h5>
      <p className="text-xs text-slate-600">
        {touchpoint.departmentName} · {tj(`channel.${touchpoint.channel}`)}
      </p>
      {!headline ? (
        <p className="mt-2 text-sm text-slate-500 italic">{t('journey.noAnswers')}</p>
      ) : !recent ? (
        <p className="mt-2 text-sm text-slate-500 italic">{t('journey.noRecentAnswers', { days })}</p>
      ) : (
        <>
          <Headline summary={headline} label={metricName(headline.metric)} ts={ts} fmt={fmt} />
          <Trend summary={headline} days={days} t={t} fmt={fmt} />
        </>
      )}
      {measuredOthers.length > 0 ? (
        <p className="mt-1.5 border-t border-slate-100 pt-1.5 text-xs text-slate-600">
          <span className="sr-only">{t('journey.alsoMeasured')} </span>
          {measuredOthers
            .map((m) =>
              t('journey.otherMetric', {
                metric: metricName(m.metric),
                value: fmt.score(m.current).value ?? '',
                n: m.current.n,
              }),
            )
            .join(' · ')}
        </p>
      ) : null}
      {/* Above the card's own link, which covers the card. */}
      <OpenBlockersLink
        touchpoint={touchpoint}
        count={openBlockers}
        className="relative z-10 mt-1.5 border-t border-slate-100 pt-1.5"
      />
    </article>
  );
}

function Headline({
  summary,
  label,
  ts,
  fmt,
}: {
  summary: MetricSummary;
  label: string;
  ts: Translator<'touchpoints.score'>;
  fmt: ScoreFormat;
}) {
  const text = fmt.score(summary.current);
  return (
    <>
      <p className="mt-2 flex flex-wrap items-baseline gap-x-1.5">
        <span className="text-xs font-semibold text-slate-700">{label}</span>
        <span className="text-2xl leading-none font-semibold tabular-nums">{text.value}</span>
        {text.margin ? <span className="text-sm text-slate-600 tabular-nums">{text.margin}</span> : null}
      </p>
      <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
        <span className="tabular-nums">{text.n}</span>
        {summary.current.smallSample ? (
          <span
            className="rounded-full bg-amber-100 px-1.5 py-px font-medium text-amber-900"
            title={ts('smallSampleHint')}
          >
            {ts('smallSample')}
          </span>
        ) : null}
      </p>
    </>
  );
}

/** The change from the period before: an arrow and colour only when compareScores finds it larger than its margin. */
function Trend({
  summary,
  days,
  t,
  fmt,
}: {
  summary: MetricSummary;
  days: number;
  t: Translator<'touchpoints'>;
  fmt: ScoreFormat;
}) {
  const { delta, significant } = summary.trend;
  if (delta === null) return <p className="mt-1 text-xs text-slate-500">{t('journey.trend.noEarlier', { days })}</p>;
  const change = fmt.delta(delta, summary.current.unit);
  if (!significant) {
    return <p className="mt-1 text-xs text-slate-500">{t('journey.trend.noise', { change, days })}</p>;
  }
  const up = delta > 0;
  const better = up !== lowerIsBetter(summary.metric);
  return (
    <p className={`mt-1 text-xs font-medium ${better ? 'text-emerald-800' : 'text-red-700'}`}>
      <span aria-hidden="true">{up ? '▲ ' : '▼ '}</span>
      {t(better ? 'journey.trend.better' : 'journey.trend.worse', { change, days })}
    </p>
  );
}
