'use client';

import { useTranslations } from 'next-intl';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ticksOf, timeOf } from '@/components/charts/chart-data';
import { useScoreFormat } from '@/components/metrics/format';
import type { ImpactCard, MetricImpact } from '@/lib/impact/card-schema';
import { valueUnits } from './format';

const DAY = 86_400_000;
const COLORS = {
  treated: '#1d5fd1',
  comparison: '#64748b',
  before: '#f1f5f9',
  washout: '#fef3c7',
  after: '#e0ecff',
  change: '#7c3aed',
  elsewhere: '#94a3b8',
};

export interface ImpactChartProps {
  metric: MetricImpact;
  changes: ImpactCard['changesInWindow'];
  /** This card's change, drawn stronger than the others. */
  change: { kind: string; id: string };
  /** "NPS at Courier delivery against …": the figure's name for screen readers. */
  label: string;
}

/**
 * The treated touchpoints against the comparison touchpoints' average, week by week (each point in the middle of its
 * week), with the baseline, washout and after window shaded and every change of these weeks marked: those taken into
 * account for this metric dashed, the others (another metric declared) dotted.
 */
export default function ImpactChartView({ metric, changes, change, label }: ImpactChartProps) {
  const t = useTranslations('impact.chart');
  const fmt = useScoreFormat();
  const unit = valueUnits[metric.measure];
  const rows = metric.weeks.map((w) => ({ ...w, x: timeOf(w.week) + 3.5 * DAY }));
  const first = metric.weeks[0];
  const last = metric.weeks.at(-1);
  if (!first || !last) return null;
  const xDomain: [number, number] = [timeOf(first.week), timeOf(last.week) + 7 * DAY];
  const values = rows.flatMap((r) => [r.treated, r.comparison]).filter((v): v is number => v !== null);
  const low = values.length ? Math.min(...values) : 0;
  const high = values.length ? Math.max(...values) : 1;
  const pad = Math.max((high - low) * 0.1, unit === 'mean' ? 0.1 : 1);
  // Round ends on the ticks' step, so the axis reads 0, 10, 20 rather than 3, 23, 46.
  const rough = ticksOf([low - pad, high + pad]);
  const step = rough.length > 1 ? rough[1]! - rough[0]! : 1;
  const yDomain: [number, number] = [Math.floor((low - pad) / step) * step, Math.ceil((high + pad) / step) * step];
  // The changes this metric's model took into account (each its own term, or joint with this one).
  const modelled = new Set(
    [...metric.heldApart, ...metric.joint, ...metric.indistinct].map((c) => `${c.kind}:${c.id}`),
  );
  const parts = (['before', 'washout', 'after'] as const).flatMap((part) => {
    const weeks = metric.weeks.filter((w) => w.part === part);
    const start = weeks[0];
    const end = weeks.at(-1);
    return start && end ? [{ part, x1: timeOf(start.week), x2: timeOf(end.week) + 7 * DAY }] : [];
  });
  const isThis = (c: { kind: string; id: string }) => c.kind === change.kind && c.id === change.id;
  const isModelled = (c: { kind: string; id: string }) => modelled.has(`${c.kind}:${c.id}`);

  return (
    <div role="figure" aria-label={label}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 22, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          {parts.map((p) => (
            <ReferenceArea
              key={p.part}
              x1={p.x1}
              x2={p.x2}
              fill={COLORS[p.part]}
              fillOpacity={1}
              ifOverflow="hidden"
              label={{ value: t(`parts.${p.part}`), position: 'insideTop', fontSize: 11, fill: '#334155' }}
            />
          ))}
          <XAxis
            dataKey="x"
            type="number"
            scale="time"
            domain={xDomain}
            ticks={metric.weeks.map((w) => timeOf(w.week))}
            tickFormatter={(x: number) => fmt.date(new Date(x).toISOString().slice(0, 10), 'short')}
            tick={{ fontSize: 11 }}
            minTickGap={16}
          />
          <YAxis
            domain={yDomain}
            ticks={ticksOf(yDomain)}
            tick={{ fontSize: 12 }}
            width={44}
            allowDataOverflow
            tickFormatter={(v: number) => fmt.number(v, unit)}
          />
          <Tooltip
            labelFormatter={(x) =>
              t('tooltipWeek', { date: fmt.date(new Date(Number(x) - 3.5 * DAY).toISOString().slice(0, 10)) })
            }
            formatter={(value, name, item) => {
              const row = (item as { payload?: (typeof rows)[number] }).payload;
              const n = name === 'treated' ? row?.treatedN : row?.comparisonN;
              return [
                t('cell', { value: fmt.value(Number(value), unit), n: n ?? 0 }),
                name === 'treated' ? t('treated') : t('comparison'),
              ];
            }}
          />
          {changes
            .filter((c) => !isThis(c))
            .map((c) => (
              <ReferenceLine
                key={`${c.kind}-${c.id}`}
                x={timeOf(c.date) + DAY / 2}
                stroke={isModelled(c) ? COLORS.change : COLORS.elsewhere}
                strokeDasharray={isModelled(c) ? '4 3' : '2 4'}
                strokeOpacity={isModelled(c) ? 0.9 : 0.6}
                ifOverflow="hidden"
              />
            ))}
          {changes.filter(isThis).map((c) => (
            <ReferenceLine
              key="this"
              x={timeOf(c.date) + DAY / 2}
              stroke={COLORS.change}
              strokeWidth={2}
              ifOverflow="hidden"
              label={{ value: t('thisChange'), position: 'top', fontSize: 11, fill: COLORS.change }}
            />
          ))}
          <Line
            dataKey="comparison"
            name="comparison"
            stroke={COLORS.comparison}
            strokeDasharray="6 4"
            strokeWidth={2}
            dot={{ r: 3, fill: COLORS.comparison }}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="treated"
            name="treated"
            stroke={COLORS.treated}
            strokeWidth={2}
            dot={{ r: 4, fill: COLORS.treated }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
