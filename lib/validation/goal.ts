import { z } from 'zod';
import { COMMITMENTS_MAX, filledCommitments, SECTION_MAX, TARGETS_MAX, targetMetrics } from '@/lib/domain/goal';
import { id, optionalId } from './common';

/** Line breaks as a textarea holds them (form encodings may send CRLF), so every count agrees. */
const normalizeText = (v: unknown) =>
  v === undefined || v === null ? '' : typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v;
const section = (max: number) => z.preprocess(normalizeText, z.string().trim().max(max));
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** A real day written YYYY-MM-DD (not 2026-02-30), between 2000 and 2100. */
function isCalendarDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '2000-01-01' || value > '2100-12-31') return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** A target row of the editor. Error paths are `targets.<row>.<field>`, the names the editor uses. */
export const goalTargetSchema = z
  .object({
    metric: z.enum(targetMetrics),
    businessMetric: z.preprocess(normalizeText, z.string().trim().max(80)),
    touchpointId: optionalId,
    // A number as typed ("45", "12,5"); empty is "required", anything else that is not a number "invalid".
    targetValue: z.preprocess(
      (v) =>
        typeof v === 'string'
          ? v.trim() === ''
            ? undefined
            : /^[-+]?\d+([.,]\d+)?$/.test(v.trim())
              ? Number(v.trim().replace(',', '.'))
              : v
          : v,
      z.number().refine((n) => Number.isFinite(n) && Math.abs(n) < 1e9, 'validation.invalid'),
    ),
    dueDate: z.preprocess(emptyToUndefined, z.string().refine(isCalendarDate, 'validation.format')),
  })
  .superRefine(
    (target, ctx) => {
      if (target.metric === 'business' && !target.businessMetric) {
        ctx.addIssue({ code: 'custom', path: ['businessMetric'], message: 'validation.required' });
      }
    },
    // Also when other fields of the row are wrong, so every error shows at once.
    {
      when: (payload) =>
        payload.issues.every((issue) => !['metric', 'businessMetric'].includes(String(issue.path?.[0]))),
    },
  )
  .transform(({ businessMetric, touchpointId, ...target }) => ({
    ...target,
    businessMetric: target.metric === 'business' ? businessMetric : null,
    touchpointId: touchpointId ?? null,
  }));

export type GoalTargetInput = z.output<typeof goalTargetSchema>;

/** The editor's content. A draft may be incomplete; the page budget and publishing rules live in lib/domain/goal. */
export const goalDraftSchema = z.object({
  statement: section(SECTION_MAX.statement),
  whyService: section(SECTION_MAX.whyService),
  atmosphere: section(SECTION_MAX.atmosphere),
  // Positions are kept while checking, so an error lands on the field it is about; blank ones are then dropped.
  commitments: z
    .preprocess(
      (v) => (v === undefined || v === null ? [] : v),
      z.array(section(SECTION_MAX.commitment)).max(COMMITMENTS_MAX),
    )
    .transform(filledCommitments),
  dayToDay: section(SECTION_MAX.dayToDay),
  targets: z.preprocess((v) => (v === undefined || v === null ? [] : v), z.array(goalTargetSchema).max(TARGETS_MAX)),
  /** When the draft the editor started from was last saved, to refuse overwriting someone else's newer save. */
  draftUpdatedAt: z.preprocess(emptyToUndefined, z.iso.datetime({ offset: true }).optional()),
});

export type GoalDraftInput = z.output<typeof goalDraftSchema>;

export const acknowledgeGoalSchema = z.object({ goalVersionId: id });

/** Which versions /goal/compare shows; anything unreadable falls back to the defaults. */
export const compareVersionsSchema = z.object({
  from: z.coerce.number().int().positive().optional().catch(undefined),
  to: z.coerce.number().int().positive().optional().catch(undefined),
});
