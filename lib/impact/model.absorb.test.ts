/**
 * The absorbing fit (fitModel with `absorb`): the changes made at one touchpoint only are eliminated with its level,
 * and everything a card reads from a fit is the full fit's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateEffect, type ModelledChange } from './estimate';
import { fitModel, type ModelCell, type ModelFit } from './model';
import { seeded, simulate } from './simulate.test-helpers';

const MAX_TOUCHPOINTS = 12;
const MAX_WEEKS = 10;

/** A change: the touchpoints it was made at and the week its step starts (-1: before the first week). */
const changeArb = (touchpoints: fc.Arbitrary<number[]>) =>
  fc.record({ touchpoints, start: fc.integer({ min: -1, max: MAX_WEEKS }) });
const oneTouchpoint = fc.uniqueArray(fc.nat(MAX_TOUCHPOINTS - 1), { minLength: 1, maxLength: 1 });
const someTouchpoints = fc.uniqueArray(fc.nat(MAX_TOUCHPOINTS - 1), { minLength: 2, maxLength: 3 });

/**
 * 2-12 touchpoints over 3-10 weeks with cells missing at random; term 0 (the card's change) at one or two
 * touchpoints, the others mostly at one touchpoint (absorbed), some at several.
 */
const designArb = fc
  .record({
    touchpoints: fc.integer({ min: 2, max: MAX_TOUCHPOINTS }),
    weeks: fc.integer({ min: 3, max: MAX_WEEKS }),
    missing: fc.double({ min: 0, max: 0.4, noNaN: true }),
    card: changeArb(fc.uniqueArray(fc.nat(MAX_TOUCHPOINTS - 1), { minLength: 1, maxLength: 2 })),
    others: fc.array(fc.oneof({ arbitrary: changeArb(oneTouchpoint), weight: 3 }, changeArb(someTouchpoints)), {
      maxLength: 14,
    }),
    values: fc.array(
      fc.tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
      ),
      { minLength: MAX_TOUCHPOINTS * MAX_WEEKS, maxLength: MAX_TOUCHPOINTS * MAX_WEEKS },
    ),
  })
  .map(({ touchpoints, weeks, missing, card, others, values }) => {
    const changes = [card, ...others].map((c) => ({ ...c, touchpoints: c.touchpoints.map((t) => t % touchpoints) }));
    const cells: ModelCell[] = [];
    for (let t = 0; t < touchpoints; t++) {
      for (let week = 0; week < weeks; week++) {
        const [u, y, weight] = values[t * MAX_WEEKS + week]!;
        if (u < missing) continue;
        const terms = changes.flatMap((c, j) => (c.touchpoints.includes(t) && week >= c.start ? [j] : []));
        cells.push({ touchpoint: t, week, y, weight, terms });
      }
    }
    return { cells, order: changes.map((_, j) => j) };
  })
  .filter(({ cells }) => new Set(cells.map((c) => c.touchpoint)).size >= 2);

/** Terms (but the first) active in the cells of one touchpoint only: the ones the absorbing fit absorbs. */
function localTerms(cells: readonly ModelCell[], order: readonly number[]) {
  return new Set(
    order
      .slice(1)
      .filter((term) => new Set(cells.filter((c) => c.terms.includes(term)).map((c) => c.touchpoint)).size === 1),
  );
}

const close = (actual: number, expected: number, scale: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(scale, Math.abs(expected)));

/** Everything a card reads from a fit is the same; a covariance with an absorbed term may throw. */
function expectSameFit(absorbed: ModelFit, full: ModelFit, local: ReadonlySet<number>) {
  expect(absorbed.terms).toEqual(full.terms);
  expect(absorbed.dependent).toEqual(full.dependent);
  expect(absorbed.df).toBe(full.df);
  expect(absorbed.cells).toBe(full.cells);
  close(absorbed.phi, full.phi, 1);
  if (full.rawPhi === null) expect(absorbed.rawPhi).toBeNull();
  else close(absorbed.rawPhi!, full.rawPhi, 1);
  const sd = (t: number) => Math.sqrt(full.covariance(t, t));
  for (const a of full.terms) {
    close(absorbed.estimate(a), full.estimate(a), sd(a));
    for (const b of full.terms) {
      let covariance: number;
      try {
        covariance = absorbed.covariance(a, b);
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
        expect(local.has(a) || local.has(b)).toBe(true);
        continue;
      }
      close(covariance, full.covariance(a, b), sd(a) * sd(b));
    }
  }
}

describe('the absorbing fit, for any design', () => {
  it('gives the full fit: terms, dependent terms and partners, estimates, covariances, phi and df', () => {
    fc.assert(
      fc.property(designArb, ({ cells, order }) => {
        const full = fitModel(cells, order);
        expectSameFit(fitModel(cells, order, { absorb: true }), full, localTerms(cells, order));
      }),
      { numRuns: 400 },
    );
  });

  it('never absorbs the first term, so its covariance is always there', () => {
    fc.assert(
      fc.property(designArb, ({ cells, order }) => {
        const absorbed = fitModel(cells, order, { absorb: true });
        if (absorbed.terms.includes(0)) expect(absorbed.covariance(0, 0)).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it("a change covering all of its touchpoint's cells is left out with no partners, whatever the weights", () => {
    // Its column is the touchpoint's level again: its variation beyond the level is rounding, on either side of 0.
    fc.assert(
      fc.property(designArb, ({ cells, order }) => {
        const constant = order.length;
        const touchpoint = cells.at(-1)!.touchpoint;
        const withConstant = cells.map((c) =>
          c.touchpoint === touchpoint ? { ...c, terms: [...c.terms, constant] } : c,
        );
        for (const absorb of [false, true]) {
          const fit = fitModel(withConstant, [...order, constant], { absorb });
          expect(fit.dependent).toContainEqual({ term: constant, partners: [] });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a week where every touchpoint with cells has a change of its own starting: still the full fit', () => {
    // The last week is then all absorbed changes, and its week shift is what is left over: the full fit decides.
    fc.assert(
      fc.property(designArb, ({ cells, order }) => {
        const lastWeek = Math.max(...cells.map((c) => c.week));
        const touchpoints = [...new Set(cells.filter((c) => c.week === lastWeek).map((c) => c.touchpoint))];
        const extra = touchpoints.map((_, i) => order.length + i);
        const degenerate = cells.map((c) =>
          c.week === lastWeek ? { ...c, terms: [...c.terms, extra[touchpoints.indexOf(c.touchpoint)]!] } : c,
        );
        const all = [...order, ...extra];
        expectSameFit(
          fitModel(degenerate, all, { absorb: true }),
          fitModel(degenerate, all),
          localTerms(degenerate, all),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('quick estimates (absorbing) against full ones', () => {
  // A bench-like organization: 12 touchpoints over 13 weeks, each changed every few weeks, some changes shared.
  const touchpoints = Array.from({ length: 12 }, (_, i) => `t${i}`);
  const windows = { baselineWeeks: 4, washoutWeeks: 1, afterWeeks: 4 };
  const random = seeded(31);
  const cells = simulate(
    random,
    touchpoints,
    -8,
    4,
    () => 0,
    (t, w) => ((Number(t.slice(1)) + w) % 7 === 0 ? 0 : 80 + Math.floor(random() * 120)),
  );
  const others: ModelledChange[] = [];
  touchpoints.forEach((id, i) => {
    for (let week = -8 + (i % 3); week <= 4; week += 3) others.push({ key: `${id}@${week}`, week, touchpoints: [id] });
  });
  others.push({ key: 'shared', week: -2, touchpoints: ['t3', 't7'] });

  it('give the same effect, interval, df, phi, terms held apart and joint terms', () => {
    for (const week of [-4, -3, -2, 0]) {
      for (const id of ['t0', 't4', 't9']) {
        const input = { measure: 'nps' as const, cells, change: { week, touchpoints: [id] }, others, windows };
        const full = estimateEffect(input)!;
        const quick = estimateEffect({ ...input, quick: true })!;
        expect(quick.estimator).toBe(full.estimator);
        for (const key of ['estimate', 'se', 'low', 'high', 'p'] as const) close(quick[key], full[key], full.se);
        close(quick.phi!, full.phi!, 1);
        expect([quick.df, quick.heldApart, quick.joint]).toEqual([full.df, full.heldApart, full.joint]);
      }
    }
  });
});
