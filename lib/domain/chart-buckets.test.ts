import { describe, expect, it } from 'vitest';
import { bucketStartOf, bucketStarts, lastMonths, monthsBefore } from './chart-buckets';

describe('chart buckets', () => {
  it('lists every week overlapping the range, starting on the organization first day', () => {
    // 2026-03-04 is a Wednesday.
    expect(bucketStarts({ from: '2026-03-04', to: '2026-03-23' }, 'week', 1)).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
    ]);
    expect(bucketStarts({ from: '2026-03-04', to: '2026-03-21' }, 'week', 7)).toEqual([
      '2026-03-01',
      '2026-03-08',
      '2026-03-15',
    ]);
  });

  it('lists months across a year end, and names the bucket of a date', () => {
    expect(bucketStarts({ from: '2025-11-15', to: '2026-02-01' }, 'month', 1)).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
    expect(bucketStartOf('2026-02-28', 'month', 1)).toBe('2026-02-01');
    expect(bucketStartOf('2026-03-08', 'week', 7)).toBe('2026-03-08');
    expect(bucketStartOf('2026-03-08', 'week', 1)).toBe('2026-03-02');
  });

  it('has one bucket for a one-day range', () => {
    expect(bucketStarts({ from: '2026-03-04', to: '2026-03-04' }, 'week', 1)).toEqual(['2026-03-02']);
  });
});

describe('last N months', () => {
  it('steps back whole months, clamping to the end of a shorter month', () => {
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2024-05-31', 3)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 12)).toBe('2025-01-15');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
  });

  it('starts weekly ranges on a week start and monthly ranges on the 1st, N whole months back', () => {
    // 2026-06-17 is a Wednesday; three months back is 17 March, the day after is Wednesday 18 March.
    expect(lastMonths('2026-06-17', 3, 'week', 1)).toEqual({ from: '2026-03-16', to: '2026-06-17' });
    expect(lastMonths('2026-06-17', 3, 'week', 7)).toEqual({ from: '2026-03-15', to: '2026-06-17' });
    // Months: April, May and June (the current one, to date).
    expect(lastMonths('2026-06-17', 3, 'month', 1)).toEqual({ from: '2026-04-01', to: '2026-06-17' });
    expect(lastMonths('2026-01-10', 12, 'month', 1)).toEqual({ from: '2025-02-01', to: '2026-01-10' });
  });
});
