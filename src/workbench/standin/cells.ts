/**
 * Host-side cell operations the proxies run at sync: writing values / formulas / number formats
 * with Excel's entry rules and checks, and reading blocks the way Office reports them.
 */
import { Rect, rectCells, rectCols, rectRows } from './address';
import { Entry, entryFor, ERROR_LITERALS, MAX_CELL_TEXT } from './entry';
import { ErrorCodes, OfficeExtensionError } from './errors';
import { CellError, DEFAULT_NUMBER_FORMAT, OfficeCellValue, SheetModel } from './model';
import type { Exec } from './request';
import { formatText } from './text';

const PROTECTED_MESSAGE =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";
const DIMENSION_MESSAGE = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

export function assertWritable(sheet: SheetModel, location: string): void {
  if (sheet.protected) throw new OfficeExtensionError({ code: ErrorCodes.accessDenied, message: PROTECTED_MESSAGE, errorLocation: location });
}

/** Writes that touch every cell one by one are capped like Excel's "operation affects more than … cells". */
export function assertOperationSize(rect: Rect, x: Exec, location: string): void {
  const limit = x.engine.options.maxCellsPerOperation;
  if (rectCells(rect) > limit) {
    throw new OfficeExtensionError({
      code: ErrorCodes.operationCellsExceedLimit,
      message: `The operation attempted affects more than the limit of ${limit} cells.`,
      errorLocation: location,
    });
  }
}

/** A single range read is capped at 5,000,000 cells on every platform. */
export function assertReadSize(rect: Rect, x: Exec, location: string): void {
  const limit = x.engine.options.maxCellsPerRead;
  const cells = rectCells(rect);
  if (cells > limit) {
    throw new OfficeExtensionError({
      code: ErrorCodes.responsePayloadSizeLimitExceeded,
      message: `The response payload size has exceeded the limit: the range has ${cells} cells and a single read is limited to ${limit} cells.`,
      errorLocation: location,
    });
  }
}

function invalidArgument(location: string, message?: string): OfficeExtensionError {
  return new OfficeExtensionError({ code: ErrorCodes.invalidArgument, errorLocation: location, message });
}

/** Checks a written array has exactly the range's shape. */
function assertShape(data: unknown[], rect: Rect, location: string): void {
  const rows = rectRows(rect);
  const cols = rectCols(rect);
  if (data.length !== rows) throw invalidArgument(location, DIMENSION_MESSAGE);
  for (const row of data) if (!Array.isArray(row) || row.length !== cols) throw invalidArgument(location, DIMENSION_MESSAGE);
}

function assertCellInput(v: unknown, location: string): void {
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return;
  if (typeof v === 'string') {
    if (v.length > MAX_CELL_TEXT) throw invalidArgument(location, `Text values in cells are limited to ${MAX_CELL_TEXT} characters.`);
    return;
  }
  throw invalidArgument(location);
}

export function applyEntry(sheet: SheetModel, r: number, c: number, e: Entry): void {
  switch (e.kind) {
    case 'skip':
      return;
    case 'clear':
      sheet.setFormula(r, c, undefined);
      sheet.setValue(r, c, undefined);
      return;
    case 'value':
      sheet.setFormula(r, c, undefined);
      sheet.setValue(r, c, e.value);
      if (e.autoFormat && sheet.getNumberFormat(r, c) === DEFAULT_NUMBER_FORMAT) sheet.setNumberFormat(r, c, e.autoFormat);
      return;
    case 'formula':
      sheet.setFormula(r, c, e.formula, undefined);
      return;
  }
}

/** `Range.values = …` / `Range.formulas = …`: a scalar fills the range, a 2-D array must match it. */
export function writeCells(sheet: SheetModel, rect: Rect, data: unknown, x: Exec, location: string): void {
  assertWritable(sheet, location);
  if (!Array.isArray(data)) {
    assertCellInput(data, location);
    assertOperationSize(rect, x, location);
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) applyEntry(sheet, r, c, entryFor(data, sheet.getNumberFormat(r, c), location));
    return;
  }
  assertShape(data, rect, location);
  const rows = data as unknown[][];
  for (const row of rows) for (const v of row) assertCellInput(v, location);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const r = rect.r0 + i;
    for (let j = 0; j < row.length; j++) {
      const c = rect.c0 + j;
      applyEntry(sheet, r, c, entryFor(row[j], sheet.getNumberFormat(r, c), location));
    }
  }
}

/** `Range.numberFormat = …`: a format string for all cells or a 2-D array (null = unchanged). */
export function writeNumberFormats(sheet: SheetModel, rect: Rect, data: unknown, x: Exec, location: string): void {
  assertWritable(sheet, location);
  if (!Array.isArray(data)) {
    if (typeof data !== 'string') {
      if (data === null) return;
      throw invalidArgument(location);
    }
    assertOperationSize(rect, x, location);
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) sheet.setNumberFormat(r, c, data);
    return;
  }
  assertShape(data, rect, location);
  const rows = data as unknown[][];
  for (const row of rows) for (const v of row) if (v !== null && typeof v !== 'string') throw invalidArgument(location);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < row.length; j++) {
      const f = row[j];
      if (typeof f === 'string') sheet.setNumberFormat(rect.r0 + i, rect.c0 + j, f);
    }
  }
}

function grid<T>(rect: Rect, cell: (r: number, c: number) => T): T[][] {
  const out: T[][] = new Array(rectRows(rect));
  for (let r = rect.r0, i = 0; r <= rect.r1; r++, i++) {
    const row: T[] = new Array(rectCols(rect));
    for (let c = rect.c0, j = 0; c <= rect.c1; c++, j++) row[j] = cell(r, c);
    out[i] = row;
  }
  return out;
}

/** What `values` reports for a formula cell: its cached result, else the configured evaluation. */
function formulaResult(sheet: SheetModel, r: number, c: number, formula: string, x: Exec): OfficeCellValue {
  const cached = sheet.getValue(r, c);
  if (cached !== undefined) return cached instanceof CellError ? cached.code : cached;
  const evaluate = x.engine.options.evaluateFormula;
  return evaluate ? evaluate(formula, sheet, r, c) : '#NAME?';
}

/** `Range.values` (or with `formulas` true, `Range.formulas`) of a block. */
export function readCells(sheet: SheetModel, rect: Rect, x: Exec, formulas: boolean): OfficeCellValue[][] {
  const out = sheet.readValues(rect);
  if (sheet.formulaCount) {
    for (const [r, c, f] of sheet.formulaCells()) {
      if (r < rect.r0 || r > rect.r1 || c < rect.c0 || c > rect.c1) continue;
      out[r - rect.r0][c - rect.c0] = formulas ? f : formulaResult(sheet, r, c, f, x);
    }
  }
  return out;
}

export function readNumberFormats(sheet: SheetModel, rect: Rect): string[][] {
  return grid(rect, (r, c) => sheet.getNumberFormat(r, c));
}

export function readText(sheet: SheetModel, rect: Rect, x: Exec): string[][] {
  const values = readCells(sheet, rect, x, false);
  return grid(rect, (r, c) => {
    const v = values[r - rect.r0][c - rect.c0];
    const stored = sheet.getValue(r, c);
    return formatText(v === '' ? undefined : stored instanceof CellError ? stored : v, sheet.getNumberFormat(r, c));
  });
}

export function readValueTypes(sheet: SheetModel, rect: Rect, x: Exec): string[][] {
  const values = readCells(sheet, rect, x, false);
  return grid(rect, (r, c) => {
    const v = values[r - rect.r0][c - rect.c0];
    const stored = sheet.getValue(r, c);
    if (stored instanceof CellError) return 'Error';
    if (v === '') return 'Empty';
    if (typeof v === 'number') return 'Double';
    if (typeof v === 'boolean') return 'Boolean';
    return sheet.getFormula(r, c) !== undefined && ERROR_LITERALS.has(v) ? 'Error' : 'String';
  });
}

/**
 * One value for a block when all cells agree, null when they differ (Office's rule for format
 * properties). Cells past the sheet's used area hold the default, so huge ranges are cheap.
 */
export function uniformValue<T>(sheet: SheetModel, rect: Rect, get: (r: number, c: number) => T, dflt: T): T | null {
  const used = sheet.usedRange(false);
  const inner = used ? { r0: rect.r0, c0: rect.c0, r1: Math.min(rect.r1, used.r1), c1: Math.min(rect.c1, used.c1) } : null;
  let seen = false;
  let value: T = dflt;
  const see = (v: T): boolean => {
    if (!seen) {
      seen = true;
      value = v;
      return true;
    }
    return v === value;
  };
  if (!inner || inner.r1 < inner.r0 || inner.c1 < inner.c0 || inner.r1 < rect.r1 || inner.c1 < rect.c1) {
    if (!see(dflt)) return null;
  }
  if (inner && inner.r1 >= inner.r0 && inner.c1 >= inner.c0) {
    for (let c = inner.c0; c <= inner.c1; c++) for (let r = inner.r0; r <= inner.r1; r++) if (!see(get(r, c))) return null;
  }
  return value;
}

/** Parses a colour as Office accepts it: "#RRGGBB" or an HTML colour name; returns "#RRGGBB". */
export function parseColor(input: unknown, location: string): string {
  if (typeof input !== 'string') throw invalidArgument(location);
  const s = input.trim();
  if (/^#?[0-9a-fA-F]{6}$/.test(s)) return `#${s.replace('#', '').toUpperCase()}`;
  if (/^#[0-9a-fA-F]{3}$/.test(s)) return `#${s.slice(1).split('').map((ch) => ch + ch).join('').toUpperCase()}`;
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  throw invalidArgument(location);
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkgray: '#A9A9A9',
  darkgrey: '#A9A9A9',
  lightblue: '#ADD8E6',
  lightgreen: '#90EE90',
  lightyellow: '#FFFFE0',
  pink: '#FFC0CB',
  gold: '#FFD700',
  navy: '#000080',
  maroon: '#800000',
  olive: '#808000',
  teal: '#008080',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  brown: '#A52A2A',
  darkgreen: '#006400',
  darkblue: '#00008B',
  darkred: '#8B0000',
};
