/**
 * How far a goal target's live value is from the target value. Higher is better for every metric except
 * time to resolution, where a target is a ceiling. Pure: the goal page and its tests share it.
 */
import { lowerIsBetter, type Metric } from './metrics';

export interface TargetProgress {
  met: boolean;
  /** How much is still missing, in the metric's unit (0 once met). */
  gap: number;
  lowerIsBetter: boolean;
}

/** null while there is no value to compare. */
export function targetProgress(metric: Metric, value: number | null, target: number): TargetProgress | null {
  if (value === null || !Number.isFinite(value)) return null;
  const lower = lowerIsBetter(metric);
  const missing = lower ? value - target : target - value;
  return { met: missing <= 0, gap: Math.max(0, missing), lowerIsBetter: lower };
}
