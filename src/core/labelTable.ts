import { CellValue, isBlank, isExcelError } from './cells';
import { parseMoney } from './parseMoney';

/**
 * A two-column table typed in a sheet, "label | number", as a range argument delivers it: the
 * thresholds of `CLIENTS.VIPTIER` (tier name | minimum amount) or the meeting intervals of
 * `CLIENTS.CONTACTCADENCE` (segment | months).
 *
 * - The range has two columns, or two rows (a table typed sideways); 2 × 2 reads as columns.
 * - The label column is the one with fewer numbers, so "amount | name" works too; rows may
 *   come in any order.
 * - Rows blank in both cells are skipped; so is a first row whose number cell holds text that
 *   is not a number (a header such as "Tier | Minimum").
 * - Number cells are numbers or number text as managers type it (`1 000 000 ₽`, see
 *   parseMoney); a blank number cell gives `null` (e.g. the base tier without a bar).
 * - A number without a label, a label with text that is not a number (or is ambiguous, such as
 *   `1,234`), or an error value in either cell is a problem naming the row and column within
 *   the range (1-based).
 *
 * @example readLabelTable([['Tier', 'Min'], ['VIP', 100000], ['Key', '50 000'], ['Standard', null]])
 * // { ok: true, labelColumn: 0, rows: [{ label: 'VIP', value: 100000, row: 2 }, { label: 'Key', value: 50000, row: 3 },
 * //   { label: 'Standard', value: null, row: 4 }] }
 */
export interface LabelRow {
  label: string;
  value: number | null;
  /** 1-based row of the table (counting along the labels for a sideways table). */
  row: number;
}

export type LabelTableProblem =
  | { kind: 'shape'; rows: number; columns: number }
  | { kind: 'empty' }
  | { kind: 'error'; row: number; column: number; code: string }
  | { kind: 'notNumber'; row: number; column: number; text: string }
  | { kind: 'ambiguous'; row: number; column: number; text: string; candidates: [number, number] }
  | { kind: 'noLabel'; row: number; column: number };

export type LabelTableResult = { ok: true; rows: LabelRow[]; labelColumn: 0 | 1 } | { ok: false; problem: LabelTableProblem };

export function readLabelTable(grid: ReadonlyArray<ReadonlyArray<CellValue>>): LabelTableResult {
  const height = grid.length;
  let width = 0;
  for (const row of grid) width = Math.max(width, row.length);
  let cell: (i: number, j: number) => CellValue;
  let count: number;
  if (width === 2) {
    cell = (i, j) => grid[i]?.[j];
    count = height;
  } else if (height === 2 && width > 2) {
    cell = (i, j) => grid[j]?.[i];
    count = width;
  } else {
    return { ok: false, problem: { kind: 'shape', rows: height, columns: width } };
  }
  // the label column is the one holding fewer numbers
  const numbers = [0, 0];
  for (let i = 0; i < count; i++) for (let j = 0; j < 2; j++) if (parseMoney(cell(i, j)).kind === 'number') numbers[j]++;
  const labelColumn: 0 | 1 = numbers[0] > numbers[1] ? 1 : 0;
  const valueColumn = 1 - labelColumn;
  const rows: LabelRow[] = [];
  let seenRow = false;
  for (let i = 0; i < count; i++) {
    const l = cell(i, labelColumn);
    const v = cell(i, valueColumn);
    if (isBlank(l) && isBlank(v)) continue;
    const first = !seenRow;
    seenRow = true;
    for (const [j, x] of [[labelColumn, l], [valueColumn, v]] as const) {
      if (isExcelError(x)) return { ok: false, problem: { kind: 'error', row: i + 1, column: j + 1, code: String(x).trim().toUpperCase() } };
    }
    const n = parseMoney(v);
    if (first && n.kind === 'text' && !isBlank(l)) continue; // header row
    if (isBlank(l)) return { ok: false, problem: { kind: 'noLabel', row: i + 1, column: labelColumn + 1 } };
    if (n.kind === 'text') return { ok: false, problem: { kind: 'notNumber', row: i + 1, column: valueColumn + 1, text: n.text } };
    if (n.kind === 'ambiguous') return { ok: false, problem: { kind: 'ambiguous', row: i + 1, column: valueColumn + 1, text: n.text, candidates: n.candidates } };
    const label = l instanceof Date ? l.toISOString().slice(0, 10) : typeof l === 'boolean' ? (l ? 'TRUE' : 'FALSE') : String(l).trim();
    rows.push({ label, value: n.kind === 'number' ? n.value : null, row: i + 1 });
  }
  if (rows.length === 0) return { ok: false, problem: { kind: 'empty' } };
  return { ok: true, rows, labelColumn };
}
