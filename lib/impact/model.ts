/**
 * The model of IMPACT.md, fitted by weighted least squares in closed form:
 *   y_tw = a_t + g_w + sum_j b_j * D_jtw + e_tw,   weights w_tw = n_tw / v_t.
 * The touchpoint levels a_t are absorbed (each cell has exactly one, so their block of X'WX is diagonal and its
 * Schur complement is small); the week shifts (one week is the reference) and the change terms are solved by a
 * Cholesky factorization that pivots in the given order. A column that adds (almost) nothing beyond the columns
 * before it is reported as dependent, with the earlier terms it is made of, never split by a pseudo-inverse.
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
  /** phi * (X'WX)^-1 for two terms in the fit. */
  covariance(a: number, b: number): number;
  /** Residual dispersion, floored at 1 (exactly 1 when no residual degrees of freedom are left). */
  phi: number;
  /** The raw weighted residual sum of squares over the residual degrees of freedom; null without any. */
  rawPhi: number | null;
  /** Residual degrees of freedom; null when none are left (then the normal distribution is used). */
  df: number | null;
  /** Terms left out because their columns carry nothing new. */
  dependent: Dependency[];
  cells: number;
}

/** A column with less than this share of its own variation (after the columns before it) counts as dependent. */
export const COLLINEAR_TOLERANCE = 1e-6;
/** Coefficients below this are numerical noise when naming the terms a dependent column is made of. */
const PARTNER_TOLERANCE = 1e-6;

/**
 * Fits the model. `termOrder` lists the change terms to include, in pivot order (the card's own change first, so
 * a later change that duplicates it is the one reported dependent on it).
 */
export function fitModel(cells: readonly ModelCell[], termOrder: readonly number[]): ModelFit {
  const weeks = [...new Set(cells.map((c) => c.week))].sort((a, b) => a - b);
  const weekColumn = new Map(weeks.slice(1).map((w, i) => [w, i]));
  const termColumn = new Map(termOrder.map((t, i) => [t, weekColumn.size + i]));
  const p = weekColumn.size + termOrder.length;
  const columnsOf = (cell: ModelCell) => {
    const columns: number[] = [];
    const week = weekColumn.get(cell.week);
    if (week !== undefined) columns.push(week);
    for (const term of cell.terms) {
      const column = termColumn.get(term);
      if (column !== undefined) columns.push(column);
    }
    return columns;
  };

  // Normal equations with the touchpoint levels absorbed: M = X'WX - sum_t S_t S_t' / D_t, r likewise.
  const M = new Float64Array(p * p);
  const r = new Float64Array(p);
  const levels = new Map<number, { D: number; Y: number; S: Float64Array }>();
  for (const cell of cells) {
    const columns = columnsOf(cell);
    let level = levels.get(cell.touchpoint);
    if (!level) levels.set(cell.touchpoint, (level = { D: 0, Y: 0, S: new Float64Array(p) }));
    level.D += cell.weight;
    level.Y += cell.weight * cell.y;
    for (const i of columns) {
      level.S[i]! += cell.weight;
      r[i]! += cell.weight * cell.y;
      for (const j of columns) M[i * p + j]! += cell.weight;
    }
  }
  for (const { D, Y, S } of levels.values()) {
    // S is sparse: a touchpoint's cells touch the week columns and the few changes made there.
    const nonzero: number[] = [];
    for (let i = 0; i < p; i++) if (S[i] !== 0) nonzero.push(i);
    for (const i of nonzero) {
      const si = S[i]!;
      r[i]! -= (si * Y) / D;
      for (const j of nonzero) M[i * p + j]! -= (si * S[j]!) / D;
    }
  }

  // Cholesky in the given order; L is stored by rows (p x p), filled at the kept columns only.
  const kept: number[] = [];
  const keptAt = new Int32Array(p);
  const L = new Float64Array(p * p);
  const dependent: Dependency[] = [];
  for (let j = 0; j < p; j++) {
    const rowJ = j * p;
    const own = M[rowJ + j]!;
    let d = own;
    for (let a = 0; a < kept.length; a++) d -= L[rowJ + keptAt[a]!]! ** 2;
    if (!(own > 0) || d <= COLLINEAR_TOLERANCE * own) {
      if (j >= weekColumn.size) dependent.push({ term: termOrder[j - weekColumn.size]!, partners: partnersOf(j) });
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
    if (j < weekColumn.size) return [];
    const c = new Map<number, number>();
    for (let a = kept.length - 1; a >= 0; a--) {
      const k = kept[a]!;
      let v = L[j * p + k]!;
      for (let b = a + 1; b < kept.length; b++) v -= L[kept[b]! * p + k]! * c.get(kept[b]!)!;
      c.set(k, v / L[k * p + k]!);
    }
    return [...c]
      .filter(([k, v]) => k >= weekColumn.size && Math.abs(v) > PARTNER_TOLERANCE)
      .map(([k]) => termOrder[k - weekColumn.size]!);
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
  // Each touchpoint's fitted level: (Y - S'beta) / D.
  const levelOf = new Map<number, number>();
  for (const [touchpoint, level] of levels) {
    let v = level.Y;
    for (let i = 0; i < p; i++) v -= level.S[i]! * betaOfColumn[i]!;
    levelOf.set(touchpoint, v / level.D);
  }
  let rss = 0;
  for (const cell of cells) {
    let fitted = levelOf.get(cell.touchpoint)!;
    for (const i of columnsOf(cell)) fitted += betaOfColumn[i]!;
    rss += cell.weight * (cell.y - fitted) ** 2;
  }
  const residualDf = cells.length - levels.size - m;
  const rawPhi = residualDf > 0 ? rss / residualDf : null;
  const phi = rawPhi === null ? 1 : Math.max(1, rawPhi);

  const indexOf = new Map(kept.map((column, a) => [column, a]));
  const position = (term: number) => {
    const column = termColumn.get(term);
    const a = column === undefined ? undefined : indexOf.get(column);
    if (a === undefined) throw new RangeError(`term ${term} is not in the fit`);
    return a;
  };
  const dependentTerms = new Set(dependent.map((d) => d.term));
  return {
    terms: termOrder.filter((t) => !dependentTerms.has(t)),
    estimate: (term) => beta[position(term)]!,
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
    dependent,
    cells: cells.length,
  };
}
