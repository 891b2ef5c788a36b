import { z } from 'zod';
import { isValidScore, type Metric, metrics, scales } from '@/lib/domain/metrics';

/** The longest time to resolution we accept, in hours (five years). */
export const MAX_TTR_HOURS = 5 * 365 * 24;
/** Answers may be dated a little in the future to allow for clocks that run fast. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Drops NUL characters: PostgreSQL text cannot hold them, and nobody types them. */
export const withoutNul = (text: string) => text.replaceAll('\u0000', '');

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (v === '' || v === null ? undefined : typeof v === 'string' ? withoutNul(v) : v),
    z.string().trim().max(max).optional(),
  );

/**
 * One answer as a sender describes it: the API body item, a CSV row after mapping. The score is on the
 * metric's scale; for TTR it is hours (decimals allowed) and is stored as whole minutes.
 */
export const responseItemSchema = z
  .object({
    touchpoint: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .meta({ description: "The touchpoint's id, or the key set for it in Settings → Journey." }),
    metric: z.enum(metrics).meta({ description: 'nps 0-10, csat 1-5, ces 1-7, nev 1-10, ttr hours' }),
    score: z
      .number()
      .finite()
      .meta({ description: 'The answer on the metric scale; for ttr the hours from complaint to resolution.' }),
    comment: optionalText(2000).meta({ description: "The customer's comment, if any." }),
    respondedAt: z
      .preprocess(
        (v) => (v === '' || v === null ? undefined : v),
        z.iso.datetime({ offset: true, message: 'validation.dateTime' }).optional(),
      )
      .meta({ description: 'When the customer answered (ISO 8601 with offset); defaults to the time of receipt.' }),
    externalId: optionalText(200).meta({
      description: 'Your id for this answer; unique per organization, so a re-sent answer is skipped.',
    }),
    persona: optionalText(80),
    channel: optionalText(80),
  })
  .superRefine((item, ctx) => {
    if (!isValidScore(item.metric, storedScore(item.metric, item.score))) {
      const range = item.metric === 'ttr' ? { min: 0, max: MAX_TTR_HOURS } : scales[item.metric];
      ctx.addIssue({
        code: 'custom',
        path: ['score'],
        message: item.metric === 'ttr' ? 'validation.ttrHours' : 'validation.scoreRange',
        params: range,
      });
    }
    if (item.respondedAt) {
      const at = Date.parse(item.respondedAt);
      if (at > Date.now() + CLOCK_SKEW_MS)
        ctx.addIssue({ code: 'custom', path: ['respondedAt'], message: 'validation.inFuture' });
      if (at < Date.UTC(2000, 0, 1))
        ctx.addIssue({ code: 'custom', path: ['respondedAt'], message: 'validation.dateTime' });
    }
  });

export type ResponseItem = z.output<typeof responseItemSchema>;

export const MAX_BATCH = 1000;
export const responseBatchSchema = z.object({
  responses: z.array(responseItemSchema).min(1).max(MAX_BATCH),
});

/** The score as stored: survey answers as given, TTR hours as whole minutes. */
export function storedScore(metric: Metric, score: number): number {
  return metric === 'ttr' ? Math.round(score * 60) : score;
}
