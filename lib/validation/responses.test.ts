import { describe, expect, it } from 'vitest';
import { responseItemSchema } from './responses';
import { surveyAnswerSchema } from './survey-links';

describe('answer text', () => {
  it('drops NUL characters, which the database cannot store, from comments and ids', () => {
    const item = responseItemSchema.parse({
      touchpoint: 'courier',
      metric: 'nps',
      score: 9,
      comment: 'late\u0000 parcel',
      externalId: 'a\u00001',
    });
    expect(item).toMatchObject({ comment: 'late parcel', externalId: 'a1' });
    expect(surveyAnswerSchema('csat').parse({ score: '4', comment: 'ok\u0000' })).toEqual({ score: 4, comment: 'ok' });
  });

  it('refuses a score outside the metric scale with the range in the message', () => {
    const result = responseItemSchema.safeParse({ touchpoint: 'courier', metric: 'csat', score: 6 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['score'],
      message: 'validation.scoreRange',
      params: { min: 1, max: 5 },
    });
  });
});
