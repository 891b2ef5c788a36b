/**
 * The model of IMPACT.md, fitted by weighted least squares in closed form:
 *   y_tw = a_t + g_w + sum_j b_j * D_jtw + e_tw,   weights w_tw = n_tw / v_t.
 * The touchpoint levels a_t are absorbed (each cell has exactly one, so their block of X'WX is diagonal and its
 * Schur complement is small); the week shifts (one week is the reference) and the change terms are solved by a
 * Cholesky factorization that pivots in the given order. A column that adds (almost) nothing beyond the columns
 * before it is reported as dependent, with the earlier terms it is made of, never split by a pseudo-inverse.
 * With `absorb`, the changes made at one touchpoint only are absorbed with its level too (FitOptions).
 */

import { type ModelCell, type ModelCells, modelCells } from './model-cells';
import { COLLINEAR_TOLERANCE, combination, eliminate, type Level, levelAt, solveBlock, sumsSize } from './model-levels';
import { Workspace } from './workspace';

export { type ModelCell, type ModelCells, modelCells, newModelCells } from './model-cells';
export { COLLINEAR_TOLERANCE } from './model-levels';

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

/**
 * When a week or a remaining term keeps less than this share of its variation after the absorbed changes, the full
 * fit decides instead: its pivot order (weeks, then the terms in the order given) names which column is dependent.
 */
const ABSORB_MARGIN = 1e-3;
/** A term's code when it is not in the fit. */
const NOT_IN_FIT = -0x7fffffff;
/** A term's place in a fit when absorbed with its touchpoint's level, and when not kept (dependent or not in it). */
const [ABSORBED, NOT_KEPT] = [-2, -1];

/**
 * Fits the model. `termOrder` lists the change terms to include, in pivot order (the card's own change first, so
 * a later change that duplicates it is the one reported dependent on it).
 */
export function fitModel(
  cells: readonly ModelCell[] | ModelCells,
  termOrder: readonly number[],
  options: FitOptions = {},
): ModelFit {
  const flat = 'count' in cells ? cells : modelCells(cells);
  return (
    (options.absorb && localTerms(flat, termOrder) > 0 ? fitWith(flat, termOrder, true) : null) ??
    fitWith(flat, termOrder, false)!
  );
}

/**
 * Finds the terms (but the first) active in the cells of one touchpoint only: in the work space's LocalTerms, per
 * term, that touchpoint (or a negative number). Returns how many there are.
 */
function localTerms(cells: ModelCells, termOrder: readonly number[]): number {
  const size = termOrder.reduce((max, term) => Math.max(max, term + 1), 0);
  // Per term: -2 not a candidate, -1 not met yet, else the touchpoint it was met at; -3 met at two.
  const at = space.ints(Part.LocalTerms, size, -2);
  for (let x = 1; x < termOrder.length; x++) at[termOrder[x]!] = -1;
  const { touchpoint, termStart, terms } = cells;
  for (let c = 0; c < cells.count; c++) {
    for (let x = termStart[c]!; x < termStart[c + 1]!; x++) {
      const term = terms[x]!;
      if (term >= size) continue;
      const seen = at[term]!;
      if (seen === -1) at[term] = touchpoint[c]!;
      else if (seen >= 0 && seen !== touchpoint[c]) at[term] = -3;
    }
  }
  let local = 0;
  for (let x = 1; x < termOrder.length; x++) if (at[termOrder[x]!]! >= 0) local++;
  return local;
}

/** The parts of the work space every fit reuses (workspace.ts). */
const enum Part {
  M,
  R,
  Sums,
  Own,
  Factor,
  L,
  Beta,
  Z,
  Estimates,
  Levels,
  LocalTerms,
  WeekColumn,
  LevelOfTouchpoint,
  CodeOf,
  LevelOfCell,
  Start,
  ColumnsAt,
  PositionStart,
  PositionsAt,
  Varies,
  AbsorbedCount,
  AbsorbedFrom,
  AbsorbedTerms,
}
const space = new Workspace();

/**
 * The fit, with `absorb` the terms localTerms just found absorbed with their touchpoint's level (else the full
 * fit). An absorbed term dependent in its block is dependent in the full fit too, on the same partners. The full fit
 * can also find one dependent on week shifts or other touchpoints' terms (in a week where every touchpoint with cells
 * has a change of its own starting, say); then a week or remaining column comes out (nearly) dependent here instead,
 * and this returns null: only the full fit's pivot order names the column the card must merge or drop.
 */
function fitWith(cells: ModelCells, termOrder: readonly number[], absorb: boolean): ModelFit | null {
  const { count, touchpoint, week, y: ys, weight, termStart, terms } = cells;
  // Weeks (one column each but the first, in order) and touchpoints are small integers: tables instead of maps.
  let firstWeek = Infinity;
  let lastWeek = -Infinity;
  let lastTouchpoint = -1;
  for (let c = 0; c < count; c++) {
    firstWeek = Math.min(firstWeek, week[c]!);
    lastWeek = Math.max(lastWeek, week[c]!);
    lastTouchpoint = Math.max(lastTouchpoint, touchpoint[c]!);
  }
  const span = count > 0 ? lastWeek - firstWeek + 1 : 0;
  const weekColumn = space.ints(Part.WeekColumn, span);
  for (let c = 0; c < count; c++) weekColumn[week[c]! - firstWeek] = 1;
  let weekColumns = -1;
  for (let w = 0; w < span; w++) weekColumn[w] = weekColumn[w] ? weekColumns++ : -1;
  weekColumns = Math.max(weekColumns, 0);
  // Columns: weeks, then the terms not absorbed. An absorbed term is coded -1 - its position in its touchpoint's block.
  const codes = termOrder.reduce((max, term) => Math.max(max, term + 1), 0);
  const codeOf = space.ints(Part.CodeOf, codes, NOT_IN_FIT);
  const columnTerms: number[] = [];
  // Each term absorbed with its touchpoint's level (localTerms), or none for the full fit; a touchpoint's absorbed
  // terms, in the order given, are absorbedTerms[absorbedFrom[t]] on, absorbedCount[t] of them.
  const localAt = space.intsAsLeft(Part.LocalTerms);
  const absorbedCount = space.ints(Part.AbsorbedCount, lastTouchpoint + 1);
  for (const term of termOrder) {
    const at = absorb ? localAt[term]! : -1;
    if (at < 0) {
      codeOf[term] = weekColumns + columnTerms.length;
      columnTerms.push(term);
    } else {
      codeOf[term] = -1 - absorbedCount[at]!++;
    }
  }
  const p = weekColumns + columnTerms.length;
  const absorbedFrom = space.ints(Part.AbsorbedFrom, lastTouchpoint + 1);
  for (let t = 1; t <= lastTouchpoint; t++) absorbedFrom[t] = absorbedFrom[t - 1]! + absorbedCount[t - 1]!;
  const absorbedTerms = space.ints(Part.AbsorbedTerms, termOrder.length);
  for (const term of termOrder) {
    const code = codeOf[term]!;
    if (code < 0 && code !== NOT_IN_FIT) absorbedTerms[absorbedFrom[localAt[term]!]! - 1 - code] = term;
  }

  // Each cell's level, and its columns and block positions (flat, from each cell's start), found once.
  const levels: Level[] = [];
  const levelOfTouchpoint = space.ints(Part.LevelOfTouchpoint, lastTouchpoint + 1, -1);
  const levelOfCell = space.ints(Part.LevelOfCell, count);
  const start = space.ints(Part.Start, count + 1);
  const columnsAt = space.ints(Part.ColumnsAt, count + termStart[count]!);
  const positionStart = space.ints(Part.PositionStart, count + 1);
  const positionsAt = space.ints(Part.PositionsAt, termStart[count]!);
  let columnsEnd = 0;
  let positionsEnd = 0;
  start[0] = positionStart[0] = 0;
  let size = 0;
  for (let c = 0; c < count; c++) {
    const t = touchpoint[c]!;
    let at = levelOfTouchpoint[t]!;
    if (at < 0) {
      const level = levelAt(levels.length, absorbedFrom[t]!, absorbedCount[t]!, p, size);
      size += sumsSize(level, p);
      levelOfTouchpoint[t] = at = levels.length;
      levels.push(level);
    }
    levelOfCell[c] = at;
    const column = weekColumn[week[c]! - firstWeek]!;
    if (column >= 0) columnsAt[columnsEnd++] = column;
    for (let x = termStart[c]!; x < termStart[c + 1]!; x++) {
      const term = terms[x]!;
      const code = term < codes ? codeOf[term]! : NOT_IN_FIT;
      if (code === NOT_IN_FIT) continue;
      if (code >= 0) columnsAt[columnsEnd++] = code;
      else positionsAt[positionsEnd++] = -1 - code;
    }
    start[c + 1] = columnsEnd;
    positionStart[c + 1] = positionsEnd;
  }

  // Normal equations with the touchpoint levels absorbed: M = X'WX - sum_t S_t S_t' / D_t, r likewise.
  const M = space.floats0(Part.M, p * p);
  const r = space.floats0(Part.R, p);
  const sums = space.floats0(Part.Sums, size);
  for (let c = 0; c < count; c++) {
    const level = levels[levelOfCell[c]!]!;
    const w = weight[c]!;
    const y = ys[c]!;
    const S = level.S;
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
  }
  // A column the levels make (a change covering all the cells of each of its touchpoints, where its S is D) carries
  // nothing; what X'WX - S S' / D leaves of it is rounding, on either side of 0, so it is told apart exactly.
  const varies = space.ints(Part.Varies, p);
  for (const level of levels) {
    const { D, Y, S, nonzero } = level;
    // S is sparse: a touchpoint's cells touch the week columns and the few changes made there.
    for (let i = 0; i < p; i++) if (sums[S + i] !== 0) nonzero[level.q++] = i;
    const q = level.q;
    for (let x = 0; x < q; x++) {
      const i = nonzero[x]!;
      const si = sums[S + i]!;
      if (si !== D) varies[i] = 1;
      r[i]! -= (si * Y) / D;
      for (let e = 0; e < q; e++) M[i * p + nonzero[e]!]! -= (si * sums[S + nonzero[e]!]!) / D;
    }
  }
  // Each column's own variation beyond the levels, before any absorbed change: what the full fit measures it by.
  const own = space.floats0(Part.Own, p);
  for (let j = 0; j < p; j++) own[j] = varies[j] ? M[j * p + j]! : 0;

  const dependent: Dependency[] = [];
  let factorSize = 0;
  let estimates = 0;
  for (const level of levels) {
    level.L = factorSize;
    level.z = factorSize + level.k ** 2;
    level.V = factorSize + level.k ** 2 + level.k;
    factorSize = level.V + level.k * level.q;
    level.b = estimates;
    estimates += level.k;
  }
  const factor = space.floats0(Part.Factor, factorSize);
  let absorbed = 0;
  for (const level of levels) {
    if (level.k > 0) absorbed += eliminate(level, absorbedTerms, sums, factor, M, r, p, dependent);
  }

  // Cholesky in the given order; L is stored by rows (p rows), its a-th column that of the a-th kept column (so the
  // inner products run over adjacent numbers).
  const kept: number[] = [];
  const L = space.floats0(Part.L, p * p);
  for (let j = 0; j < p; j++) {
    const rowJ = j * p;
    let d = M[rowJ + j]!;
    for (let a = 0; a < kept.length; a++) d -= L[rowJ + a]! ** 2;
    if (absorbed > 0 && own[j]! > 0 && d <= ABSORB_MARGIN * own[j]!) return null;
    if (!(own[j]! > 0) || d <= COLLINEAR_TOLERANCE * own[j]!) {
      if (j >= weekColumns) dependent.push({ term: columnTerms[j - weekColumns]!, partners: partnersOf(j) });
      continue;
    }
    const pivot = Math.sqrt(d);
    const column = kept.length;
    L[rowJ + column] = pivot;
    for (let i = j + 1; i < p; i++) {
      const rowI = i * p;
      let v = M[rowI + j]!;
      for (let a = 0; a < column; a++) v -= L[rowI + a]! * L[rowJ + a]!;
      L[rowI + column] = v / pivot;
    }
    kept.push(j);
  }

  /** The coefficients of column j on the kept columns: solve L_K' c = L[j, K]; name the change terms among them. */
  function partnersOf(j: number): number[] {
    return combination((i, a) => L[i * p + a]!, kept, j)
      .filter((k) => k >= weekColumns)
      .map((k) => columnTerms[k - weekColumns]!);
  }

  // What the fit returns lives in one array (many small arrays are slow to make): L compacted to the kept rows (Lk,
  // m x m, for the covariances asked later), beta on the kept columns, then per term (by its number) its place among
  // the kept columns, ABSORBED or NOT_KEPT, and an absorbed term's estimate.
  const m = kept.length;
  const [BETA, PLACE, ABSORBED_ESTIMATE] = [m * m, m * m + m, m * m + m + codes];
  const out = new Float64Array(m * m + m + 2 * codes);
  for (let a = 0; a < m; a++) for (let b = 0; b <= a; b++) out[a * m + b] = L[kept[a]! * p + b]!;
  // Solve L L' beta = r on the kept columns.
  const z = space.floats0(Part.Z, m);
  for (let a = 0; a < m; a++) {
    let v = r[kept[a]!]!;
    for (let b = 0; b < a; b++) v -= out[a * m + b]! * z[b]!;
    z[a] = v / out[a * m + a]!;
  }
  for (let a = m - 1; a >= 0; a--) {
    let v = z[a]!;
    for (let b = a + 1; b < m; b++) v -= out[b * m + a]! * out[BETA + b]!;
    out[BETA + a] = v / out[a * m + a]!;
  }
  // Columns of L^-1 (lower triangular), solved when a covariance asks for them: a card needs a few, not all.
  const inverseColumns = new Map<number, Float64Array>();
  const inverseColumn = (col: number) => {
    let x = inverseColumns.get(col);
    if (x) return x;
    x = new Float64Array(m);
    x[col] = 1 / out[col * m + col]!;
    for (let a = col + 1; a < m; a++) {
      let v = 0;
      for (let b = col; b < a; b++) v -= out[a * m + b]! * x[b]!;
      x[a] = v / out[a * m + a]!;
    }
    inverseColumns.set(col, x);
    return x;
  };

  const betaOfColumn = space.floats0(Part.Beta, p);
  kept.forEach((column, a) => (betaOfColumn[column] = out[BETA + a]!));
  out.fill(NOT_KEPT, PLACE, PLACE + codes);
  kept.forEach((column, a) => {
    if (column >= weekColumns) out[PLACE + columnTerms[column - weekColumns]!] = a;
  });
  // Each touchpoint's absorbed terms (by block position), then its fitted level: (Y - S'beta - s'b) / D.
  const b = space.floats0(Part.Estimates, estimates);
  const levelOf = space.floats0(Part.Levels, levels.length);
  levels.forEach((level, l) => {
    let v = level.Y;
    for (let x = 0; x < level.q; x++) v -= sums[level.S + level.nonzero[x]!]! * betaOfColumn[level.nonzero[x]!]!;
    if (level.kn > 0) solveBlock(level, factor, betaOfColumn, b);
    for (let x = 0; x < level.kn; x++) {
      const a = level.kept[x]!;
      const term = absorbedTerms[level.termsFrom + a]!;
      out[PLACE + term] = ABSORBED;
      out[ABSORBED_ESTIMATE + term] = b[level.b + a]!;
      v -= sums[level.s + a]! * b[level.b + a]!;
    }
    levelOf[l] = v / level.D;
  });
  let rss = 0;
  for (let c = 0; c < count; c++) {
    const level = levels[levelOfCell[c]!]!;
    let fitted = levelOf[levelOfCell[c]!]!;
    for (let x = start[c]!; x < start[c + 1]!; x++) fitted += betaOfColumn[columnsAt[x]!]!;
    for (let x = positionStart[c]!; x < positionStart[c + 1]!; x++) fitted += b[level.b + positionsAt[x]!]!;
    rss += weight[c]! * (ys[c]! - fitted) ** 2;
  }
  const residualDf = count - levels.length - m - absorbed;
  const rawPhi = residualDf > 0 ? rss / residualDf : null;
  const phi = rawPhi === null ? 1 : Math.max(1, rawPhi);

  const placeOfTerm = (term: number) => (term >= 0 && term < codes ? out[PLACE + term]! : NOT_KEPT);
  const position = (term: number) => {
    const a = placeOfTerm(term);
    if (a === ABSORBED) throw new RangeError(`term ${term} is absorbed with its touchpoint's level`);
    if (a === NOT_KEPT) throw new RangeError(`term ${term} is not in the fit`);
    return a;
  };
  const dependentTerms = new Set(dependent.map((d) => d.term));
  const order = dependent.length > 1 ? new Map(termOrder.map((t, i) => [t, i])) : null;
  return {
    terms: termOrder.filter((t) => !dependentTerms.has(t)),
    estimate: (term) => out[placeOfTerm(term) === ABSORBED ? ABSORBED_ESTIMATE + term : BETA + position(term)]!,
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
    dependent: order ? dependent.sort((a, b) => order.get(a.term)! - order.get(b.term)!) : dependent,
    cells: count,
  };
}
