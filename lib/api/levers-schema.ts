/**
 * What the read API takes and answers for the register of accelerators and blockers: GET /api/v1/levers. The handler
 * parses with these schemas and can only reply with these shapes, and the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import type { UnrankedReason } from '@/lib/levers/ranked-register';
import { leverKinds, leverStates } from '@/lib/validation/levers';
import { apiImpactSchema, optional, readErrors } from './changes-schema';

/** Why a lever has no place in the ranking, as lib/levers/ranked-register.ts says it. */
export const unrankedReasons = [
  'planned',
  'open',
  'waiting',
  'no-touchpoints',
  'no-baseline',
  'collecting',
  'no-answers',
] as const satisfies readonly UnrankedReason[];

export const leversQuerySchema = z.object({
  kind: optional(z.enum(leverKinds)).meta({ description: 'Only accelerators or only blockers.' }),
  state: optional(z.enum(leverStates)).meta({
    description: 'Only levers in this state: planned or in-place (accelerators), open or removed (blockers).',
  }),
  touchpoint: optional(z.string().trim().min(1).max(100)).meta({
    description: 'Only levers at this touchpoint: its id, or the key set for it in Settings → Journey.',
  }),
  department: optional(z.string().trim().min(1).max(100)).meta({
    description: 'Only levers owned by this department: its id.',
  }),
});

const reference = z.object({ id: z.uuid(), name: z.string() });

export const leverRankingSchema = z.object({
  rank: z.number().int().min(1).meta({ description: '1 for the lever that did the most good.' }),
  scaled: z.number().meta({
    description:
      "The effect on the target metric in units of that metric's minimum meaningful change, better positive: 1 is " +
      'the smallest change that matters.',
  }),
  scaledLow: z.number().meta({ description: 'The 95% interval on the same scale: the worse end.' }),
  scaledHigh: z.number().meta({ description: 'The better end.' }),
  shrunk: z.number().meta({
    description:
      'The scaled effect shrunk towards zero by how uncertain it is (empirical Bayes), so a lever measured on few ' +
      'answers cannot top the list by luck.',
  }),
  clear: z.boolean().meta({
    description:
      'Clearly better: a discovery by Benjamini-Hochberg at q = 0.10 across the ranked levers, by at least the ' +
      'minimum meaningful change.',
  }),
});

export const leverItemSchema = z.object({
  id: z.uuid().meta({ description: 'Also its id as a change: GET /api/v1/changes/lever/{id}/impact.' }),
  kind: z.enum(leverKinds).meta({
    description: 'An accelerator improves the experience; a blocker hinders it.',
  }),
  name: z.string(),
  description: z.string(),
  state: z.enum(leverStates),
  knownSince: z.iso.date().nullable().meta({ description: 'A blocker: open since this day, when known.' }),
  effectiveDate: z.iso
    .date()
    .nullable()
    .meta({
      description:
        "An accelerator: in place since; a blocker: removed on. The date of its impact card; null while it's planned " +
        'or open (not a change yet).',
    }),
  department: reference.meta({ description: 'The department that owns it.' }),
  touchpoints: z.array(reference),
  metric: z.enum(['nps', 'csat', 'ces', 'nev', 'ttr', 'business']).meta({ description: 'The declared target metric.' }),
  direction: z.enum(['up', 'down']).meta({ description: 'Which way the target metric should move.' }),
  ranking: leverRankingSchema.nullable().meta({ description: 'null when the lever is not ranked: see `notRanked`.' }),
  notRanked: z
    .enum(unrankedReasons)
    .nullable()
    .meta({
      description:
        'Why it is not ranked: planned or open (not a change yet), waiting (its card is not computed yet), ' +
        'no-touchpoints (nothing to measure), no-baseline (no answers on its target metric before it), collecting ' +
        '(its after window is still running), no-answers (no effect measurable after it). null when ranked.',
    }),
  impact: apiImpactSchema.nullable().meta({
    description:
      'Its impact card, as for a change in GET /api/v1/changes; null while planned or open, or until first computed.',
  }),
});
export type LeverItem = z.output<typeof leverItemSchema>;

export const leversSchema = z.object({
  rankedBy: z.enum(['shrunk', 'lower-bound']).meta({
    description:
      'How the ranked levers are ordered: by the shrunken effect, or, with fewer than six measured, by the worse end ' +
      'of the interval.',
  }),
  data: z.array(leverItemSchema).meta({
    description: 'The ranked levers by rank, then the others by name.',
  }),
});

export const leversReplies = {
  200: { schema: leversSchema, description: 'The register, ranked by what each lever did.' },
  ...readErrors,
} as const;

export type LeversStatus = keyof typeof leversReplies;
export type LeversReply<S extends LeversStatus> = z.input<(typeof leversReplies)[S]['schema']>;
