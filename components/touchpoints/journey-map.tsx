import { getTranslations } from 'next-intl/server';
import type { CSSProperties } from 'react';
import type { JourneyStage, Phase } from '@/db/queries/journey';
import type { MetricSummary } from '@/db/queries/touchpoint-summary';
import { type JourneyTouchpoint, TouchpointCard } from './touchpoint-card';

const phases: Phase[] = ['before', 'during', 'after'];
const lanes = ['front', 'back'] as const;
type Lane = (typeof lanes)[number];

export interface MapTouchpoint extends JourneyTouchpoint {
  stageId: string;
  departmentStage: Lane;
}

/** Grid rows on wide screens: phases, stages, then one row per lane. */
const ROW = { phase: 1, stage: 2, front: 3, back: 4 } as const;

/**
 * The journey as a service blueprint. On wide screens: phases over stage columns in journey order, a front-stage
 * lane (what customers see) above a back-stage lane. The document order is phase, stage, lane, so on a phone the
 * same markup stacks stage by stage. Grid placement styles only take effect inside the lg grid.
 */
export async function JourneyMap({
  stages,
  touchpoints,
  summaries,
  openBlockers,
  days,
}: {
  stages: JourneyStage[];
  touchpoints: MapTouchpoint[];
  summaries: Map<string, MetricSummary[]>;
  /** The open blockers at each touchpoint: what still hurts there. */
  openBlockers: Map<string, { id: string; name: string }[]>;
  days: number;
}) {
  const t = await getTranslations('touchpoints.journey');
  const tj = await getTranslations('journey');
  // Stages grouped by phase, keeping their journey order; an empty phase still gets a column.
  const columns: { phase: Phase; stages: JourneyStage[]; start: number }[] = [];
  let next = 2;
  for (const phase of phases) {
    const inPhase = stages.filter((s) => s.phase === phase);
    columns.push({ phase, stages: inPhase, start: next });
    next += Math.max(1, inPhase.length);
  }
  const grid: CSSProperties = { gridTemplateColumns: `minmax(5.5rem, 7rem) repeat(${next - 2}, minmax(12.5rem, 1fr))` };
  const at = (row: number, column: number, span = 1): CSSProperties => ({
    gridRow: row,
    gridColumn: `${column} / span ${span}`,
  });

  return (
    <div className="overflow-x-auto pb-2">
      <div className="space-y-6 lg:grid lg:gap-x-3 lg:gap-y-0 lg:space-y-0" style={grid}>
        {lanes.map((lane) => (
          <p
            key={lane}
            aria-hidden="true"
            style={at(ROW[lane], 1)}
            className={`hidden py-3 pr-2 text-xs font-semibold tracking-wide text-slate-600 uppercase lg:block ${lane === 'back' ? 'border-t-2 border-dashed border-slate-300' : ''}`}
          >
            {t(`lane.${lane}`)}
            <span className="mt-0.5 block text-[0.7rem] font-normal tracking-normal normal-case">
              {t(`lane.${lane}Hint`)}
            </span>
          </p>
        ))}
        {columns.map(({ phase, stages: inPhase, start }) => (
          <section key={phase} aria-labelledby={`phase-${phase}`} className="space-y-3 lg:contents">
            <h2
              id={`phase-${phase}`}
              style={at(ROW.phase, start, Math.max(1, inPhase.length))}
              className="rounded-md bg-brand-50 px-3 py-1.5 text-sm font-semibold text-brand-900 lg:mb-2"
            >
              {tj(`phase.${phase}`)}
            </h2>
            {inPhase.length === 0 ? (
              <p
                style={{ gridRow: `${ROW.stage} / span 3`, gridColumn: start }}
                className="px-3 py-2 text-sm text-slate-500"
              >
                {t('noStages')}
              </p>
            ) : null}
            {inPhase.map((stage, index) => {
              const here = touchpoints.filter((tp) => tp.stageId === stage.id);
              return (
                <section
                  key={stage.id}
                  aria-labelledby={`stage-${stage.id}`}
                  className="rounded-lg border border-slate-200 p-3 lg:contents"
                >
                  <h3
                    id={`stage-${stage.id}`}
                    style={at(ROW.stage, start + index)}
                    className="text-base font-semibold lg:px-1 lg:pb-2"
                  >
                    {stage.name}
                  </h3>
                  {lanes.map((lane) => (
                    <LaneCell
                      key={lane}
                      id={`lane-${lane}-${stage.id}`}
                      lane={lane}
                      label={t(`lane.${lane}`)}
                      empty={t('emptyLane')}
                      style={at(ROW[lane], start + index)}
                      touchpoints={here.filter((tp) => tp.departmentStage === lane)}
                      summaries={summaries}
                      openBlockers={openBlockers}
                      days={days}
                    />
                  ))}
                </section>
              );
            })}
          </section>
        ))}
      </div>
    </div>
  );
}

function LaneCell({
  id,
  lane,
  label,
  empty,
  style,
  touchpoints,
  summaries,
  openBlockers,
  days,
}: {
  id: string;
  lane: Lane;
  label: string;
  empty: string;
  style: CSSProperties;
  touchpoints: MapTouchpoint[];
  summaries: Map<string, MetricSummary[]>;
  openBlockers: Map<string, { id: string; name: string }[]>;
  days: number;
}) {
  return (
    <div
      role="group"
      aria-labelledby={id}
      style={style}
      className={`mt-3 lg:mt-0 lg:bg-slate-50 lg:px-2 lg:py-3 ${lane === 'back' ? 'lg:border-t-2 lg:border-dashed lg:border-slate-300' : ''}`}
    >
      <h4 id={id} className="mb-1.5 text-xs font-semibold tracking-wide text-slate-600 uppercase lg:sr-only">
        {label}
      </h4>
      {touchpoints.length === 0 ? (
        <p className="text-xs text-slate-500">{empty}</p>
      ) : (
        <ul className="space-y-2">
          {touchpoints.map((tp) => (
            <li key={tp.id}>
              <TouchpointCard
                touchpoint={tp}
                metrics={summaries.get(tp.id) ?? []}
                days={days}
                openBlockers={openBlockers.get(tp.id)?.length ?? 0}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
