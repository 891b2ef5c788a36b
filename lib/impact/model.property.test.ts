/** Properties of the impact model that must hold for any data (the property tests). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSums, answerValue, emptySums, type Sums, sumsOf, varianceOf } from './answers';
import { estimateEffect, type WeeklyCells, windowWeeks } from './estimate';
import { fitModel, type ModelCell } from './model';

const windows = { baselineWeeks: 3, washoutWeeks: 1, afterWeeks: 3 };
const weeks = windowWeeks(0, windows);
const modelled = [...weeks.baseline, ...weeks.after];
const allWeeks = [...weeks.baseline, ...weeks.washout, ...weeks.after];

/** Per touchpoint and week, how many answers scored 0, 8 and 10 (at least one answer in every cell). */
const histogramsArb = fc.array(
  fc.array(
    fc.tuple(fc.nat(12), fc.nat(12), fc.nat(12)).filter(([a, b, c]) => a + b + c > 0),
    { minLength: allWeeks.length, maxLength: allWeeks.length },
  ),
  { minLength: 2, maxLength: 5 },
);

type Histograms = [number, number, number][][];
const histogramOf = ([d, p8, p10]: [number, number, number]) =>
  new Map([
    [0, d],
    [8, p8],
    [10, p10],
  ]);

function cellsOf(histograms: Histograms): WeeklyCells {
  return new Map(
    histograms.map((byWeek, t) => [
      `t${t}`,
      new Map(
        byWeek.map((h, i): [number, Sums] => {
          const week = allWeeks[i]!;
          return [week, sumsOf('nps', histogramOf(h))];
        }),
      ),
    ]),
  );
}

const effectOf = (cells: WeeklyCells) =>
  estimateEffect({ measure: 'nps', cells, change: { week: 0, touchpoints: ['t0'] }, others: [], windows })!;

describe('the impact model, for any answers', () => {
  it('estimates from the weekly sums (the rollups) equal the same model fitted on the raw answers', () => {
    fc.assert(
      fc.property(histogramsArb, (histograms) => {
        const effect = effectOf(cellsOf(histograms));
        const raw: ModelCell[] = [];
        histograms.forEach((byWeek, t) => {
          const pooled = modelled.reduce(
            (s, week) => addSums(s, sumsOf('nps', histogramOf(byWeek[allWeeks.indexOf(week)]!))),
            emptySums(),
          );
          const v = varianceOf('nps', pooled);
          for (const week of modelled) {
            for (const [score, count] of histogramOf(byWeek[allWeeks.indexOf(week)]!)) {
              for (let i = 0; i < count; i++)
                raw.push({
                  touchpoint: t,
                  week,
                  y: answerValue('nps', score),
                  weight: 1 / v,
                  terms: t === 0 && weeks.after.includes(week) ? [0] : [],
                });
            }
          }
        });
        const fit = fitModel(raw, [0]);
        expect(effect.estimate).toBeCloseTo(fit.estimate(0), 6);
        expect(effect.se ** 2 / effect.phi!).toBeCloseTo(fit.covariance(0, 0) / fit.phi, 6);
      }),
      { numRuns: 60 },
    );
  });

  // The next two hold the weights still: a card's weights come from each touchpoint's variance over the window, which
  // itself moves when the answers move, so they are properties of the fitted model for given cells and weights.
  it("adding a constant to the treated touchpoint's after weeks moves the effect by exactly that constant", () => {
    fc.assert(
      fc.property(designArb, fc.double({ min: -30, max: 30, noNaN: true }), ({ cells }, c) => {
        const before = fitModel(cells, [0, 1, 2]);
        const shifted = cells.map((cell) => (cell.terms.includes(0) ? { ...cell, y: cell.y + c } : cell));
        const after = fitModel(shifted, [0, 1, 2]);
        expect(after.estimate(0) - before.estimate(0)).toBeCloseTo(c, 6);
        // A term whose change covers all of its touchpoint's cells is absorbed by the level and left out.
        if (before.terms.includes(1)) expect(after.estimate(1)).toBeCloseTo(before.estimate(1), 6);
      }),
      { numRuns: 100 },
    );
  });

  it('a shift shared by every touchpoint, in any weeks, moves it by nothing', () => {
    fc.assert(
      fc.property(
        designArb,
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.subarray(allWeeks, { minLength: 1 }),
        ({ cells }, c, shiftedWeeks) => {
          const before = fitModel(cells, [0, 1, 2]);
          const shifted = cells.map((cell) => (shiftedWeeks.includes(cell.week) ? { ...cell, y: cell.y + c } : cell));
          expect(fitModel(shifted, [0, 1, 2]).estimate(0)).toBeCloseTo(before.estimate(0), 6);
        },
      ),
      { numRuns: 100 },
    );
  });
});

/**
 * Cells of 3 to 6 touchpoints over the window with any scores and weights: term 0 is the change at touchpoint 0
 * from its after window on; terms 1 and 2 are other changes at touchpoints 1 and 2 from weeks that vary.
 */
const designArb = fc
  .record({
    touchpoints: fc.integer({ min: 3, max: 6 }),
    starts: fc.tuple(fc.constantFrom(...modelled), fc.constantFrom(...modelled)),
    values: fc.array(
      fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.001, max: 1, noNaN: true })),
      {
        minLength: 6 * modelled.length,
        maxLength: 6 * modelled.length,
      },
    ),
  })
  .map(({ touchpoints, starts, values }) => {
    const cells: ModelCell[] = [];
    for (let t = 0; t < touchpoints; t++) {
      modelled.forEach((week, i) => {
        const [y, weight] = values[t * modelled.length + i]!;
        const terms: number[] = [];
        if (t === 0 && weeks.after.includes(week)) terms.push(0);
        if (t === 1 && week >= starts[0]) terms.push(1);
        if (t === 2 && week >= starts[1]) terms.push(2);
        cells.push({ touchpoint: t, week, y, weight, terms });
      });
    }
    return { cells };
  });
