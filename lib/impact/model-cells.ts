/** The cells a fit reads (model.ts): one by one as objects, or flat, in typed arrays. */

export interface ModelCell {
  touchpoint: number;
  week: number;
  y: number;
  weight: number;
  /** The change terms active in this cell (D_jtw = 1). */
  terms: readonly number[];
}

/**
 * The cells of a fit, flat (what fitModel reads; a card builds them straight into these arrays): cell c is at
 * touchpoint[c] and week[c] (small integers from 0, and counted from the card's change), with y[c] and weight[c], and
 * its change terms are terms[termStart[c]] to terms[termStart[c + 1] - 1].
 */
export interface ModelCells {
  count: number;
  touchpoint: Int32Array;
  week: Int32Array;
  y: Float64Array;
  weight: Float64Array;
  termStart: Int32Array;
  terms: Int32Array;
}

/** Room for `count` cells with `terms` terms in all, in one buffer (one allocation, not six). */
export function newModelCells(count: number, terms: number): ModelCells {
  const buffer = new ArrayBuffer(8 * 2 * count + 4 * (3 * count + 1 + terms));
  let at = 0;
  const part = <T>(make: (buffer: ArrayBuffer, at: number, length: number) => T, length: number, size: number) => {
    const view = make(buffer, at, length);
    at += length * size;
    return view;
  };
  const floats = (length: number) => part((b, o, n) => new Float64Array(b, o, n), length, 8);
  const ints = (length: number) => part((b, o, n) => new Int32Array(b, o, n), length, 4);
  return {
    count: 0,
    y: floats(count),
    weight: floats(count),
    touchpoint: ints(count),
    week: ints(count),
    termStart: ints(count + 1),
    terms: ints(terms),
  };
}

/** Cells given one by one, flat. */
export function modelCells(cells: readonly ModelCell[]): ModelCells {
  const flat = newModelCells(
    cells.length,
    cells.reduce((total, cell) => total + cell.terms.length, 0),
  );
  cells.forEach((cell, c) => {
    flat.touchpoint[c] = cell.touchpoint;
    flat.week[c] = cell.week;
    flat.y[c] = cell.y;
    flat.weight[c] = cell.weight;
    flat.terms.set(cell.terms, flat.termStart[c]!);
    flat.termStart[c + 1] = flat.termStart[c]! + cell.terms.length;
  });
  flat.count = cells.length;
  return flat;
}
