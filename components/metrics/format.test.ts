import { createFormatter, createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Score } from '@/lib/domain/metrics';
import messages from '@/messages/en';
import { scoreFormat } from './format';

// The one score formatter, pinned: every page that shows a score reads it through here.
const format = scoreFormat(
  createFormatter({ locale: 'en', timeZone: 'UTC' }),
  createTranslator({ locale: 'en', messages, namespace: 'metrics' }),
);

describe('scoreFormat', () => {
  it('shows NPS and NEV with their sign, shares as percents, CES means of 7 and hours', () => {
    expect(format.value(32, 'points')).toBe('+32');
    expect(format.value(-4, 'points')).toBe('-4');
    expect(format.value(0, 'points')).toBe('0');
    expect(format.value(84.4, 'percent')).toBe('84%');
    expect(format.value(5.44, 'mean')).toBe('5.4 of 7');
    expect(format.value(18, 'hours')).toBe('18 h');
    expect(format.value(12.54, 'hours')).toBe('12.5 h');
    expect(format.value(null, 'points')).toBe(format.value(null, 'mean'));
  });

  it('gives margins the precision of the score, with one digit under 1 so none reads "± 0"', () => {
    expect(format.margin(6.4, 'points')).toBe('6');
    expect(format.margin(0.42, 'points')).toBe('0.4');
    expect(format.margin(0.13, 'mean')).toBe('0.1');
    const nps: Score = {
      metric: 'nps',
      unit: 'points',
      value: 31.6,
      margin: 5.2,
      n: 1204,
      low: 26.4,
      high: 36.8,
      smallSample: false,
    };
    expect(format.score(nps)).toEqual({
      value: '+32',
      margin: '± 5',
      n: 'n = 1,204',
    });
  });

  it('signs every change and names the unit of shares and hours', () => {
    expect(format.delta(8.3, 'points')).toBe('+8');
    expect(format.delta(8.3, 'percent')).toBe('+8 pts');
    expect(format.delta(-2.54, 'hours')).toBe('-2.5 h');
    expect(format.delta(0.3, 'mean')).toBe('+0.3');
  });

  it('shows a time to resolution answer, stored in minutes, in hours', () => {
    expect(format.answer(90, 'ttr')).toBe('1.5 h');
    expect(format.answer(9, 'nps')).toBe('9');
  });
});
