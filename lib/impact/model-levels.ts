/**
 * The touchpoint levels of a fit (model.ts) and the changes absorbed with them: each level's block of the normal
 * equations is eliminated by its own Cholesky, leaving a small rest for the week shifts and the other terms.
 */
import type { Dependency } from './model';

/** A column with less than this share of its own variation (after the columns before it) counts as dependent. */
export const COLLINEAR_TOLERANCE = 1e-6;
/** Coefficients below this are numerical noise when naming the terms a dependent column is made of. */
const PARTNER_TOLERANCE = 1e-6;

/**
 * A touchpoint's level: its sums of w (D) and w*y (Y). Its other sums live in one array per fit from offset S on: of
 * w per column (S, p), and for its absorbed terms (k of them, in the order given, listed from termsFrom on among the
 * fit's absorbed terms) of w (s), of w*y (h), of w with each other (G, k x k) and with the columns (C, k x p).
 * Eliminating them adds the kept ones (block positions) and, in a second array from offset L on, their Cholesky
 * factor (L, k x k), L^-1 h (z) and L^-1 C on the columns the touchpoint touches (V, kept x nonzero); their
 * estimates go to a third, from offset b on.
 */
export interface Level {
  D: number;
  Y: number;
  termsFrom: number;
  /** The columns its cells touch (the first q) and its absorbed terms kept (the first kn): arrays that are reused. */
  nonzero: number[];
  q: number;
  kept: number[];
  kn: number;
  k: number;
  S: number;
  s: number;
  h: number;
  G: number;
  C: number;
  L: number;
  z: number;
  V: number;
  b: number;
}

/** The touchpoint levels, reused by every fit (levelAt sets one up anew). */
const levelPool: Level[] = [];

/** A fit's i-th level, set up anew for a touchpoint with k absorbed terms (from termsFrom on), its sums from S on. */
export function levelAt(i: number, termsFrom: number, k: number, p: number, S: number): Level {
  const level = (levelPool[i] ??= { ...NO_LEVEL, nonzero: [], kept: [] });
  // Plain assignments, as in the fit's loops: destructuring numbers can allocate on every call.
  level.D = level.Y = 0;
  level.termsFrom = termsFrom;
  level.k = k;
  level.S = S;
  level.s = S + p;
  level.h = S + p + k;
  level.G = S + p + 2 * k;
  level.C = S + p + 2 * k + k * k;
  level.L = level.z = level.V = level.b = 0;
  level.q = level.kn = 0;
  return level;
}
export const sumsSize = (level: Level, p: number) => level.C + level.k * p - level.S;
/** A level as the pool makes it, before levelAt sets it up. */
const NO_LEVEL: Level = {
  D: 0,
  Y: 0,
  termsFrom: 0,
  nonzero: [],
  q: 0,
  kept: [],
  kn: 0,
  k: 0,
  S: 0,
  s: 0,
  h: 0,
  G: 0,
  C: 0,
  L: 0,
  z: 0,
  V: 0,
  b: 0,
};

/**
 * Eliminates a touchpoint's absorbed terms, net of its level, by their own Cholesky in the given order (the same
 * tolerance rule; a dependent one is made of the block's earlier terms, a constant one of none), and takes their
 * part out of M and r (the Schur complement). Returns how many were kept.
 */
export function eliminate(
  level: Level,
  absorbedTerms: Int32Array,
  sums: Float64Array,
  factor: Float64Array,
  M: Float64Array,
  r: Float64Array,
  p: number,
  dependent: Dependency[],
): number {
  const { D, Y, S, termsFrom, nonzero, q, kept, k, s, h, G, C, L, z, V } = level;
  const termAt = (a: number) => absorbedTerms[termsFrom + a]!;
  let kn = 0;
  // The terms net of the level, as the full fit has them (G - s s' / D), factored in the order given.
  const netOf = (a: number, b: number) => sums[G + a * k + b]! - (sums[s + a]! * sums[s + b]!) / D;
  for (let j = 0; j < k; j++) {
    // A term covering all of the touchpoint's cells is the level again: nothing of its own.
    const own = sums[s + j] === D ? 0 : netOf(j, j);
    let d = own;
    for (let x = 0; x < kn; x++) d -= factor[L + j * k + kept[x]!]! ** 2;
    if (!(own > 0) || d <= COLLINEAR_TOLERANCE * own) {
      const entry = (i: number, a: number) => factor[L + i * k + kept[a]!]!;
      dependent.push({ term: termAt(j), partners: combination(entry, kept.slice(0, kn), j).map(termAt) });
      continue;
    }
    const pivot = Math.sqrt(d);
    factor[L + j * k + j] = pivot;
    for (let i = j + 1; i < k; i++) {
      let v = netOf(i, j);
      for (let x = 0; x < kn; x++) v -= factor[L + i * k + kept[x]!]! * factor[L + j * k + kept[x]!]!;
      factor[L + i * k + j] = v / pivot;
    }
    kept[kn++] = j;
  }
  level.kn = kn;
  // V = L^-1 (C - s S' / D) on the touchpoint's nonzero columns, z = L^-1 (h - s Y / D); then M -= V'V, r -= V'z.
  for (let x = 0; x < kn; x++) {
    const a = kept[x]!;
    const pivot = factor[L + a * k + a]!;
    for (let c = 0; c < q; c++) {
      const j = nonzero[c]!;
      let v = sums[C + a * p + j]! - (sums[s + a]! * sums[S + j]!) / D;
      for (let y = 0; y < x; y++) v -= factor[L + a * k + kept[y]!]! * factor[V + y * q + c]!;
      factor[V + x * q + c] = v / pivot;
    }
    let v = sums[h + a]! - (sums[s + a]! * Y) / D;
    for (let y = 0; y < x; y++) v -= factor[L + a * k + kept[y]!]! * factor[z + y]!;
    factor[z + x] = v / pivot;
  }
  for (let x = 0; x < kn; x++) {
    for (let c = 0; c < q; c++) {
      const vc = factor[V + x * q + c]!;
      const i = nonzero[c]!;
      r[i]! -= vc * factor[z + x]!;
      for (let e = 0; e < q; e++) M[i * p + nonzero[e]!]! -= vc * factor[V + x * q + e]!;
    }
  }
  return kn;
}

/** A touchpoint's absorbed terms' estimates given the other columns' beta, into `estimates`: solve L' b = z - V beta. */
export function solveBlock(level: Level, factor: Float64Array, beta: Float64Array, estimates: Float64Array) {
  const { nonzero, q, kept, kn, k, L, z, V, b } = level;
  for (let x = kn - 1; x >= 0; x--) {
    const a = kept[x]!;
    let v = factor[z + x]!;
    for (let c = 0; c < q; c++) v -= factor[V + x * q + c]! * beta[nonzero[c]!]!;
    for (let y = x + 1; y < kn; y++) v -= factor[L + kept[y]! * k + a]! * estimates[b + kept[y]!]!;
    estimates[b + a] = v / factor[L + a * k + a]!;
  }
}

/**
 * The kept columns (latest first) that column j is a combination of: solve L_K' c = L[j, K] for the coefficients,
 * with entry(i, a) the factor's row i at the a-th kept column, and keep those above the noise.
 */
export function combination(entry: (i: number, a: number) => number, kept: readonly number[], j: number): number[] {
  const c = new Float64Array(kept.length);
  const named: number[] = [];
  for (let a = kept.length - 1; a >= 0; a--) {
    const k = kept[a]!;
    let v = entry(j, a);
    for (let b = a + 1; b < kept.length; b++) v -= entry(kept[b]!, a) * c[b]!;
    c[a] = v / entry(k, a);
    if (Math.abs(c[a]!) > PARTNER_TOLERANCE) named.push(k);
  }
  return named;
}
