/// <reference types="custom-functions-runtime" />
import { CellValue, isBlank, isExcelError } from '../core/cells';
import { MessageError } from '../core/messages';
import { parseMoney } from '../core/parseMoney';
import { RuleSetError } from '../core/rules';
import { currentLang } from './host';
import { M, Msg } from './messages';

/**
 * Arguments as Excel hands them to custom functions, and errors back to Excel.
 *
 * - A range (or an array constant) arrives as a 2-D array, rows of cells; blanks as null or "".
 * - An omitted optional argument arrives as null (undefined when called from JavaScript).
 * - An error value arrives as a `CustomFunctions.Error`-like object `{ code: '#N/A' }`, an
 *   `Excel.ErrorCellValue`-like `{ type: 'Error', basicValue: '#N/A' }` or its text `#N/A`.
 *
 * Bad input never throws a raw exception: helpers throw `Failure`, which `run` turns into a
 * `CustomFunctions.Error` (#VALUE! / #N/A with a message in the display language). An error
 * in a single-value argument propagates as the same error.
 *
 * Error values reach the functions at all only because the built functions.json has
 * `"allowErrorForDataTypeAny": true` (without it Excel does not call a function whose `any`
 * argument holds an error — "Handle and return errors from your custom function", section
 * "Errors as custom function inputs", learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 *
 * Outputs: `#REF!` and `#NAME?` are accepted as inputs but cannot be returned by a custom
 * function (CustomFunctions.ErrorCode: invalidName / invalidReference "supported as a custom
 * function input error, but not as a custom function output error",
 * learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.errorcode), nor can
 * Excel's newer errors (#SPILL!, #CALC!, #BUSY!, …) which have no ErrorCode at all: every one of
 * them goes back as `#VALUE!` with a message naming the argument and the error met.
 *
 * Desktop blanks: Excel desktop may pass a blank cell as `0` where Excel on the web passes `null`
 * (office-js issues #4702, #5262). Where a 0 cannot be a meaningful value, the readers here treat
 * it as blank (`readName`, `readPair`, label tables in `labelTableCells`), so both hosts agree.
 */
export type Grid = ReadonlyArray<ReadonlyArray<unknown>>;

export type ErrorText = '#VALUE!' | '#N/A' | '#DIV/0!' | '#NUM!' | '#NULL!' | '#NAME?' | '#REF!';

/** The error values a custom function may return (see above: not #REF! nor #NAME?). */
export type ReturnableError = '#VALUE!' | '#N/A' | '#DIV/0!' | '#NUM!' | '#NULL!';

export function isReturnable(code: string): code is ReturnableError {
  return code === '#VALUE!' || code === '#N/A' || code === '#DIV/0!' || code === '#NUM!' || code === '#NULL!';
}

/**
 * Largest argument Excel hands a custom function in one call, bytes: "about 5 MB" of input per
 * call (Excel add-in resource limits, learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization;
 * the host profiles' customFunctionInputLimitBytes). Checked from a sample, so it is an estimate.
 */
export const INPUT_LIMIT_BYTES = 5 * 1024 * 1024;
/** Rows of a whole column (C:C): never a useful argument (Excel on the web fails on it). */
export const SHEET_ROWS = 1_048_576;

export class Failure {
  constructor(
    readonly code: ErrorText,
    readonly message?: Msg,
  ) {}
}

export function fail(code: ErrorText, message?: Msg): never {
  throw new Failure(code, message);
}

const CODES: Record<ErrorText, () => CustomFunctions.ErrorCode> = {
  '#VALUE!': () => CustomFunctions.ErrorCode.invalidValue,
  '#N/A': () => CustomFunctions.ErrorCode.notAvailable,
  '#DIV/0!': () => CustomFunctions.ErrorCode.divisionByZero,
  '#NUM!': () => CustomFunctions.ErrorCode.invalidNumber,
  '#NULL!': () => CustomFunctions.ErrorCode.nullReference,
  '#NAME?': () => CustomFunctions.ErrorCode.invalidName,
  '#REF!': () => CustomFunctions.ErrorCode.invalidReference,
};

function isErrorText(code: string): code is ErrorText {
  return Object.prototype.hasOwnProperty.call(CODES, code);
}

/**
 * A `CustomFunctions.Error`; only #VALUE! and #N/A carry a message. #REF! and #NAME? cannot be
 * returned: they become #VALUE! with a message saying which error was met.
 */
export function excelError(code: ErrorText, message?: string): CustomFunctions.Error {
  if (!isReturnable(code)) return excelError('#VALUE!', message ?? M.unreturnable(code)[currentLang()]);
  const c = CODES[code]();
  return message !== undefined && (code === '#VALUE!' || code === '#N/A') ? new CustomFunctions.Error(c, message) : new CustomFunctions.Error(c);
}

/** The error code of an error value in any of its shapes, or undefined. */
export function errorCodeOf(v: unknown): string | undefined {
  if (typeof v === 'string') return isExcelError(v) ? v.trim().toUpperCase() : undefined;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as { code?: unknown; type?: unknown; basicValue?: unknown; errorType?: unknown };
  if (typeof o.code === 'string' && o.code.startsWith('#')) return o.code.toUpperCase();
  if (o.type === 'Error' || o.errorType !== undefined) return typeof o.basicValue === 'string' && o.basicValue.startsWith('#') ? o.basicValue.toUpperCase() : '#VALUE!';
  return undefined;
}

/**
 * The error to put back for an error value met in a single-value argument: the same code when a
 * custom function may return it, else #VALUE!; with a message naming the argument.
 */
function propagated(code: string, name: string): Failure {
  return new Failure(isReturnable(code) ? code : '#VALUE!', M.wasError(name, code));
}

/** The error to put back for an error value met inside a range argument (as SUM does: the first one, in reading order). */
export function rangeErrorFailure(code: string, name: string, row: number, col: number): Failure {
  return new Failure(isReturnable(code) ? code : '#VALUE!', M.rangeError(name, row, col, code));
}

/** Error value for one cell of a spilled result that mirrors an input cell holding `code`. */
export function errorCell(code: string): CustomFunctions.Error {
  return isErrorText(code) && isReturnable(code) ? excelError(code) : excelError('#VALUE!', M.unreturnable(code)[currentLang()]);
}

/** True for a cell that may be an error value (cheap pre-check before errorCodeOf). */
export function maybeError(v: unknown): boolean {
  return v !== null && (typeof v === 'object' ? !Array.isArray(v) && !(v instanceof Date) : typeof v === 'string' && v.charCodeAt(0) === 35);
}

/** The first error value in a range (row by row), as [row, column, code] 1-based; undefined when none. */
export function firstError(grid: Grid): [number, number, string] | undefined {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (!maybeError(v)) continue;
      const code = errorCodeOf(v);
      if (code) return [r + 1, c + 1, code];
    }
  }
  return undefined;
}

/** Throws the first error value of a range argument (SUM's rule); nothing when there is none. */
export function rejectErrors(grid: Grid, name: string): void {
  const e = firstError(grid);
  if (e) throw rangeErrorFailure(e[2], name, e[0], e[1]);
}

/** A cell value object (data type) reduced to its basic value; other values as they are. */
function basic(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && 'basicValue' in v) return (v as { basicValue: unknown }).basicValue;
  return v;
}

/** A single value: a 1 × 1 range is its cell; a larger range is not a single value. */
function single(v: unknown, name: string): unknown {
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0];
    if (v.length === 1 && !Array.isArray(v[0])) return v[0];
    fail('#VALUE!', M.notScalar(name));
  }
  return v;
}

/** True when an optional argument was left out. */
export function omitted(v: unknown): boolean {
  return v === null || v === undefined;
}

/**
 * A number: Excel numbers as they are; number text as managers type it (`1 234,5`, `$1,200`);
 * a blank is `blank` when given (an empty cell counts as 0 in Excel arithmetic), else an error.
 */
export function readNumber(v: unknown, name: string, blank?: number): number {
  v = single(v, name);
  if (typeof v === 'number') {
    if (v - v === 0) return v;
    fail('#NUM!');
  }
  const code = errorCodeOf(v);
  if (code) throw propagated(code, name);
  v = basic(v);
  if (typeof v === 'number') return readNumber(v, name, blank);
  if (isBlank(v)) {
    if (blank !== undefined) return blank;
    fail('#VALUE!', M.empty(name));
  }
  if (typeof v === 'boolean') fail('#VALUE!', M.logicalNotNumber(name, v));
  const p = parseMoney(typeof v === 'string' ? v : String(v));
  if (p.kind === 'number') return p.value;
  if (p.kind === 'ambiguous') fail('#VALUE!', M.ambiguous(name, p.text, p.candidates[0], p.candidates[1]));
  fail('#VALUE!', M.notNumber(name, typeof v === 'string' ? v : String(v)));
}

/** An optional number: `fallback` when omitted or blank. */
export function readOptionalNumber(v: unknown, name: string, fallback: number): number {
  if (omitted(v)) return fallback;
  return readNumber(v, name, fallback);
}

/** An optional whole number >= 0 (e.g. reviews below the bar); undefined when omitted or blank. */
export function readOptionalCount(v: unknown, name: string): number | undefined {
  if (omitted(v)) return undefined;
  const x = readNumber(v, name, NaN);
  if (Number.isNaN(x)) return undefined;
  if (!(Number.isInteger(x) && x >= 0)) fail('#VALUE!', M.notCount(name, String(x)));
  return x;
}

/** Text such as a tier name: numbers become their text; blank gives undefined. */
export function readText(v: unknown, name: string): string | undefined {
  if (omitted(v)) return undefined;
  v = single(v, name);
  const code = errorCodeOf(v);
  if (code) throw propagated(code, name);
  v = basic(v);
  if (isBlank(v)) return undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).trim();
}

/**
 * A name (tier, segment): as readText, but the number 0 is a blank — Excel desktop passes a blank
 * cell as 0 (office-js #4702, #5262), and no tier or segment is called "0".
 */
export function readName(v: unknown, name: string): string | undefined {
  if (omitted(v)) return undefined;
  const s = single(v, name);
  if (s === 0) return undefined;
  return readText(s, name);
}

/** A range argument as rows of cells; undefined when omitted. A single value is a 1 × 1 range. */
export function readGrid(v: unknown): Grid | undefined {
  if (omitted(v)) return undefined;
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    return Array.isArray(v[0]) ? (v as Grid) : [v];
  }
  return [[v]];
}

/**
 * A range argument that Excel could pass whole (see INPUT_LIMIT_BYTES): a whole column, or one
 * whose marshalled size (estimated from a sample of cells) exceeds the per-call input limit, is
 * refused with a #VALUE! message recommending the spill form or a range of the rows with data.
 * The same answer on every host, even where desktop would have passed it.
 */
export function readRange(v: unknown, name: string): Grid | undefined {
  const grid = readGrid(v);
  if (!grid) return grid;
  if (grid.length >= SHEET_ROWS) fail('#VALUE!', M.wholeColumn(name));
  const bytes = estimatedBytes(grid);
  if (bytes > INPUT_LIMIT_BYTES) fail('#VALUE!', M.tooLarge(name, grid.length, bytes, INPUT_LIMIT_BYTES));
  return grid;
}

/** JSON size of a range as Excel marshals it, estimated from up to 64 evenly spaced cells. */
export function estimatedBytes(grid: Grid): number {
  const rows = grid.length;
  const cols = rows > 0 ? grid[0].length : 0;
  const cells = rows * cols;
  if (cells === 0) return 2;
  const samples = Math.min(64, cells);
  let sampled = 0;
  for (let s = 0; s < samples; s++) {
    const pos = samples === 1 ? 0 : Math.floor((s * (cells - 1)) / (samples - 1));
    const v = grid[Math.floor(pos / cols)]?.[pos % cols];
    let n: number;
    if (v === null || v === undefined) n = 4;
    else if (typeof v === 'number') n = String(v).length;
    else if (typeof v === 'string') n = v.length + 2;
    else if (typeof v === 'boolean') n = 5;
    else n = 40; // an error or data-type object
    sampled += n + 1;
  }
  return Math.round((sampled / samples) * cells + rows * 2);
}

export function cellCount(grid: Grid): number {
  let n = 0;
  for (const row of grid) n += row.length;
  return n;
}

/**
 * A two-column "label | number" table (or two rows, sideways, returned as columns) as core
 * readLabelTable should see it whichever host passed it: rows holding only blanks and zeros are
 * spare rows, read as blank (Excel desktop
 * passes a blank row of the range as [0, 0]), and in a row holding two numbers a 0 is a blank
 * label (desktop's 0 for a blank cell; the web's null gives the same "empty name" message).
 */
export function labelTableCells(grid: Grid): CellValue[][] {
  const cells = cellValues(grid);
  const height = cells.length;
  let width = 0;
  for (const row of cells) width = Math.max(width, row.length);
  const sideways = height === 2 && width > 2;
  if (width !== 2 && !sideways) return cells;
  const rows: CellValue[][] = sideways ? Array.from({ length: width }, (_, j) => [cells[0][j], cells[1][j]]) : cells;
  const empty = (v: CellValue) => isBlank(v) || v === 0;
  const out: CellValue[][] = [];
  for (const [a, b] of rows) {
    if (empty(a) && empty(b)) out.push([null, null]); // kept in place so messages name the right row
    else if (typeof a === 'number' && typeof b === 'number') out.push(a === 0 ? [null, b] : b === 0 ? [a, null] : [a, b]);
    else out.push([a, b]);
  }
  return out;
}

/** Cells of a small range as core reads them: error values of any shape become their text. */
export function cellValues(grid: Grid): CellValue[][] {
  return grid.map((row) =>
    row.map((v) => {
      const code = errorCodeOf(v);
      if (code) return code;
      const b = basic(v);
      return b === null || b === undefined || typeof b === 'string' || typeof b === 'number' || typeof b === 'boolean' || b instanceof Date ? b : String(b);
    }),
  );
}

/**
 * A pair of numbers such as cut-offs (a 1 × 2 or 2 × 1 range, or an array constant); blank
 * cells are skipped, an error value propagates. When more than two numbers remain, zeros are
 * skipped as blanks too: Excel desktop passes blank cells as 0, and no cut-off can be 0 (two
 * cells holding a 0 still get core's message about the 0).
 */
export function readPair(grid: Grid, name: string): [number, number] {
  let out: number[] = [];
  for (const row of grid) {
    for (const v of row) {
      if (isBlank(v)) continue;
      out.push(readNumber(v, name));
    }
  }
  if (out.length > 2) out = out.filter((x) => x !== 0); // desktop blanks (0) beside the two cut-offs
  if (out.length !== 2) fail('#VALUE!', M.cutoffCount(name, out.length));
  return [out[0], out[1]];
}

/** Run a custom function body: returns its value, or throws a `CustomFunctions.Error` — never anything else. */
export function run<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toExcelError(e);
  }
}

export function toExcelError(e: unknown): CustomFunctions.Error {
  const lang = currentLang();
  if (e instanceof Failure) return excelError(e.code, e.message?.[lang]);
  if (e instanceof RuleSetError) return excelError('#VALUE!', M.rulesInvalid('rules', e.problemsIn(lang))[lang]);
  if (e instanceof MessageError) return excelError('#VALUE!', e.messages[lang]);
  if (e instanceof RangeError) return excelError('#VALUE!', e.message);
  return excelError('#VALUE!', M.unexpected(e instanceof Error ? e.message : String(e))[lang]);
}
