import { z } from 'zod';
import { MAX_RANGE_DAYS } from '@/lib/domain/chart-buckets';
import { metrics } from '@/lib/domain/metrics';
import { isoDate } from './common';

const DAY = 86_400_000;

/** GET /api/touchpoints/[id]/metrics: which metric, which dates, which bucket. */
export const touchpointChartQuerySchema = z
  .object({
    metric: z.enum(metrics).optional(),
    from: isoDate,
    to: isoDate,
    bucket: z.enum(['week', 'month']).default('week'),
  })
  .superRefine((v, ctx) => {
    if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.dateOrder' });
    else if ((Date.parse(v.to) - Date.parse(v.from)) / DAY + 1 > MAX_RANGE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'validation.rangeTooLong',
        params: { max: MAX_RANGE_DAYS },
      });
    }
  });

export type TouchpointChartQuery = z.output<typeof touchpointChartQuerySchema>;
