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
 */
export type Grid = ReadonlyArray<ReadonlyArray<unknown>>;

export type ErrorText = '#VALUE!' | '#N/A' | '#DIV/0!' | '#NUM!' | '#NULL!' | '#NAME?' | '#REF!';

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

/** A `CustomFunctions.Error`; only #VALUE! and #N/A carry a message. */
export function excelError(code: ErrorText, message?: string): CustomFunctions.Error {
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

/** The error to put back for an error value met in an argument (same code; others as #VALUE!). */
function propagated(code: string, name: string): Failure {
  return isErrorText(code) ? new Failure(code) : new Failure('#VALUE!', M.wasError(name, code));
}

/** Error value for one cell of a spilled result that mirrors an input cell holding `code`. */
export function errorCell(code: string): CustomFunctions.Error {
  return isErrorText(code) ? excelError(code) : excelError('#VALUE!', `${code}`);
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

/** A range argument as rows of cells; undefined when omitted. A single value is a 1 × 1 range. */
export function readGrid(v: unknown): Grid | undefined {
  if (omitted(v)) return undefined;
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    return Array.isArray(v[0]) ? (v as Grid) : [v];
  }
  return [[v]];
}

export function cellCount(grid: Grid): number {
  let n = 0;
  for (const row of grid) n += row.length;
  return n;
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
 * cells are skipped, an error value propagates.
 */
export function readPair(grid: Grid, name: string): [number, number] {
  const out: number[] = [];
  for (const row of grid) {
    for (const v of row) {
      if (isBlank(v)) continue;
      out.push(readNumber(v, name));
    }
  }
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
