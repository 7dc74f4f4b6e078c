/**
 * The numbers of a range argument, read the way Excel's SUM, RANK and STDEV.P read a reference:
 * only numeric cells count; blanks, text (even text that looks like a number), logical values
 * and error values are skipped. Excel numbers are always finite, so a non-finite number (which
 * only a program can pass) is skipped too. Cells are read row by row, left to right.
 *
 * Source: https://support.microsoft.com/office/sum-function-043e1c7d-7726-4e80-8f32-07b23e057f89
 * ("If an argument is an array or reference, only numbers in that array or reference are
 * counted. Empty cells, logical values, or text … are ignored.")
 *
 * @example numbersInRange([[5], [null], ['x'], [true], ['#N/A'], [7]]) // Float64Array [5, 7]
 */
export function isRangeNumber(v: unknown): v is number {
  return typeof v === 'number' && v - v === 0; // finite: Infinity - Infinity and NaN - NaN are NaN
}

export function numbersInRange(grid: ReadonlyArray<ReadonlyArray<unknown>>): Float64Array {
  let n = 0;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) if (isRangeNumber(row[c])) n++;
  }
  const out = new Float64Array(n);
  let k = 0;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isRangeNumber(v)) out[k++] = v;
    }
  }
  return out;
}
