import { z } from 'zod';
import { targetMetrics } from '@/lib/domain/goal';
import { planItemStatuses } from '@/lib/domain/plans';
import { amount, checkbox, id, list, optionalDate, optionalId } from './common';
import { officialReply } from './ideas';

const text = (max: number) => z.string().trim().max(max).default('');
const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/** "commitment:<index>" or "target:<id>": what in the goal an item serves; empty for nothing. */
export const servesSchema = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z
    .string()
    .regex(/^(commitment:[0-4]|target:[0-9a-f-]{36})$/i, 'validation.choice')
    .nullable(),
);

export const planItemFields = z
  .object({
    title: z.string().trim().min(1).max(120),
    description: text(2000),
    ownerUserId: optionalId,
    dueDate: optionalDate,
    status: z.enum(planItemStatuses).default('planned'),
    dropReason: text(500),
    quickWin: checkbox,
    investment: amount.default(null),
    expectedOutcome: text(500),
    touchpointIds: list(id, 30),
    affectedDepartmentIds: list(id, 30),
    changesPromise: checkbox,
    serves: servesSchema.default(null),
    /** "Took effect on": the impact card's change date, for a done item; empty means today. */
    effectiveDate: optionalDate,
    /**
     * The metric it should move and which way, declared in advance. Empty: taken from the goal target it serves;
     * a metric without a direction goes the metric's better way.
     */
    metric: z.preprocess(blankToNull, z.enum(targetMetrics).nullable()),
    direction: z.preprocess(blankToNull, z.enum(['up', 'down']).nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'dropped' && !v.dropReason) {
      ctx.addIssue({ code: 'custom', path: ['dropReason'], message: 'validation.dropReasonRequired' });
    }
  });

/** A new plan item; one added from a staff idea names it, with the official reply the idea gets. */
export const createPlanItemSchema = z.intersection(
  z.object({ departmentId: id, sourceIdeaId: optionalId, ideaReply: officialReply }),
  planItemFields,
);
export const updatePlanItemSchema = z.intersection(z.object({ planItemId: id }), planItemFields);

export const answerPlanRequestSchema = z
  .object({ requestId: id, answer: z.enum(['acknowledged', 'concern']), comment: text(1000) })
  .superRefine((v, ctx) => {
    if (v.answer === 'concern' && !v.comment)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'validation.concernNeedsComment' });
  });

export const setPromiseOwnerSchema = z.object({ departmentId: id });

export type PlanItemInput = z.output<typeof planItemFields>;
