import { describe, expect, it } from 'vitest';
import { targetProgress } from './target-progress';

describe('targetProgress', () => {
  it('counts a score at or above the target as met for NPS, CSAT, CES and NEV', () => {
    expect(targetProgress('nps', 32, 45)).toEqual({ met: false, gap: 13, lowerIsBetter: false });
    expect(targetProgress('csat', 90, 90)).toEqual({ met: true, gap: 0, lowerIsBetter: false });
    expect(targetProgress('ces', 5.5, 5)).toEqual({ met: true, gap: 0, lowerIsBetter: false });
    expect(targetProgress('nev', -10, 20)).toEqual({ met: false, gap: 30, lowerIsBetter: false });
  });

  it('treats the time-to-resolution target as a ceiling: lower is better', () => {
    expect(targetProgress('ttr', 30, 24)).toEqual({ met: false, gap: 6, lowerIsBetter: true });
    expect(targetProgress('ttr', 20, 24)).toEqual({ met: true, gap: 0, lowerIsBetter: true });
  });

  it('has nothing to say without a value', () => {
    expect(targetProgress('nps', null, 45)).toBeNull();
  });
});
