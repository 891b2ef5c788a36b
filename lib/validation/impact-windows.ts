import { z } from 'zod';
import { changeKinds } from '@/lib/impact/card-schema';
import { windowLimits, type Windows, windowsSchema } from '@/lib/impact/settings';

/** The kinds of change that have a card page: every kind. */
export const cardKind = z.enum(changeKinds);

/**
 * One window length from a query string ("8"), checked by the same rule as the organization's defaults
 * (windowsSchema); a refusal names the limits, so the message beside the field says what to choose.
 */
const weeks = (key: keyof Windows) => {
  const { min, max } = windowLimits[key];
  return z.unknown().transform((raw, ctx) => {
    const text = typeof raw === 'string' ? raw.trim() : raw;
    const value = typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : text;
    const parsed = windowsSchema.shape[key].safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: 'validation.weeksRange', params: { min, max } });
    return z.NEVER;
  });
};

/**
 * Other windows a person tries on a card (?baselineWeeks=&washoutWeeks=&afterWeeks=): each one left out keeps the
 * organization's default. Nothing is saved.
 */
export const triedWindowsSchema = z.object({
  baselineWeeks: weeks('baselineWeeks').optional(),
  washoutWeeks: weeks('washoutWeeks').optional(),
  afterWeeks: weeks('afterWeeks').optional(),
});

export type TriedWindows = z.output<typeof triedWindowsSchema>;

/** The windows' parameters of a query, the others left out (a card page's URL carries more than these). */
export function windowParams(query: Record<string, string | string[] | undefined>) {
  const keys = ['baselineWeeks', 'washoutWeeks', 'afterWeeks'] as const;
  return Object.fromEntries(
    keys.filter((k) => query[k] !== undefined).map((k) => [k, Array.isArray(query[k]) ? query[k][0] : query[k]]),
  );
}

/** The windows to compute: those tried, the organization's defaults for the rest. */
export function windowsWith(defaults: Windows, tried: TriedWindows): Windows {
  return {
    baselineWeeks: tried.baselineWeeks ?? defaults.baselineWeeks,
    washoutWeeks: tried.washoutWeeks ?? defaults.washoutWeeks,
    afterWeeks: tried.afterWeeks ?? defaults.afterWeeks,
  };
}
