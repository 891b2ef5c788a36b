'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { VerdictBadge } from '@/components/impact/verdict-badge';
import { useScoreFormat } from '@/components/metrics/format';
import type { ChartMarker, TouchpointChart } from '@/db/queries/touchpoint-chart';
import { bucketStartOf } from '@/lib/domain/chart-buckets';
import type { Score } from '@/lib/domain/metrics';
import { chartDomain, type ChartRow, chartRows, measuredMarks, ticksOf, timeOf } from './chart-data';

const COLORS = {
  score: '#1d5fd1',
  band: '#d9eaff',
  bars: '#cbd5e1',
  target: '#047857',
  marker: '#7c3aed',
  measured: '#b45309',
};

/** The metric per bucket with its 95% band, n as bars, the goal target, changes and values measured elsewhere. */
export default function TouchpointChartView({ chart, weekStartsOn }: { chart: TouchpointChart; weekStartsOn: 1 | 7 }) {
  const t = useTranslations('metrics');
  const fmt = useScoreFormat();
  const router = useRouter();
  const [active, setActive] = useState<{ marker: ChartMarker; x: number } | null>(null);
  const unit = chart.headline.unit;
  const rows = chartRows(chart);
  const measured = measuredMarks(chart);
  const yDomain = chartDomain(chart, rows, measured);
  const xDomain: [number, number] = [
    rows[0] ? Math.min(rows[0].x, timeOf(chart.from)) : timeOf(chart.from),
    timeOf(chart.to),
  ];
  const maxN = Math.max(1, ...rows.map((r) => r.n));
  const metricName = t(`names.${chart.metric}`);
  const markersIn = (bucket: string) =>
    chart.markers.filter((m) => bucketStartOf(m.date, chart.bucket, weekStartsOn) === bucket);

  return (
    <div className="relative" onMouseLeave={() => setActive(null)}>
      <div
        role="figure"
        aria-label={t('chart.figureLabel', {
          metric: metricName,
          bucket: chart.bucket,
          from: fmt.date(chart.from),
          to: fmt.date(chart.to),
        })}
      >
        <ResponsiveContainer width="100%" height={320}>
          <ComposedChart data={rows} margin={{ top: 24, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis
              dataKey="x"
              type="number"
              scale="time"
              domain={xDomain}
              tickFormatter={(x: number) => fmt.date(new Date(x).toISOString().slice(0, 10), 'short')}
              tick={{ fontSize: 12 }}
              minTickGap={24}
            />
            <YAxis
              yAxisId="score"
              domain={yDomain}
              ticks={ticksOf(yDomain)}
              tick={{ fontSize: 12 }}
              width={44}
              allowDataOverflow
              tickFormatter={(v: number) => fmt.number(v, unit)}
            />
            <YAxis yAxisId="n" orientation="right" domain={[0, maxN * 3]} hide />
            <Tooltip content={<BucketTooltip chart={chart} markersIn={markersIn} />} />
            <Bar
              yAxisId="n"
              dataKey="n"
              fill={COLORS.bars}
              barSize={8}
              isAnimationActive={false}
              name={t('chart.answers')}
            />
            <Area
              yAxisId="score"
              dataKey="band"
              stroke="none"
              fill={COLORS.band}
              fillOpacity={0.8}
              isAnimationActive={false}
              connectNulls={false}
              name={t('chart.interval')}
            />
            <Line
              yAxisId="score"
              dataKey="value"
              stroke={COLORS.score}
              strokeWidth={2}
              isAnimationActive={false}
              connectNulls={false}
              dot={ScoreDot}
              activeDot={{ r: 5 }}
              name={t('chart.score')}
            />
            {chart.target ? (
              <ReferenceLine
                yAxisId="score"
                y={chart.target.value}
                stroke={COLORS.target}
                strokeDasharray="6 4"
                ifOverflow="extendDomain"
                label={{
                  value: t('chart.targetLabel', { value: fmt.number(chart.target.value, unit) }),
                  position: 'insideTopRight',
                  fill: COLORS.target,
                  fontSize: 12,
                }}
              />
            ) : null}
            {measured.map((m) => (
              <ReferenceLine
                key={m.id}
                yAxisId="score"
                segment={[
                  { x: m.start, y: m.value },
                  { x: m.end, y: m.value },
                ]}
                ifOverflow="hidden"
                shape={(props: LineProps) => (
                  <MeasuredShape
                    {...props}
                    label={t('chart.measuredLabel', {
                      value: fmt.value(m.value, unit),
                      n: fmt.number(m.n, 'points'),
                      from: fmt.date(m.periodStart),
                      to: fmt.date(m.periodEnd),
                    })}
                    caption={t('chart.measuredShort', { n: fmt.number(m.n, 'points') })}
                  />
                )}
              />
            ))}
            {chart.markers.map((marker) => (
              <ReferenceLine
                key={`${marker.kind}-${marker.id}`}
                yAxisId="score"
                x={timeOf(marker.date)}
                ifOverflow="hidden"
                shape={(props: LineProps) => (
                  <MarkerShape
                    {...props}
                    marker={marker}
                    active={active?.marker === marker}
                    label={t('chart.markerLabel', {
                      kind: t(`chart.${marker.kind}`),
                      title: marker.title,
                      date: fmt.date(marker.date),
                    })}
                    onShow={(x) => setActive({ marker, x })}
                    onHide={() => setActive(null)}
                    onOpen={() => router.push(marker.href)}
                  />
                )}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {active ? (
        <div
          role="tooltip"
          className="pointer-events-none absolute top-0 z-10 max-w-60 -translate-x-1/2 -translate-y-full rounded-md border border-slate-200 bg-white px-2 py-1 text-xs shadow-md"
          style={{ left: active.x }}
        >
          <p className="font-medium text-slate-900">{active.marker.title}</p>
          <p className="text-slate-600">
            {t(`chart.${active.marker.kind}`)} · {fmt.date(active.marker.date)}
          </p>
          {active.marker.impact?.metric && active.marker.impact.status === 'measured' ? (
            <p className="mt-1">
              <VerdictBadge metric={active.marker.impact.metric} afterWeeks={active.marker.impact.afterWeeks} />
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

interface LineProps {
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
}

/** A filled dot, hollow when the bucket is a small sample; nothing for a bucket without answers. */
function ScoreDot(props: { cx?: number; cy?: number; payload?: ChartRow; index?: number }) {
  const { cx, cy, payload, index } = props;
  if (cx === undefined || cy === undefined || !payload || payload.value === null) return <g key={`dot-${index}`} />;
  return payload.smallSample ? (
    <circle
      key={`dot-${index}`}
      cx={cx}
      cy={cy}
      r={4}
      fill="#fff"
      stroke={COLORS.score}
      strokeWidth={2}
      data-small-sample=""
    />
  ) : (
    <circle key={`dot-${index}`} cx={cx} cy={cy} r={4} fill={COLORS.score} stroke={COLORS.score} />
  );
}

/** A change: a dashed vertical line with a triangle on top that names it on hover or focus and opens its impact card. */
function MarkerShape({
  x1,
  y1,
  y2,
  marker,
  label,
  active,
  onShow,
  onHide,
  onOpen,
}: LineProps & {
  marker: ChartMarker;
  label: string;
  active: boolean;
  onShow: (x: number) => void;
  onHide: () => void;
  onOpen: () => void;
}) {
  if (x1 === undefined || y1 === undefined || y2 === undefined) return <g />;
  const top = Math.min(y1, y2);
  const bottom = Math.max(y1, y2);
  const glyph =
    marker.kind === 'weeklyImprovement'
      ? `M${x1 - 7},${top - 14} L${x1 + 7},${top - 14} L${x1},${top - 2} Z`
      : `M${x1 - 6},${top - 14} L${x1 + 6},${top - 14} L${x1 + 6},${top - 2} L${x1 - 6},${top - 2} Z`;
  return (
    <g>
      <line
        x1={x1}
        x2={x1}
        y1={top}
        y2={bottom}
        stroke={COLORS.marker}
        strokeDasharray="3 3"
        strokeWidth={active ? 2 : 1}
      />
      <a
        href={marker.href}
        aria-label={label}
        data-marker={marker.kind}
        onClick={(e) => {
          e.preventDefault();
          onOpen();
        }}
        onMouseEnter={() => onShow(x1)}
        onFocus={() => onShow(x1)}
        onMouseLeave={onHide}
        onBlur={onHide}
      >
        <rect x={x1 - 11} y={top - 20} width={22} height={22} fill="transparent" />
        <path d={glyph} fill={COLORS.marker} stroke={active ? '#1e1b4b' : COLORS.marker} strokeWidth={active ? 2 : 1} />
      </a>
    </g>
  );
}

/** A value measured elsewhere: a bar across its period with a diamond in the middle, named for screen readers. */
function MeasuredShape({ x1, y1, x2, label, caption }: LineProps & { label: string; caption: string }) {
  if (x1 === undefined || x2 === undefined || y1 === undefined) return <g />;
  const mid = (x1 + x2) / 2;
  return (
    <g role="img" aria-label={label} data-measured="">
      <title>{label}</title>
      <line x1={x1} x2={x2} y1={y1} y2={y1} stroke={COLORS.measured} strokeWidth={3} strokeOpacity={0.5} />
      <path d={`M${mid},${y1 - 7} L${mid + 7},${y1} L${mid},${y1 + 7} L${mid - 7},${y1} Z`} fill={COLORS.measured} />
      <text x={mid} y={y1 - 11} textAnchor="middle" fontSize={11} fill={COLORS.measured} aria-hidden="true">
        {caption}
      </text>
    </g>
  );
}

/** The bucket under the pointer: its score and interval, n, small-sample mark and the changes made in it. */
function BucketTooltip({
  chart,
  markersIn,
  active,
  payload,
}: {
  chart: TouchpointChart;
  markersIn: (bucket: string) => ChartMarker[];
  active?: boolean;
  payload?: readonly { payload?: ChartRow }[];
}) {
  const t = useTranslations('metrics');
  const fmt = useScoreFormat();
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const unit: Score['unit'] = chart.headline.unit;
  const changes = markersIn(row.bucket);
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-slate-900">
        {t('chart.tooltipBucket', {
          bucket: chart.bucket,
          date: chart.bucket === 'week' ? fmt.date(row.bucket) : fmt.month(row.bucket),
        })}
      </p>
      <p>
        {row.value === null
          ? t('chart.noData')
          : row.low !== null && row.high !== null
            ? t('chart.tooltipValue', {
                value: fmt.value(row.value, unit),
                low: fmt.number(row.low, unit),
                high: fmt.number(row.high, unit),
              })
            : fmt.value(row.value, unit)}
      </p>
      <p className="text-slate-600">
        {t('chart.tooltipN', { n: row.n })}
        {row.smallSample ? ` · ${t('headline.smallSample')}` : ''}
      </p>
      {changes.map((m) => (
        <p key={m.id} className="mt-1 text-violet-800">
          ▼ {m.title}
        </p>
      ))}
    </div>
  );
}
