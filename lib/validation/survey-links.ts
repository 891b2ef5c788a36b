import { z } from 'zod';
import { scales, type SurveyMetric, surveyMetrics } from '@/lib/domain/metrics';
import { id } from './common';
import { withoutNul } from './responses';

export const surveyMetric = z.enum(surveyMetrics, 'validation.choice');

export const createSurveyLinkSchema = z.object({ touchpointId: id, metric: surveyMetric });
export const setSurveyLinkEnabledSchema = z.object({
  linkId: id,
  enabled: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()),
});
export const rotateSurveyLinkSchema = z.object({ linkId: id });

export const SURVEY_COMMENT_MAX = 2000;
/** Longest persona, channel and external id kept from a survey link's query string. */
export const surveyContextMax = { persona: 80, channel: 40, ext: 200 } as const;
export type SurveyContext = Partial<Record<keyof typeof surveyContextMax, string>>;

// Control characters have no place in a label someone typed into a link.
const printable = /^[^\p{Cc}]*$/u;

/**
 * Persona, channel and external id from a link's query string (or the form's hidden fields): trimmed; a value
 * that is empty, too long or holds control characters is left out rather than failing the customer's answer.
 */
export function surveyContextOf(get: (name: string) => string | null): SurveyContext {
  const context: SurveyContext = {};
  for (const [name, max] of Object.entries(surveyContextMax) as [keyof typeof surveyContextMax, number][]) {
    const value = get(name)?.trim();
    if (value && value.length <= max && printable.test(value)) context[name] = value;
  }
  return context;
}

/** One answer as the public form sends it; error messages are catalog keys under `surveys.public`. */
export function surveyAnswerSchema(metric: SurveyMetric) {
  const { min, max } = scales[metric];
  return z.object({
    score: z
      .string('surveys.public.scoreRequired')
      .trim()
      .min(1, 'surveys.public.scoreRequired')
      .regex(/^\d{1,2}$/, 'surveys.public.scoreRange')
      .transform(Number)
      .refine((n) => n >= min && n <= max, 'surveys.public.scoreRange'),
    comment: z
      .string()
      .max(SURVEY_COMMENT_MAX, 'surveys.public.commentTooLong')
      .optional()
      .default('')
      .transform(withoutNul),
  });
}
