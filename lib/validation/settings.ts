import { z } from 'zod';
import { type Measure, measures, windowLimits, type Windows } from '@/lib/impact/settings';
import { checkbox, currency, description, id, name, optionalId, role, timeZone, email } from './common';

export const organizationSettingsSchema = z.object({
  name: name(80),
  timeZone,
  // The first day of the week (lib/domain/weeks FirstDay): Monday or Sunday.
  weekStartsOn: z.coerce
    .number()
    .int()
    .pipe(z.literal([1, 7], 'validation.choice')),
  currency,
  reminderWeekday: z.coerce.number().int().min(1, 'validation.choice').max(7, 'validation.choice').default(4),
  /** Absent: left as it is. */
  cesHeadline: z.enum(['mean', 'share']).optional(),
});

export const departmentStage = z.enum(['front', 'back']);
export const createDepartmentSchema = z.object({ name: name(60), stage: departmentStage, description });
export const updateDepartmentSchema = createDepartmentSchema.extend({ departmentId: id });
export const archiveDepartmentSchema = z.object({ departmentId: id, archived: checkbox });

export const journeyPhase = z.enum(['before', 'during', 'after']);
export const createStageSchema = z.object({ name: name(60), phase: journeyPhase });
export const updateStageSchema = createStageSchema.extend({ stageId: id });
export const moveSchema = z.object({ direction: z.enum(['up', 'down']) });
export const moveStageSchema = moveSchema.extend({ stageId: id });
export const deleteStageSchema = z.object({ stageId: id });

export const channel = z.enum(['online', 'offline']);
/** What a touchpoint key may hold; the command checks it, so the refusal can name the rule (settings.journey.keyFormat). */
export const touchpointKeyPattern = /^[a-z0-9-]+$/;
/** The name API senders may use for a touchpoint; empty clears it, absent leaves it as it is. */
export const touchpointKey = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().toLowerCase()) : v),
  z.string().min(2).max(50).nullable().optional(),
);
export const createTouchpointSchema = z.object({
  name: name(80),
  stageId: id,
  departmentId: id,
  channel,
  description,
  key: touchpointKey,
});
export const updateTouchpointSchema = createTouchpointSchema.extend({ touchpointId: id });
export const moveTouchpointSchema = moveSchema.extend({ touchpointId: id });
export const archiveTouchpointSchema = z.object({ touchpointId: id, archived: checkbox });

/** Leads and staff belong to a department; an executive may or may not. */
const withDepartment = <T extends { role: string; departmentId?: string | undefined }>(v: T, ctx: z.RefinementCtx) => {
  if (v.role !== 'executive' && !v.departmentId) {
    ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'validation.departmentRequired' });
  }
};

export const inviteMemberSchema = z.object({ email, role, departmentId: optionalId }).superRefine(withDepartment);
export const updateMemberSchema = z.object({ userId: id, role, departmentId: optionalId }).superRefine(withDepartment);
export const removeMemberSchema = z.object({ userId: id });
export const revokeInvitationSchema = z.object({ invitationId: id });

/** A number typed in a form: "0,15" reads as 0.15, empty is missing; anything else that is not a number is refused. */
function typedNumber(v: unknown): number | 'missing' | 'not-a-number' {
  if (v === undefined || v === null) return 'missing';
  if (typeof v === 'number') return Number.isFinite(v) ? v : 'not-a-number';
  if (typeof v !== 'string') return 'not-a-number';
  const text = v.trim().replace(',', '.');
  if (text === '') return 'missing';
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : 'not-a-number';
}

type Problem = { message: string; params?: Record<string, number> } | null;

/** A number field whose every refusal names the rule (with its numbers), so the message beside it says what to type. */
const numberField = (notANumber: NonNullable<Problem>, problem: (v: number) => Problem) =>
  z.unknown().transform((raw, ctx) => {
    const v = typedNumber(raw);
    const refusal =
      v === 'missing' ? { message: 'validation.required' } : v === 'not-a-number' ? notANumber : problem(v);
    if (refusal) {
      ctx.addIssue({ code: 'custom', ...refusal });
      return z.NEVER;
    }
    return v as number;
  });

/** Weeks of an impact window, within the limits of IMPACT.md (baseline 2-12, washout 0-2, after 2-12). */
const windowWeeks = (key: keyof Windows) => {
  const { min, max } = windowLimits[key];
  const range = { message: 'validation.weeksRange', params: { min, max } };
  return numberField(range, (v) => (Number.isInteger(v) && v >= min && v <= max ? null : range));
};

/** The largest threshold that makes sense per measure: the width of its scale (TTR: a relative change in %). */
export const thresholdMaxima: Record<Measure, number> = {
  nps: 200,
  nev: 200,
  csat: 100,
  cesShare: 100,
  cesMean: 6,
  ttr: 100,
};

const thresholdValue = (measure: Measure) => {
  const max = thresholdMaxima[measure];
  return numberField({ message: 'validation.number' }, (v) =>
    v <= 0 ? { message: 'validation.positive' } : v > max ? { message: 'validation.tooBig', params: { max } } : null,
  );
};

const measureThreshold = (measure: Measure) =>
  z.object({ minChange: thresholdValue(measure), precision: thresholdValue(measure) }).superRefine((t, ctx) => {
    if (t.precision < t.minChange)
      ctx.addIssue({
        code: 'custom',
        path: ['precision'],
        message: 'validation.precisionBelowMinChange',
        params: { min: t.minChange },
      });
  });

/** Form fields are named by their path ("thresholds.nps.minChange"): nest them as the schema expects. */
function nested(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    const path = key.split('.');
    let at = out;
    for (const part of path.slice(0, -1)) {
      const next = at[part];
      at = (at[part] = typeof next === 'object' && next !== null ? next : {}) as Record<string, unknown>;
    }
    at[path.at(-1)!] = value;
  }
  return out;
}

/** Settings → Impact: the organization's default windows and, per measure, its thresholds. */
export const impactSettingsSchema = z.preprocess(
  nested,
  z.object({
    baselineWeeks: windowWeeks('baselineWeeks'),
    washoutWeeks: windowWeeks('washoutWeeks'),
    afterWeeks: windowWeeks('afterWeeks'),
    thresholds: z.object(
      Object.fromEntries(measures.map((m) => [m, measureThreshold(m)])) as Record<
        Measure,
        ReturnType<typeof measureThreshold>
      >,
    ),
  }),
);

export type ImpactSettingsInput = z.output<typeof impactSettingsSchema>;
