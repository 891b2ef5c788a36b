/**
 * The organization's choices for impact cards (IMPACT.md): default windows, and per metric the minimum meaningful
 * change and the target precision. Pure: stored overrides in, complete settings out.
 */
import { z } from 'zod';

/** How a metric's weekly score is measured on a card; CES follows the organization's headline (mean or share). */
export const measures = ['nps', 'nev', 'csat', 'cesShare', 'cesMean', 'ttr'] as const;
export type Measure = (typeof measures)[number];

export interface Windows {
  baselineWeeks: number;
  washoutWeeks: number;
  afterWeeks: number;
}

/** The limits an organization (or a person trying other windows on a card) may choose. */
export const windowLimits = {
  baselineWeeks: { min: 2, max: 12 },
  washoutWeeks: { min: 0, max: 2 },
  afterWeeks: { min: 2, max: 12 },
} as const;

export const defaultWindows: Windows = { baselineWeeks: 4, washoutWeeks: 1, afterWeeks: 4 };

export interface Threshold {
  /** The smallest effect worth acting on, in the metric's effect unit (TTR: percent). */
  minChange: number;
  /** The interval half-width at which "no change larger than ±h" can be said. */
  precision: number;
}

const minChanges: Record<Measure, number> = { nps: 5, nev: 5, csat: 3, cesShare: 3, cesMean: 0.15, ttr: 10 };

/** IMPACT.md's defaults: target precision twice the minimum meaningful change. */
export const defaultThresholds: Record<Measure, Threshold> = Object.fromEntries(
  measures.map((m) => [m, { minChange: minChanges[m], precision: 2 * minChanges[m] }]),
) as Record<Measure, Threshold>;

export interface ImpactSettings {
  windows: Windows;
  thresholds: Record<Measure, Threshold>;
}

const windowField = (key: keyof Windows) => z.number().int().min(windowLimits[key].min).max(windowLimits[key].max);

export const windowsSchema = z.object({
  baselineWeeks: windowField('baselineWeeks'),
  washoutWeeks: windowField('washoutWeeks'),
  afterWeeks: windowField('afterWeeks'),
});

export const thresholdSchema = z
  .object({ minChange: z.number().positive().max(1000), precision: z.number().positive().max(1000) })
  .refine((t) => t.precision >= t.minChange, { path: ['precision'], message: 'precisionBelowMinChange' });

/** The stored overrides: a measure left out (or stored invalid) uses the default. */
export function impactSettingsOf(stored: {
  impactBaselineWeeks: number;
  impactWashoutWeeks: number;
  impactAfterWeeks: number;
  impactThresholds: Partial<Record<string, unknown>>;
}): ImpactSettings {
  const windows = windowsSchema.safeParse({
    baselineWeeks: stored.impactBaselineWeeks,
    washoutWeeks: stored.impactWashoutWeeks,
    afterWeeks: stored.impactAfterWeeks,
  });
  const thresholds = Object.fromEntries(
    measures.map((m) => {
      const parsed = thresholdSchema.safeParse(stored.impactThresholds[m]);
      return [m, parsed.success ? parsed.data : defaultThresholds[m]];
    }),
  ) as Record<Measure, Threshold>;
  return { windows: windows.success ? windows.data : defaultWindows, thresholds };
}

export function sameWindows(a: Windows, b: Windows): boolean {
  return a.baselineWeeks === b.baselineWeeks && a.washoutWeeks === b.washoutWeeks && a.afterWeeks === b.afterWeeks;
}
