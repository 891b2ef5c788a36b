import { describe, expect, it } from 'vitest';
import { detectMapping, missingFields } from './columns';
import { checkRow, respondedAtValue, rowToItem, scoreValue, touchpointIndex } from './rows';

const touchpoints = [
  { id: '11111111-1111-4111-8111-111111111111', name: 'Checkout', key: 'checkout' },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Courier delivery', key: null },
];
const find = touchpointIndex(touchpoints);
const known = (id: string) => touchpoints.some((tp) => tp.id === id);

describe('detecting columns from the header row', () => {
  it('matches common header names without regard to case, spaces or underscores', () => {
    const mapping = detectMapping([
      'Response ID',
      'Touchpoint',
      'Metric',
      'Rating',
      'Comments',
      'Date',
      'Segment',
      'Channel',
    ]);
    expect(mapping).toEqual({
      touchpoint: { kind: 'column', index: 1 },
      metric: { kind: 'column', index: 2 },
      score: { kind: 'column', index: 3 },
      comment: { kind: 'column', index: 4 },
      respondedAt: { kind: 'column', index: 5 },
      externalId: { kind: 'column', index: 0 },
      persona: { kind: 'column', index: 6 },
      channel: { kind: 'column', index: 7 },
    });
    expect(missingFields(mapping)).toEqual([]);
  });

  it('leaves unknown fields unmapped and names the required ones that are missing', () => {
    const mapping = detectMapping(['when', 'stars']);
    expect(mapping.score).toEqual({ kind: 'none' });
    expect(missingFields(mapping)).toEqual(['touchpoint', 'metric', 'score']);
  });
});

describe('reading a row', () => {
  const mapping = {
    ...detectMapping(['touchpoint', 'score', 'date']),
    metric: { kind: 'fixed' as const, value: 'nps' },
  };
  it('finds the touchpoint by name, key or id, and reads a decimal comma', () => {
    expect(rowToItem(['courier delivery', '9', ''], mapping, { find, timeZone: 'UTC' })).toMatchObject({
      touchpoint: touchpoints[1]!.id,
      metric: 'nps',
      score: 9,
    });
    expect(rowToItem(['CHECKOUT', '7', ''], mapping, { find, timeZone: 'UTC' }).touchpoint).toBe(touchpoints[0]!.id);
    expect(scoreValue('1,5')).toBe(1.5);
    expect(scoreValue('ten')).toBe('ten');
    expect(scoreValue(' ')).toBeUndefined();
  });

  it('reads dates without an offset in the organization time zone', () => {
    expect(respondedAtValue('2026-03-31', 'Europe/Kyiv')).toBe('2026-03-31T12:00:00+03:00');
    expect(respondedAtValue('2026-01-05 08:30', 'Europe/Kyiv')).toBe('2026-01-05T08:30:00+02:00');
    expect(respondedAtValue('2026-01-05T08:30:00Z', 'Europe/Kyiv')).toBe('2026-01-05T08:30:00Z');
    expect(respondedAtValue('2026-02-31', 'UTC')).toBe('2026-02-31');
    expect(respondedAtValue('', 'UTC')).toBeUndefined();
  });

  it('reports each problem of a row next to its field, and an unknown touchpoint', () => {
    const bad = checkRow(rowToItem(['Front door', '11', '31/03/2026'], mapping, { find, timeZone: 'UTC' }), known);
    expect(bad.ok ? {} : Object.keys(bad.errors).sort()).toEqual(['respondedAt', 'score', 'touchpoint']);
    expect(
      checkRow(rowToItem(['Checkout', '10', '2026-03-01'], mapping, { find, timeZone: 'UTC' }), known),
    ).toMatchObject({ ok: true, item: { score: 10 } });
  });
});
