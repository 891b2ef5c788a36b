/** Simulated answers for the impact method's tests: a seeded generator and NPS cells with known effects. */
import { type Sums, sumsOf } from './answers';
import type { WeeklyCells } from './estimate';

/** mulberry32: a small seeded generator, so every simulated case is the same on every run. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One week of NPS answers with an expected score of `score` points: promoters and detractors around 40/20%,
 * moved by score/2 each way, so the expected NPS is 20 + score.
 */
export function npsWeek(random: () => number, n: number, score: number): Sums {
  const promoters = Math.min(0.95, Math.max(0.02, 0.4 + score / 200));
  const detractors = Math.min(0.95 - promoters, Math.max(0.02, 0.2 - score / 200));
  const histogram = new Map<number, number>([
    [10, 0],
    [8, 0],
    [0, 0],
  ]);
  for (let i = 0; i < n; i++) {
    const u = random();
    const score10 = u < promoters ? 10 : u < promoters + detractors ? 0 : 8;
    histogram.set(score10, histogram.get(score10)! + 1);
  }
  return sumsOf('nps', histogram);
}

/** Cells for `touchpoints` x weeks `from..to`, each week's expected score given by `score(t, week)`. */
export function simulate(
  random: () => number,
  touchpoints: readonly string[],
  from: number,
  to: number,
  score: (touchpoint: string, week: number) => number,
  n: (touchpoint: string, week: number) => number = () => 120,
): WeeklyCells {
  return new Map(
    touchpoints.map((id) => {
      const weeks = new Map<number, Sums>();
      for (let week = from; week <= to; week++) {
        const size = n(id, week);
        if (size > 0) weeks.set(week, npsWeek(random, size, score(id, week)));
      }
      return [id, weeks];
    }),
  );
}
