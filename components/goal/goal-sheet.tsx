import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { scoreFormat } from '@/components/metrics/format';
import type { GoalVersion, TargetReadings } from '@/db/queries/goal';
import { liveReading } from './target-live';
import { calendarDate, targetText } from './target-text';

/**
 * The goal as one page: on screen a readable sheet, on paper (the print stylesheet in app/globals.css) the only
 * thing printed, with its own heading saying whose goal and which version it is. With `live`, each measured
 * target shows its current value beside it.
 */
export async function GoalSheet({
  goal,
  organization,
  timeZone,
  live,
}: {
  goal: GoalVersion;
  organization: string;
  timeZone: string;
  live?: TargetReadings;
}) {
  const t = await getTranslations('goal');
  const tt = await getTranslations('goal.target');
  const ts = await getTranslations('touchpoints.score');
  const format = await getFormatter();
  const scores = scoreFormat(format, await getTranslations('metrics'));
  const published = goal.publishedAt ? format.dateTime(goal.publishedAt, { dateStyle: 'medium', timeZone }) : '';
  return (
    <article
      data-goal-print
      className="goal-sheet rounded-lg border border-slate-200 bg-white p-5 shadow-xs sm:p-8 print:rounded-none print:border-0 print:p-0 print:shadow-none"
    >
      <p className="mb-3 hidden border-b border-slate-300 pb-1 text-xs text-slate-600 print:block">
        {t('printHeading', { organization, version: goal.version ?? 0, date: published })}
      </p>
      <h2 className="text-xs font-semibold tracking-wide text-brand-700 uppercase">{t('sections.statement')}</h2>
      <p className="mt-1 text-xl leading-snug font-semibold text-slate-900 sm:text-2xl print:text-[1.3rem]">
        {goal.statement}
      </p>
      <div className="mt-6 space-y-5 print:mt-3 print:space-y-2.5">
        <Section title={t('sections.whyService')}>{paragraph(goal.whyService)}</Section>
        <Section title={t('sections.atmosphere')}>{paragraph(goal.atmosphere)}</Section>
        <Section title={t('sections.commitments')}>
          <ol className="list-decimal space-y-1 pl-5 print:space-y-0.5">
            {goal.commitments.map((commitment, index) => (
              <li key={index}>{commitment}</li>
            ))}
          </ol>
        </Section>
        <Section title={t('sections.dayToDay')}>{paragraph(goal.dayToDay)}</Section>
        <Section title={t('sections.targets')}>
          {goal.targets.length === 0 ? (
            <p className="text-slate-600">{t('target.none')}</p>
          ) : (
            <>
              <ul className="grid gap-2 sm:grid-cols-2 print:grid-cols-2 print:gap-1">
                {goal.targets.map((target) => {
                  const text = targetText(target, t, format);
                  const reading = live
                    ? liveReading(target, live.scores.get(target.id), { t: tt, ts, scores, format })
                    : null;
                  return (
                    <li
                      key={target.id}
                      className="flex flex-wrap gap-x-3 rounded-md border border-slate-200 px-3 py-2 print:px-2 print:py-1"
                    >
                      <div className="min-w-[11rem] flex-1">
                        <p className="font-semibold">
                          {t('target.metricValue', { metric: text.metric, value: text.value })}
                        </p>
                        <p className="text-sm text-slate-600">
                          {text.scope} · {t('target.by', { date: text.due })}
                        </p>
                      </div>
                      {reading ? (
                        <div className="ml-auto text-right">
                          {reading.value}
                          {reading.detail}
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
              {live ? (
                <p className="mt-2 text-xs text-slate-500 print:mt-1 print:text-[0.65rem]">
                  {t('target.liveHint', {
                    days: live.period.days,
                    from: calendarDate(format, live.period.from),
                    to: calendarDate(format, live.period.to),
                  })}
                </p>
              ) : null}
            </>
          )}
        </Section>
      </div>
    </article>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      <div className="mt-1 text-base leading-relaxed text-slate-800 print:leading-snug">{children}</div>
    </section>
  );
}

/** Keeps the paragraph breaks the author typed. */
function paragraph(text: string) {
  return <p className="whitespace-pre-line">{text}</p>;
}
