import Papa from 'papaparse';

/** What makes a spreadsheet read a cell as a formula when it starts a cell or, in some programs, a line. */
const FORMULA_START = /^[=+\-@\t\r]|[\r\n][=+\-@\t\r]/;

/**
 * The cell as text a spreadsheet will not run: a leading `'` when it, or any line in it, starts with = + - @, a tab
 * or a carriage return (papaparse's escapeFormulae looks at the first character only).
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * A CSV file as every export writes it: a byte-order mark (so spreadsheet programs read UTF-8), CRLF line ends, and
 * every cell, the header's too, through neutraliseFormula.
 */
export function toCsv(fields: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cells: readonly string[]) => cells.map(neutraliseFormula);
  return '\uFEFF' + Papa.unparse({ fields: escape(fields), data: rows.map(escape) }, { newline: '\r\n' });
}
