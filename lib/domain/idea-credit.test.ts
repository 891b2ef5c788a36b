import { describe, expect, it } from 'vitest';
import { ideaCredit, quarterStart, type ShippedIdea } from './idea-credit';

const effect = (p: number, estimate: number, direction: 'up' | 'down' = 'up') => ({
  metric: 'nps' as const,
  estimate,
  p,
  minChange: 5,
  direction,
  verdict: 'inconclusive' as const,
});

function idea(id: string, values: Partial<ShippedIdea> = {}): ShippedIdea {
  return {
    ideaId: id,
    title: `Idea ${id}`,
    authorId: 'ann',
    authorName: 'Ann',
    departmentId: 'support',
    departmentName: 'Support',
    shippedOn: '2026-11-10',
    change: { kind: 'improvement', id: `change-${id}`, title: `Change ${id}` },
    effect: effect(0.5, 1),
    ...values,
  };
}

describe('quarterStart', () => {
  it.each([
    ['2026-01-01', '2026-01-01'],
    ['2026-03-31', '2026-01-01'],
    ['2026-04-01', '2026-04-01'],
    ['2026-12-03', '2026-10-01'],
  ])('%s is in the quarter from %s', (day, start) => expect(quarterStart(day)).toBe(start));
});

describe('ideaCredit', () => {
  it('decides "clearly better" across the list by Benjamini-Hochberg, not by each p alone', () => {
    // Ten changes: p = 0.04 alone would pass 0.05, but with nine null ones Benjamini-Hochberg at 0.10 needs
    // p <= 0.01 for the smallest. A p of 0.005 passes.
    const nulls = Array.from({ length: 8 }, (_, i) => idea(`n${i}`, { effect: effect(0.6, 2) }));
    const lucky = idea('lucky', { effect: effect(0.04, 9) });
    const real = idea('real', { effect: effect(0.005, 9) });
    const credit = ideaCredit([...nulls, lucky, real], '2026-12-03');
    expect(credit.clear.map((i) => i.ideaId)).toEqual(['real']);
  });

  it('needs the better direction and at least the minimum meaningful change', () => {
    const worse = idea('worse', { effect: effect(0.001, -9) });
    const tiny = idea('tiny', { effect: effect(0.001, 2) });
    const ttrDown = idea('ttr', { effect: { ...effect(0.001, -12, 'down'), metric: 'ttr' } });
    const credit = ideaCredit([worse, tiny, ttrDown], '2026-12-03');
    expect(credit.clear.map((i) => i.ideaId)).toEqual(['ttr']);
  });

  it('counts per person and department, this quarter and all time; anonymous ideas count for nobody', () => {
    const credit = ideaCredit(
      [
        idea('a', { effect: effect(0.0001, 10) }),
        idea('b', { shippedOn: '2026-06-01' }),
        idea('c', { authorId: null, authorName: null, departmentId: 'delivery', departmentName: 'Delivery' }),
        idea('d', { authorId: 'bob', authorName: 'Bob', effect: null }),
      ],
      '2026-12-03',
    );
    expect(credit.people).toEqual([
      { id: 'ann', name: 'Ann', shippedQuarter: 1, shippedAllTime: 2, clearQuarter: 1, clearAllTime: 1 },
      { id: 'bob', name: 'Bob', shippedQuarter: 1, shippedAllTime: 1, clearQuarter: 0, clearAllTime: 0 },
    ]);
    expect(credit.departments.map((d) => [d.name, d.shippedAllTime])).toEqual([
      ['Support', 3],
      ['Delivery', 1],
    ]);
  });
});
