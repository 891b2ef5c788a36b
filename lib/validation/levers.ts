import { z } from 'zod';
import { id, list, optionalDate } from './common';

export const leverKinds = ['accelerator', 'blocker'] as const;
export const leverStates = ['planned', 'in-place', 'open', 'removed'] as const;
/** The metrics a lever can target: those the customers' answers measure, so its card can. */
export const leverMetrics = ['nps', 'csat', 'ces', 'nev', 'ttr'] as const;

/** The states a lever of each kind can be in: the first is where it starts. */
export const statesOf = {
  accelerator: ['planned', 'in-place'],
  blocker: ['open', 'removed'],
} as const satisfies Record<(typeof leverKinds)[number], readonly (typeof leverStates)[number][]>;

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const leverFields = z.object({
  name: z.string().trim().min(3).max(120),
  description: z.string().trim().max(4000).default(''),
  departmentId: id,
  touchpointIds: list(id, 30),
  metric: z.enum(leverMetrics),
  /** Empty: the metric's better way (down for time to resolution). */
  direction: z.preprocess(blankToNull, z.enum(['up', 'down']).nullable()).default(null),
  /** A blocker: open since this day, when known; ignored for an accelerator. */
  knownSince: optionalDate,
});

/**
 * A new lever: an accelerator starts planned, a blocker open, unless a state is given; an accelerator already in
 * place or a blocker already removed takes `effectiveDate` (empty: today).
 */
export const createLeverSchema = leverFields
  .extend({
    kind: z.enum(leverKinds),
    state: z.preprocess(blankToUndefined, z.enum(leverStates).optional()),
    effectiveDate: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.state && !(statesOf[v.kind] as readonly string[]).includes(v.state))
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'validation.choice' });
  });

export const updateLeverSchema = leverFields.extend({ leverId: id });

/**
 * Puts an accelerator in place or back to planned, removes a blocker or opens it again. The date is the day it was
 * put in place or removed (empty: today); the same state with another date corrects that day.
 */
export const setLeverStateSchema = z.object({
  leverId: id,
  state: z.enum(leverStates),
  date: optionalDate,
});

export const leverIdSchema = z.object({ leverId: id });

/** The register's filters, read from the URL; anything unknown is no filter. */
export const leverFiltersSchema = z.object({
  kind: z.preprocess(blankToUndefined, z.enum(leverKinds).optional()).catch(undefined),
  state: z.preprocess(blankToUndefined, z.enum(leverStates).optional()).catch(undefined),
  touchpointId: z.preprocess(blankToUndefined, id.optional()).catch(undefined),
  departmentId: z.preprocess(blankToUndefined, id.optional()).catch(undefined),
});

export type LeverInput = z.output<typeof leverFields>;
export type CreateLeverInput = z.output<typeof createLeverSchema>;
