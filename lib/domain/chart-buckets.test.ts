import { describe, expect, it } from 'vitest';
import { bucketStartOf, bucketStarts } from './chart-buckets';

describe('chart buckets', () => {
  it('lists every week overlapping the range, starting on the organization first day', () => {
    // 2026-03-04 is a Wednesday.
    expect(bucketStarts({ from: '2026-03-04', to: '2026-03-23' }, 'week', 1)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    expect(bucketStarts({ from: '2026-03-04', to: '2026-03-21' }, 'week', 7)).toEqual(['2026-03-01', '2026-03-08', '2026-03-15']);
  });

  it('lists months across a year end, and names the bucket of a date', () => {
    expect(bucketStarts({ from: '2025-11-15', to: '2026-02-01' }, 'month', 1)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(bucketStartOf('2026-02-28', 'month', 1)).toBe('2026-02-01');
    expect(bucketStartOf('2026-03-08', 'week', 7)).toBe('2026-03-08');
    expect(bucketStartOf('2026-03-08', 'week', 1)).toBe('2026-03-02');
  });

  it('has one bucket for a one-day range', () => {
    expect(bucketStarts({ from: '2026-03-04', to: '2026-03-04' }, 'week', 1)).toEqual(['2026-03-02']);
  });
});
