import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from './export';

const dangerous = ['=', '+', '-', '@', '\t', '\r'];
/** Cells made of the characters that matter here: formula starts, line breaks, quotes, commas. */
const cell = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", ' ', 'a', '1') });

function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
}

/** Whether the cell, or a line in it (what follows a CR or LF), starts with a formula character. */
function startsAFormula(text: string): boolean {
  return [...text].some(
    (char, i) => dangerous.includes(char) && (i === 0 || text[i - 1] === '\r' || text[i - 1] === '\n'),
  );
}

describe('item 15: CSV exports escape formulas in every cell, including cells that span lines', () => {
  it('reads back every cell as written, with a leading quote exactly when a line of it could start a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = parse(toCsv(['a', 'b'], rows));
        expect(parsed).toHaveLength(rows.length + 1);
        rows.forEach((row, r) => {
          row.forEach((original, c) => {
            const written = parsed[r + 1]![c]!;
            expect(written).toBe(startsAFormula(original) ? `'${original}` : original);
            // Whatever a program makes of it, the cell does not start with a formula.
            expect(dangerous.some((d) => written.startsWith(d))).toBe(false);
          });
        });
      }),
      { numRuns: 500 },
    );
  });

  it('catches a formula on the second line, which papaparse lets through', () => {
    const cell = 'Fixed the form\n=HYPERLINK("https://evil.example","click")';
    expect(Papa.unparse([[cell]], { escapeFormulae: true })).not.toContain(`"'Fixed`);
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    expect(neutraliseFormula('-5 days\r\n@SUM(A1)')).toBe(`'-5 days\r\n@SUM(A1)`);
    expect(neutraliseFormula('plain\ntext')).toBe('plain\ntext');
  });
});
