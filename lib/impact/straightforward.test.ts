/**
 * The card as optimized (flat cells, work space reused from fit to fit, one grid of cells per card for all its
 * estimates) against the straightforward estimate (straightforward.test-helpers.ts: maps, a full design matrix,
 * nothing absorbed or reused), on random organizations, changes and windows: the same numbers within 1e-9.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { impactCard } from './card';
import type { MetricImpact } from './card-schema';
import { estimateEffect, type Effect } from './estimate';
import { referenceInputs, randomCardInput, straightforwardEffect } from './straightforward.test-helpers';
import { PLACEBO_HISTORY } from './window';

const close = (actual: number | null | undefined, expected: number | null | undefined) => {
  if (expected === null || expected === undefined) return expect(actual).toBe(expected);
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
};

/** Everything an estimate tells a card (with `variances`, also its variance with more answers after). */
function expectSameEffect(actual: Effect | null, expected: Effect | null, variances = true) {
  expect(actual === null).toBe(expected === null);
  if (!actual || !expected) return;
  expect(actual.estimator).toBe(expected.estimator);
  for (const key of ['estimate', 'se', 'low', 'high', 'p', 'phi', 'df'] as const) close(actual[key], expected[key]);
  expect([actual.comparison, actual.heldApart, actual.joint, actual.indistinct]).toEqual([
    expected.comparison,
    expected.heldApart,
    expected.joint,
    expected.indistinct,
  ]);
  expect([actual.before, actual.after]).toEqual([expected.before, expected.after]);
  if (variances) for (const scale of [1, 1.7, 40]) close(actual.varianceAt(scale), expected.varianceAt(scale));
}

const keys = (refs: MetricImpact['heldApart']) => refs.map((r) => `${r.kind}:${r.id}`);
const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe('the optimized card equals the straightforward estimate', () => {
  it('on every metric of a random card: the effect, its interval, p, phi and df, and the changes it names', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const input = randomCardInput(seed);
        for (const metric of impactCard(input).metrics) {
          const { measure, cells, others, stageOf, treated } = referenceInputs(input, metric.metric);
          const change = { week: 0, touchpoints: treated };
          const expected = straightforwardEffect({ measure, cells, change, others, windows: input.windows, stageOf });
          expect(metric.estimator).toBe(expected?.estimator ?? 'model');
          if (!expected) continue;
          // TTR is modelled on ln(hours) and shown in percent.
          const shown = (x: number) => (measure === 'ttr' ? 100 * (Math.exp(x) - 1) : x);
          for (const key of ['estimate', 'low', 'high'] as const) close(metric[key], shown(expected[key]));
          close(metric.se, measure === 'ttr' ? 100 * Math.exp(expected.estimate) * expected.se : expected.se);
          for (const key of ['p', 'phi', 'df'] as const) close(metric[key], expected[key]);
          expect(metric.comparison.map((c) => c.id)).toEqual(expected.comparison);
          expect([keys(metric.heldApart), keys(metric.joint), keys(metric.indistinct)]).toEqual([
            expected.heldApart,
            expected.joint,
            expected.indistinct,
          ]);
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('in the placebo line a card draws with pretend changes at past weeks', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const input = randomCardInput(seed);
        const first = impactCard(input).metrics[0];
        if (!first) return;
        const { measure, cells, others, stageOf, treated } = referenceInputs(input, first.metric);
        const { baselineWeeks: b, washoutWeeks: w, afterWeeks: a } = input.windows;
        const earliest = Math.min(...treated.flatMap((id) => [...(cells.get(id)?.keys() ?? [])]));
        let [flagged, total] = [0, 0];
        for (let week = -PLACEBO_HISTORY + b; week <= -(w + a) && earliest <= -PLACEBO_HISTORY; week++) {
          const change = { week, touchpoints: treated };
          const pretend = { measure, cells, change, others, windows: input.windows, stageOf, quick: true };
          const expected = straightforwardEffect(pretend);
          expectSameEffect(estimateEffect(pretend), expected, false);
          if (expected?.estimator !== 'model') continue;
          total += 1;
          if (expected.p < 0.05) flagged += 1;
        }
        expect(first.placebo).toEqual(total > 0 ? { flagged, total } : null);
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  it('in every estimate of a change at any week, with any windows, and its variance with more answers after', () => {
    fc.assert(
      fc.property(
        seeds,
        fc.integer({ min: -14, max: 0 }),
        fc.record({
          baselineWeeks: fc.integer({ min: 1, max: 12 }),
          washoutWeeks: fc.integer({ min: 0, max: 2 }),
          afterWeeks: fc.integer({ min: 1, max: 6 }),
        }),
        fc.boolean(),
        (seed, week, windows, quick) => {
          const input = randomCardInput(seed);
          const metric = (['nps', 'csat', 'ces', 'nev', 'ttr'] as const)[seed % 5]!;
          const { measure, cells, others, stageOf, treated } = referenceInputs(input, metric);
          const estimate = { measure, cells, change: { week, touchpoints: treated }, others, windows, stageOf, quick };
          expectSameEffect(estimateEffect(estimate), straightforwardEffect(estimate));
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});
