import type { TouchpointChart } from '@/db/queries/touchpoint-chart';
import { scales } from '@/lib/domain/metrics';

/** A bucket as the chart draws it: x in milliseconds, the interval as a [low, high] band. */
export interface ChartRow {
  x: number;
  bucket: string;
  value: number | null;
  low: number | null;
  high: number | null;
  band: [number, number] | null;
  n: number;
  smallSample: boolean;
}

export const timeOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function chartRows(chart: TouchpointChart): ChartRow[] {
  return chart.points.map((p) => ({
    x: timeOf(p.bucket),
    bucket: p.bucket,
    value: p.value,
    low: p.low,
    high: p.high,
    n: p.n,
    smallSample: p.smallSample,
    band: p.low !== null && p.high !== null ? [p.low, p.high] : null,
  }));
}

/** Values measured elsewhere, their period clipped to the chart's range. */
export function measuredMarks(chart: TouchpointChart) {
  return chart.measured.map((m) => ({
    ...m,
    start: timeOf(m.periodStart < chart.from ? chart.from : m.periodStart),
    end: timeOf(m.periodEnd > chart.to ? chart.to : m.periodEnd),
  }));
}

/** The fixed ends of each unit's scale; hours have no upper end. */
function scaleOf(chart: TouchpointChart): [number, number | null] {
  switch (chart.headline.unit) {
    case 'points':
      return [-100, 100];
    case 'percent':
      return [0, 100];
    case 'mean':
      return [scales.ces.min, scales.ces.max];
    case 'hours':
      return [0, null];
  }
}

/** A y range holding every band, the target and measured values, rounded outwards and kept within the scale. */
export function chartDomain(chart: TouchpointChart, rows: ChartRow[], measured: { value: number }[]): [number, number] {
  const [min, max] = scaleOf(chart);
  const values = [
    ...rows.flatMap((r) => [r.low, r.high, r.value]),
    chart.target?.value ?? null,
    ...measured.map((m) => m.value),
  ].filter((v): v is number => v !== null);
  if (values.length === 0) return [min, max ?? 24];
  const step = chart.headline.unit === 'mean' ? 1 : chart.headline.unit === 'hours' ? 1 : 10;
  const low = Math.floor(Math.min(...values) / step) * step - step;
  const high = Math.ceil(Math.max(...values) / step) * step + step;
  return [Math.max(min, low), max === null ? high : Math.min(max, high)];
}

/** Round ticks across the domain: about six, on steps of 1, 2, 2.5 or 5 times a power of ten. */
export function ticksOf([low, high]: [number, number]): number[] {
  const rough = (high - low) / 6;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let tick = Math.ceil(low / step) * step; tick <= high + 1e-9; tick += step)
    ticks.push(Math.round(tick * 1000) / 1000 + 0);
  return ticks;
}
