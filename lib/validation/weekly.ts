import { z } from 'zod';
import { id, isoDate, list, optionalId } from './common';
import { officialReply } from './ideas';

const text = (max: number) => z.string().trim().max(max).default('');
const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
const calendarDate = isoDate;

export const improvementFields = z
  .object({
    title: z.string().trim().min(1).max(120),
    process: text(120),
    before: text(500),
    after: text(500),
    touchpointIds: list(id, 30),
    metric: z.preprocess(blankToNull, z.enum(['nps', 'csat', 'ces', 'nev', 'ttr', 'business']).nullable()),
    businessMetric: text(80),
    direction: z.preprocess(blankToNull, z.enum(['up', 'down']).nullable()),
    source: z.preprocess(blankToNull, z.enum(['idea', 'plan_item', 'complaint']).nullable()),
    sourcePlanItemId: optionalId,
    sourceNote: text(200),
    ownerUserId: optionalId,
    effectiveDate: calendarDate,
  })
  .superRefine((v, ctx) => {
    if (v.metric === 'business' && !v.businessMetric)
      ctx.addIssue({ code: 'custom', path: ['businessMetric'], message: 'validation.required' });
    if (v.metric && !v.direction)
      ctx.addIssue({ code: 'custom', path: ['direction'], message: 'validation.directionRequired' });
    if (v.source === 'plan_item' && !v.sourcePlanItemId)
      ctx.addIssue({ code: 'custom', path: ['sourcePlanItemId'], message: 'validation.required' });
  });

/**
 * A new improvement; one made from a staff idea names it (and may be planned for a coming week), with the official
 * reply the idea gets.
 */
export const logImprovementSchema = z.intersection(
  z.object({ departmentId: id, weekStart: calendarDate, sourceIdeaId: optionalId, ideaReply: officialReply }),
  improvementFields,
);
export const updateImprovementSchema = z.intersection(z.object({ improvementId: id }), improvementFields);
export const gridQuerySchema = z.object({
  to: calendarDate.optional(),
  weeks: z.coerce.number().int().min(1).max(104).default(12),
});

export type ImprovementInput = z.output<typeof improvementFields>;
