/** The model on constructed data (IMPACT.md, "Reference cases" and the tests the issue names). */
import { describe, expect, it } from 'vitest';
import { estimateEffect, type ModelledChange, type WeeklyCells } from './estimate';
import { benjaminiHochberg } from './verdict';
import { seeded, simulate } from './simulate.test-helpers';

const windows = { baselineWeeks: 4, washoutWeeks: 1, afterWeeks: 4 };
const touchpoints = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'];

describe('IMPACT.md "Constructed truth"', () => {
  // Every touchpoint rises by 15 points from week 1 on (a campaign); the treated one gets 10 more.
  const random = seeded(11);
  const cells = simulate(
    random,
    touchpoints,
    -4,
    4,
    (t, w) => (w >= 1 ? 15 : 0) + (t === 't0' && w >= 1 ? 10 : 0),
    () => 400,
  );
  const effect = estimateEffect({
    measure: 'nps',
    cells,
    change: { week: 0, touchpoints: ['t0'] },
    others: [],
    windows,
  })!;

  it('the model recovers the added effect of 10 points within its interval', () => {
    expect(effect.estimator).toBe('model');
    expect(effect.low).toBeLessThan(10);
    expect(effect.high).toBeGreaterThan(10);
    expect(Math.abs(effect.estimate - 10)).toBeLessThan(5);
  });

  it('a before/after at the touchpoint alone credits the change with the shared rise too (about 25)', () => {
    const alone = estimateEffect({
      measure: 'nps',
      cells: new Map([['t0', cells.get('t0')!]]),
      change: { week: 0, touchpoints: ['t0'] },
      others: [],
      windows,
    })!;
    expect(alone.estimator).toBe('before-after');
    expect(alone.estimate).toBeGreaterThan(18);
    expect(alone.low).toBeGreaterThan(10);
  });
});

describe('IMPACT.md "Overlapping changes"', () => {
  // Two changes at t0 three weeks apart (+8 from week 1, +12 more from week 4), and changes at t1 and t2 in the
  // same weeks (-10 from week 1 at t1, +6 from week 4 at t2). A long after window holds both steps at t0.
  const long = { baselineWeeks: 6, washoutWeeks: 1, afterWeeks: 8 };
  const random = seeded(7);
  const cells = simulate(
    random,
    touchpoints,
    -6,
    8,
    (t, w) => {
      let s = 0;
      if (t === 't0' && w >= 1) s += 8;
      if (t === 't0' && w >= 4) s += 12;
      if (t === 't1' && w >= 1) s -= 10;
      if (t === 't2' && w >= 4) s += 6;
      return s;
    },
    () => 500,
  );
  const others: ModelledChange[] = [
    { key: 'second', week: 3, touchpoints: ['t0'] },
    { key: 't1-change', week: 0, touchpoints: ['t1'] },
    { key: 't2-change', week: 3, touchpoints: ['t2'] },
  ];

  it("recovers the first change's +8 with the second one modelled as its own term", () => {
    const first = estimateEffect({
      measure: 'nps',
      cells,
      change: { week: 0, touchpoints: ['t0'] },
      others,
      windows: long,
    })!;
    expect(first.heldApart).toEqual(expect.arrayContaining(['second', 't1-change', 't2-change']));
    expect(first.low).toBeLessThan(8);
    expect(first.high).toBeGreaterThan(8);
  });

  it("recovers the second change's +12, not the +20 that has piled up by then", () => {
    const second = estimateEffect({
      measure: 'nps',
      cells,
      change: { week: 3, touchpoints: ['t0'] },
      others: [{ key: 'first', week: 0, touchpoints: ['t0'] }, ...others.slice(1)],
      windows: long,
    })!;
    expect(second.low).toBeLessThan(12);
    expect(second.high).toBeGreaterThan(12);
    expect(second.estimate).toBeLessThan(18);
  });
});

describe('IMPACT.md "Placebo simulation" (fixed seed, no effect anywhere)', () => {
  // 200 runs; in each, 10 touchpoints over 9 weeks with no effect, a pretend change at each touchpoint in turn.
  const runs = 200;
  const random = seeded(2026);
  let flagged = 0;
  let cards = 0;
  let runsWithAnyClear = 0;
  for (let run = 0; run < runs; run++) {
    const ids = touchpoints.slice(0, 6);
    const cells = simulate(
      random,
      ids,
      -4,
      4,
      () => 0,
      () => 60 + Math.floor(random() * 100),
    );
    const ps = ids.map(
      (id) => estimateEffect({ measure: 'nps', cells, change: { week: 0, touchpoints: [id] }, others: [], windows })!.p,
    );
    cards += ps.length;
    flagged += ps.filter((p) => p < 0.05).length;
    if (benjaminiHochberg(ps, 0.1).some(Boolean)) runsWithAnyClear += 1;
  }

  it('flags about 5% of pretend changes (2% to 7%: phi floored at 1 makes it slightly conservative)', () => {
    const share = flagged / cards;
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.07);
  });

  it('with Benjamini-Hochberg at q = 0.10 across the cards, at most about 1 run in 10 flags anything', () => {
    expect(runsWithAnyClear / runs).toBeLessThan(0.13);
  });
});

describe('edge cases', () => {
  const random = seeded(5);
  const base = simulate(random, ['a', 'b', 'c'], -4, 4, () => 0);

  it('a cell with no answers is left out and the rest still fits', () => {
    const holes: WeeklyCells = new Map(
      [...base].map(([id, weeks]) => [id, new Map([...weeks].filter(([w]) => !(id === 'b' && w === 2)))]),
    );
    const effect = estimateEffect({
      measure: 'nps',
      cells: holes,
      change: { week: 0, touchpoints: ['a'] },
      others: [],
      windows,
    })!;
    expect(effect.estimator).toBe('model');
    expect(Number.isFinite(effect.se)).toBe(true);
  });

  it('all promoters (variance 0) gets a finite weight, not an infinite one', () => {
    const allPromoters: WeeklyCells = new Map([
      ...base,
      ['a', new Map([...base.get('a')!].map(([w, s]) => [w, { n: s.n, sum: 100 * s.n, sumSq: 1e4 * s.n }]))],
    ]);
    const effect = estimateEffect({
      measure: 'nps',
      cells: allPromoters,
      change: { week: 0, touchpoints: ['a'] },
      others: [],
      windows,
    })!;
    expect(Number.isFinite(effect.estimate)).toBe(true);
    expect(effect.se).toBeGreaterThan(0);
  });

  it('one touchpoint only falls back to before and after', () => {
    const one = new Map([['a', base.get('a')!]]);
    const effect = estimateEffect({
      measure: 'nps',
      cells: one,
      change: { week: 0, touchpoints: ['a'] },
      others: [],
      windows,
    })!;
    expect(effect.estimator).toBe('before-after');
    expect(effect.comparison).toEqual([]);
  });

  it('two changes in the same week at one touchpoint become one joint term, named, never split', () => {
    const effect = estimateEffect({
      measure: 'nps',
      cells: base,
      change: { week: 0, touchpoints: ['a'] },
      others: [{ key: 'same-week', week: 0, touchpoints: ['a'] }],
      windows,
    })!;
    expect(effect.joint).toEqual(['same-week']);
    expect(effect.heldApart).toEqual([]);
    const alone = estimateEffect({
      measure: 'nps',
      cells: base,
      change: { week: 0, touchpoints: ['a'] },
      others: [],
      windows,
    })!;
    expect(effect.estimate).toBeCloseTo(alone.estimate, 9);
  });

  it('a change the next week at the same touchpoint is nearly collinear: one joint term, named', () => {
    const effect = estimateEffect({
      measure: 'nps',
      cells: base,
      change: { week: 0, touchpoints: ['a'] },
      others: [{ key: 'next-week', week: 1, touchpoints: ['a'] }],
      windows,
    })!;
    expect(effect.joint).toEqual(['next-week']);
  });

  it('a change that more than doubles the SE is named as one it cannot be told apart from', () => {
    // Few answers in the first after weeks, many once the other change (two weeks later) has started too.
    const sparse = simulate(
      seeded(9),
      ['a', 'b', 'c'],
      -4,
      4,
      () => 0,
      (t, w) => (t === 'a' && (w === 1 || w === 2) ? 8 : 300),
    );
    const effect = estimateEffect({
      measure: 'nps',
      cells: sparse,
      change: { week: 0, touchpoints: ['a'] },
      others: [{ key: 'two-weeks-later', week: 2, touchpoints: ['a'] }],
      windows,
    })!;
    const alone = estimateEffect({
      measure: 'nps',
      cells: sparse,
      change: { week: 0, touchpoints: ['a'] },
      others: [],
      windows,
    })!;
    expect(effect.se / alone.se).toBeGreaterThan(2);
    expect(effect.heldApart).toEqual(['two-weeks-later']);
    expect(effect.indistinct).toEqual(['two-weeks-later']);
  });

  it('no answers at the treated touchpoint after the change: nothing to estimate', () => {
    const none: WeeklyCells = new Map([...base, ['a', new Map([...base.get('a')!].filter(([w]) => w < 0))]]);
    expect(
      estimateEffect({ measure: 'nps', cells: none, change: { week: 0, touchpoints: ['a'] }, others: [], windows }),
    ).toBeNull();
  });
});
