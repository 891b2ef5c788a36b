/**
 * The model of IMPACT.md, fitted by weighted least squares in closed form:
 *   y_tw = a_t + g_w + sum_j b_j * D_jtw + e_tw,   weights w_tw = n_tw / v_t.
 * The touchpoint levels a_t are absorbed (each cell has exactly one, so their block of X'WX is diagonal and its
 * Schur complement is small); the week shifts (one week is the reference) and the change terms are solved by a
 * Cholesky factorization that pivots in the given order. A column that adds (almost) nothing beyond the columns
 * before it is reported as dependent, with the earlier terms it is made of, never split by a pseudo-inverse.
 * With `absorb`, the changes made at one touchpoint only are absorbed with its level too (FitOptions).
 */

export interface ModelCell {
  touchpoint: number;
  week: number;
  y: number;
  weight: number;
  /** The change terms active in this cell (D_jtw = 1). */
  terms: readonly number[];
}

export interface Dependency {
  term: number;
  /** The earlier terms its column is a combination of (besides levels and week shifts); empty when it has none. */
  partners: number[];
}

export interface ModelFit {
  /** Terms in the fit, with their estimate, in the order given. */
  terms: number[];
  estimate(term: number): number;
  /** phi * (X'WX)^-1 for two terms in the fit; throws for a term absorbed with its touchpoint's level. */
  covariance(a: number, b: number): number;
  /** Residual dispersion, floored at 1 (exactly 1 when no residual degrees of freedom are left). */
  phi: number;
  /** The raw weighted residual sum of squares over the residual degrees of freedom; null without any. */
  rawPhi: number | null;
  /** Residual degrees of freedom; null when none are left (then the normal distribution is used). */
  df: number | null;
  /** Terms left out because their columns carry nothing new, in the order given. */
  dependent: Dependency[];
  cells: number;
}

export interface FitOptions {
  /**
   * Absorb with each touchpoint's level the change terms active at that touchpoint only (never the first term, the
   * card's own change): a fit with many such changes then solves a few small blocks and a small rest. The terms,
   * estimates, covariances of the other terms, phi, df and the dependent terms with their partners are the full
   * fit's (in the few designs where they could differ, it is the full fit); covariance throws for an absorbed term.
   */
  absorb?: boolean;
}

/** A column with less than this share of its own variation (after the columns before it) counts as dependent. */
export const COLLINEAR_TOLERANCE = 1e-6;
/** Coefficients below this are numerical noise when naming the terms a dependent column is made of. */
const PARTNER_TOLERANCE = 1e-6;
/**
 * When a week or a remaining term keeps less than this share of its variation after the absorbed changes, the full
 * fit decides instead: its pivot order (weeks, then the terms in the order given) names which column is dependent.
 */
const ABSORB_MARGIN = 1e-3;

/**
 * Fits the model. `termOrder` lists the change terms to include, in pivot order (the card's own change first, so
 * a later change that duplicates it is the one reported dependent on it).
 */
export function fitModel(
  cells: readonly ModelCell[],
  termOrder: readonly number[],
  options: FitOptions = {},
): ModelFit {
  const local = options.absorb ? localTerms(cells, termOrder) : new Map<number, number>();
  return (local.size > 0 ? fitWith(cells, termOrder, local) : null) ?? fitWith(cells, termOrder, new Map())!;
}

/** The terms (but the first) active in the cells of one touchpoint only: term -> that touchpoint. */
function localTerms(cells: readonly ModelCell[], termOrder: readonly number[]): Map<number, number> {
  const candidates = new Set(termOrder.slice(1));
  const at = new Map<number, number>();
  const shared = new Set<number>();
  for (const cell of cells) {
    for (const term of cell.terms) {
      if (!candidates.has(term)) continue;
      const touchpoint = at.get(term);
      if (touchpoint === undefined) at.set(term, cell.touchpoint);
      else if (touchpoint !== cell.touchpoint) shared.add(term);
    }
  }
  for (const term of shared) at.delete(term);
  return at;
}

/**
 * A touchpoint's level: its sums of w (D) and w*y (Y). Its other sums live in one array per fit from offset S on: of
 * w per column (S, p), and for its absorbed terms (k of them, in the order given) of w (s), of w*y (h), of w with each
 * other (G, k x k) and with the columns (C, k x p). Eliminating them adds the kept ones (block positions) and, in a
 * second array from offset L on, their Cholesky factor (L, k x k), L^-1 h (z) and L^-1 C on the columns the
 * touchpoint touches (V, kept x nonzero); their estimates go to a third, from offset b on.
 */
interface Level {
  D: number;
  Y: number;
  terms: readonly number[];
  nonzero: number[];
  kept: number[];
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

function newLevel(terms: readonly number[], p: number, S: number): Level {
  const k = terms.length;
  const [s, h, G, C] = [S + p, S + p + k, S + p + 2 * k, S + p + 2 * k + k * k];
  return { D: 0, Y: 0, terms, nonzero: [], kept: [], k, S, s, h, G, C, L: 0, z: 0, V: 0, b: 0 };
}
const sumsSize = (level: Level, p: number) => level.C + level.k * p - level.S;

/**
 * The fit with the terms in `local` absorbed with their touchpoint's level (none: the full fit). An absorbed term
 * dependent in its block is dependent in the full fit too, on the same partners. The full fit can also find one
 * dependent on week shifts or other touchpoints' terms (in a week where every touchpoint with cells has a change of
 * its own starting, say); then a week or remaining column comes out (nearly) dependent here instead, and this
 * returns null: only the full fit's pivot order names the column the card must merge or drop.
 */
function fitWith(
  cells: readonly ModelCell[],
  termOrder: readonly number[],
  local: ReadonlyMap<number, number>,
): ModelFit | null {
  const weeks = [...new Set(cells.map((c) => c.week))].sort((a, b) => a - b);
  const weekColumn = new Map(weeks.slice(1).map((w, i) => [w, i]));
  // Columns: weeks, then the terms not absorbed. An absorbed term is coded -1 - its position in its touchpoint's block.
  const codeOf = new Map<number, number>();
  const columnTerms: number[] = [];
  const localsAt = new Map<number, number[]>();
  for (const term of termOrder) {
    const touchpoint = local.get(term);
    if (touchpoint === undefined) {
      codeOf.set(term, weekColumn.size + columnTerms.length);
      columnTerms.push(term);
      continue;
    }
    const list = localsAt.get(touchpoint) ?? [];
    codeOf.set(term, -1 - list.length);
    localsAt.set(touchpoint, [...list, term]);
  }
  const p = weekColumn.size + columnTerms.length;

  // Each cell's level, and its columns and block positions (flat, from each cell's start), found once.
  const levels: Level[] = [];
  const levelIndex = new Map<number, number>();
  const levelOfCell: number[] = [];
  const start = [0];
  const columnsAt: number[] = [];
  const positionStart = [0];
  const positionsAt: number[] = [];
  let size = 0;
  let last = Number.NaN;
  let at = -1;
  for (const cell of cells) {
    if (cell.touchpoint !== last) {
      last = cell.touchpoint;
      at = levelIndex.get(last) ?? -1;
      if (at < 0) {
        const level = newLevel(localsAt.get(last) ?? [], p, size);
        size += sumsSize(level, p);
        levelIndex.set(last, (at = levels.length));
        levels.push(level);
      }
    }
    levelOfCell.push(at);
    const week = weekColumn.get(cell.week);
    if (week !== undefined) columnsAt.push(week);
    for (const term of cell.terms) {
      const code = codeOf.get(term);
      if (code === undefined) continue;
      if (code >= 0) columnsAt.push(code);
      else positionsAt.push(-1 - code);
    }
    start.push(columnsAt.length);
    positionStart.push(positionsAt.length);
  }

  // Normal equations with the touchpoint levels absorbed: M = X'WX - sum_t S_t S_t' / D_t, r likewise.
  const M = new Float64Array(p * p);
  const r = new Float64Array(p);
  const sums = new Float64Array(size);
  cells.forEach((cell, c) => {
    const level = levels[levelOfCell[c]!]!;
    const [w, y, S] = [cell.weight, cell.y, level.S];
    level.D += w;
    level.Y += w * y;
    for (let x = start[c]!; x < start[c + 1]!; x++) {
      const i = columnsAt[x]!;
      sums[S + i]! += w;
      r[i]! += w * y;
      for (let e = start[c]!; e < start[c + 1]!; e++) M[i * p + columnsAt[e]!]! += w;
    }
    const { k, s, h, G, C } = level;
    for (let x = positionStart[c]!; x < positionStart[c + 1]!; x++) {
      const a = positionsAt[x]!;
      sums[s + a]! += w;
      sums[h + a]! += w * y;
      for (let e = positionStart[c]!; e < positionStart[c + 1]!; e++) sums[G + a * k + positionsAt[e]!]! += w;
      for (let e = start[c]!; e < start[c + 1]!; e++) sums[C + a * p + columnsAt[e]!]! += w;
    }
  });
  // A column the levels make (a change covering all the cells of each of its touchpoints, where its S is D) carries
  // nothing; what X'WX - S S' / D leaves of it is rounding, on either side of 0, so it is told apart exactly.
  const varies = new Uint8Array(p);
  for (const level of levels) {
    const { D, Y, S, nonzero } = level;
    // S is sparse: a touchpoint's cells touch the week columns and the few changes made there.
    for (let i = 0; i < p; i++) if (sums[S + i] !== 0) nonzero.push(i);
    for (const i of nonzero) {
      const si = sums[S + i]!;
      if (si !== D) varies[i] = 1;
      r[i]! -= (si * Y) / D;
      for (const j of nonzero) M[i * p + j]! -= (si * sums[S + j]!) / D;
    }
  }
  // Each column's own variation beyond the levels, before any absorbed change: what the full fit measures it by.
  const own = Float64Array.from({ length: p }, (_, j) => (varies[j] ? M[j * p + j]! : 0));

  const dependent: Dependency[] = [];
  let [factorSize, estimates] = [0, 0];
  for (const level of levels) {
    [level.L, level.z, level.V] = [factorSize, factorSize + level.k ** 2, factorSize + level.k ** 2 + level.k];
    factorSize = level.V + level.k * level.nonzero.length;
    [level.b, estimates] = [estimates, estimates + level.k];
  }
  const factor = new Float64Array(factorSize);
  let absorbed = 0;
  for (const level of levels) if (level.k > 0) absorbed += eliminate(level, sums, factor, M, r, p, dependent);

  // Cholesky in the given order; L is stored by rows (p x p), filled at the kept columns only.
  const kept: number[] = [];
  const keptAt = new Int32Array(p);
  const L = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    const rowJ = j * p;
    let d = M[rowJ + j]!;
    for (let a = 0; a < kept.length; a++) d -= L[rowJ + keptAt[a]!]! ** 2;
    if (absorbed > 0 && own[j]! > 0 && d <= ABSORB_MARGIN * own[j]!) return null;
    if (!(own[j]! > 0) || d <= COLLINEAR_TOLERANCE * own[j]!) {
      if (j >= weekColumn.size) dependent.push({ term: columnTerms[j - weekColumn.size]!, partners: partnersOf(j) });
      continue;
    }
    const pivot = Math.sqrt(d);
    L[rowJ + j] = pivot;
    for (let i = j + 1; i < p; i++) {
      const rowI = i * p;
      let v = M[rowI + j]!;
      for (let a = 0; a < kept.length; a++) {
        const k = keptAt[a]!;
        v -= L[rowI + k]! * L[rowJ + k]!;
      }
      L[rowI + j] = v / pivot;
    }
    keptAt[kept.length] = j;
    kept.push(j);
  }

  /** The coefficients of column j on the kept columns: solve L_K' c = L[j, K]; name the change terms among them. */
  function partnersOf(j: number): number[] {
    return combination(L, 0, p, kept, j)
      .filter((k) => k >= weekColumn.size)
      .map((k) => columnTerms[k - weekColumn.size]!);
  }

  // Solve L L' beta = r on the kept columns (Lk: L compacted to the kept rows and columns).
  const m = kept.length;
  const Lk = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b <= a; b++) Lk[a * m + b] = L[kept[a]! * p + kept[b]!]!;
  const z = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    let v = r[kept[a]!]!;
    for (let b = 0; b < a; b++) v -= Lk[a * m + b]! * z[b]!;
    z[a] = v / Lk[a * m + a]!;
  }
  const beta = new Float64Array(m);
  for (let a = m - 1; a >= 0; a--) {
    let v = z[a]!;
    for (let b = a + 1; b < m; b++) v -= Lk[b * m + a]! * beta[b]!;
    beta[a] = v / Lk[a * m + a]!;
  }
  // Columns of L^-1 (lower triangular), solved when a covariance asks for them: a card needs a few, not all.
  const inverseColumns = new Map<number, Float64Array>();
  const inverseColumn = (col: number) => {
    let x = inverseColumns.get(col);
    if (x) return x;
    x = new Float64Array(m);
    x[col] = 1 / Lk[col * m + col]!;
    for (let a = col + 1; a < m; a++) {
      let v = 0;
      for (let b = col; b < a; b++) v -= Lk[a * m + b]! * x[b]!;
      x[a] = v / Lk[a * m + a]!;
    }
    inverseColumns.set(col, x);
    return x;
  };

  const betaOfColumn = new Float64Array(p);
  kept.forEach((column, a) => (betaOfColumn[column] = beta[a]!));
  // Each touchpoint's absorbed terms (by block position), then its fitted level: (Y - S'beta - s'b) / D.
  const localEstimate = new Map<number, number>();
  const b = new Float64Array(estimates);
  const levelOf = levels.map((level) => {
    let v = level.Y;
    for (const i of level.nonzero) v -= sums[level.S + i]! * betaOfColumn[i]!;
    if (level.kept.length > 0) solveBlock(level, factor, betaOfColumn, b);
    for (const a of level.kept) {
      localEstimate.set(level.terms[a]!, b[level.b + a]!);
      v -= sums[level.s + a]! * b[level.b + a]!;
    }
    return v / level.D;
  });
  let rss = 0;
  cells.forEach((cell, c) => {
    const level = levels[levelOfCell[c]!]!;
    let fitted = levelOf[levelOfCell[c]!]!;
    for (let x = start[c]!; x < start[c + 1]!; x++) fitted += betaOfColumn[columnsAt[x]!]!;
    for (let x = positionStart[c]!; x < positionStart[c + 1]!; x++) fitted += b[level.b + positionsAt[x]!]!;
    rss += cell.weight * (cell.y - fitted) ** 2;
  });
  const residualDf = cells.length - levels.length - m - absorbed;
  const rawPhi = residualDf > 0 ? rss / residualDf : null;
  const phi = rawPhi === null ? 1 : Math.max(1, rawPhi);

  const indexOf = new Map(kept.map((column, a) => [column, a]));
  const position = (term: number) => {
    if (localEstimate.has(term)) throw new RangeError(`term ${term} is absorbed with its touchpoint's level`);
    const column = codeOf.get(term);
    const a = column === undefined ? undefined : indexOf.get(column);
    if (a === undefined) throw new RangeError(`term ${term} is not in the fit`);
    return a;
  };
  const dependentTerms = new Set(dependent.map((d) => d.term));
  const order = new Map(termOrder.map((t, i) => [t, i]));
  return {
    terms: termOrder.filter((t) => !dependentTerms.has(t)),
    estimate: (term) => localEstimate.get(term) ?? beta[position(term)]!,
    covariance(x, y) {
      const a = position(x);
      const b = position(y);
      const [ca, cb] = [inverseColumn(a), inverseColumn(b)];
      let v = 0;
      for (let k = Math.max(a, b); k < m; k++) v += ca[k]! * cb[k]!;
      return phi * v;
    },
    phi,
    rawPhi,
    df: residualDf > 0 ? residualDf : null,
    dependent: dependent.sort((a, b) => order.get(a.term)! - order.get(b.term)!),
    cells: cells.length,
  };
}

/**
 * Eliminates a touchpoint's absorbed terms, net of its level, by their own Cholesky in the given order (the same
 * tolerance rule; a dependent one is made of the block's earlier terms, a constant one of none), and takes their
 * part out of M and r (the Schur complement). Returns how many were kept.
 */
function eliminate(
  level: Level,
  sums: Float64Array,
  factor: Float64Array,
  M: Float64Array,
  r: Float64Array,
  p: number,
  dependent: Dependency[],
): number {
  const { D, Y, S, terms, nonzero, kept, k, s, h, G, C, L, z, V } = level;
  const q = nonzero.length;
  // The terms net of the level, as the full fit has them (G - s s' / D), factored in the order given.
  const netOf = (a: number, b: number) => sums[G + a * k + b]! - (sums[s + a]! * sums[s + b]!) / D;
  for (let j = 0; j < k; j++) {
    // A term covering all of the touchpoint's cells is the level again: nothing of its own.
    const own = sums[s + j] === D ? 0 : netOf(j, j);
    let d = own;
    for (const a of kept) d -= factor[L + j * k + a]! ** 2;
    if (!(own > 0) || d <= COLLINEAR_TOLERANCE * own) {
      dependent.push({ term: terms[j]!, partners: combination(factor, L, k, kept, j).map((a) => terms[a]!) });
      continue;
    }
    const pivot = Math.sqrt(d);
    factor[L + j * k + j] = pivot;
    for (let i = j + 1; i < k; i++) {
      let v = netOf(i, j);
      for (const a of kept) v -= factor[L + i * k + a]! * factor[L + j * k + a]!;
      factor[L + i * k + j] = v / pivot;
    }
    kept.push(j);
  }
  // V = L^-1 (C - s S' / D) on the touchpoint's nonzero columns, z = L^-1 (h - s Y / D); then M -= V'V, r -= V'z.
  kept.forEach((a, x) => {
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
  });
  for (let x = 0; x < kept.length; x++) {
    for (let c = 0; c < q; c++) {
      const vc = factor[V + x * q + c]!;
      const i = nonzero[c]!;
      r[i]! -= vc * factor[z + x]!;
      for (let e = 0; e < q; e++) M[i * p + nonzero[e]!]! -= vc * factor[V + x * q + e]!;
    }
  }
  return kept.length;
}

/** A touchpoint's absorbed terms' estimates given the other columns' beta, into `estimates`: solve L' b = z - V beta. */
function solveBlock(level: Level, factor: Float64Array, beta: Float64Array, estimates: Float64Array) {
  const { nonzero, kept, k, L, z, V, b } = level;
  const q = nonzero.length;
  for (let x = kept.length - 1; x >= 0; x--) {
    const a = kept[x]!;
    let v = factor[z + x]!;
    for (let c = 0; c < q; c++) v -= factor[V + x * q + c]! * beta[nonzero[c]!]!;
    for (let y = x + 1; y < kept.length; y++) v -= factor[L + kept[y]! * k + a]! * estimates[b + kept[y]!]!;
    estimates[b + a] = v / factor[L + a * k + a]!;
  }
}

/**
 * The kept columns (latest first) that column j is a combination of: solve L_K' c = L[j, K] for the coefficients,
 * L stored by rows (n x n) from offset at, and keep those above the noise.
 */
function combination(L: Float64Array, at: number, n: number, kept: readonly number[], j: number): number[] {
  const c = new Float64Array(kept.length);
  const named: number[] = [];
  for (let a = kept.length - 1; a >= 0; a--) {
    const k = kept[a]!;
    let v = L[at + j * n + k]!;
    for (let b = a + 1; b < kept.length; b++) v -= L[at + kept[b]! * n + k]! * c[b]!;
    c[a] = v / L[at + k * n + k]!;
    if (Math.abs(c[a]!) > PARTNER_TOLERANCE) named.push(k);
  }
  return named;
}
