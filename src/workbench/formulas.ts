import { MAX_ROWS, parseRef, Rect, splitSheet } from './standin/address';
import { HostProfile, hostProfile } from './standin/hostProfile';
import { CellError, SheetModel, WorkbookModel } from './standin/model';

/**
 * Evaluating `=CLIENTS.*` formulas in the workbench with the REAL custom functions: the built
 * functions.js registers them through a `CustomFunctions.associate` stub (as Excel's runtime
 * does), and arguments are passed the way Excel passes them on the host profile in force
 * (src/workbench/standin/hostProfile.ts):
 *
 * - ranges as 2-D arrays, single cells as values where the parameter is a scalar (functions.json);
 *   a blank cell as `null` (web) or `0` (desktop: profile.blankArgument 'zero', office-js #4702, #5262);
 * - an error value in an argument: without `"allowErrorForDataTypeAny": true` in functions.json
 *   Excel does not call the function and the cell shows that error; with it, the error is passed
 *   (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors, "Errors as custom
 *   function inputs"). Its shape is an assumption: an `Excel.ErrorCellValue`-like object
 *   `{ type: 'Error', basicValue: '#N/A' }` when functions.json also has
 *   `allowCustomDataForDataTypeAny`, else a `CustomFunctions.Error`-like `{ code: '#N/A' }`;
 * - input over profile.customFunctionInputLimitBytes (about 5 MB per call): not called, #VALUE!;
 *   a whole-column reference fails on the web (profile.wholeColumnArgumentFails): #VALUE!;
 * - references: A1, A1:B9, C:C, C$2:C$100001, Sheet!A1, 'My sheet'!A1, a workbook defined name
 *   (workbook.names); numbers, "text", TRUE/FALSE and array constants {0.8,0.95} / {1;2}.
 *
 * Recalculation (profile.recalcOnlyDependents, as Excel: a non-volatile custom function is
 * recalculated only when a cell it references changes, or on a full recalculation —
 * custom-functions-overview / custom-functions-volatile): a `Calculator` keeps each formula cell's
 * result with a fingerprint of its arguments, and calls the function again only when the
 * fingerprint changed, the formula is volatile, or `Application.calculate(Full)` was requested
 * (WorkbookModel.fullCalculations). So a formula reading state that Excel cannot see (rules in the
 * pane's memory) stays stale here exactly as it would in Excel until a full recalculation.
 */
export interface FunctionMeta {
  id: string;
  name: string;
  parameters: Array<{ name: string; dimensionality?: string; optional?: boolean }>;
  options?: { volatile?: boolean };
}

/** functions.json as the build writes it. */
export interface FunctionsMetadata {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
  functions: FunctionMeta[];
}

export interface Registry {
  functions: Map<string, (...args: unknown[]) => unknown>;
  meta: Map<string, FunctionMeta>;
  /** functions.json's top-level `allowErrorForDataTypeAny`. */
  allowErrors?: boolean;
  /** functions.json's top-level `allowCustomDataForDataTypeAny`. */
  customData?: boolean;
  /** The calculator of each workbook evaluated with this registry (see Calculator). */
  calculators?: WeakMap<WorkbookModel, Calculator>;
}

export type Evaluated = string | number | boolean | Array<Array<string | number | boolean>>;

/** Thrown while reading arguments: the cell shows `code` and the function is not called. */
class NotCalled {
  constructor(readonly code: string) {}
}

function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  for (const ch of s) {
    if (ch === '"') quote = !quote;
    if (!quote && (ch === '(' || ch === '{')) depth++;
    if (!quote && (ch === ')' || ch === '}')) depth--;
    if (!quote && depth === 0 && (ch === ',' || ch === ';')) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '' || out.length) out.push(cur.trim());
  return out;
}

function literal(text: string): unknown {
  if (/^".*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === 'TRUE';
  return undefined;
}

/** Where a reference or a defined name points: a sheet and a rectangle. */
function resolveRef(arg: string, here: SheetModel, model: WorkbookModel): { sheet: SheetModel; rect: Rect } {
  const named = /^[\p{L}_\\][\p{L}\p{N}._\\]*$/u.test(arg) && !parseRef(arg) ? model.findName(arg) : undefined;
  if (named) {
    const t = named.target;
    if (!t) throw new NotCalled('#REF!');
    return t;
  }
  const { sheet: sheetName, ref } = splitSheet(arg);
  const sheet = sheetName !== undefined ? model.findSheet(sheetName) : here;
  if (!sheet) throw new NotCalled('#REF!');
  const rect = parseRef(ref.replace(/\$/g, ''));
  if (!rect) throw new NotCalled('#NAME?');
  return { sheet, rect };
}

interface ArgContext {
  profile: HostProfile;
  registry: Registry;
  /** Error codes met in the arguments, in order (to show when the function is not called). */
  errors: string[];
}

function passError(code: string, a: ArgContext): unknown {
  a.errors.push(code);
  return a.registry.customData ? { type: 'Error', basicValue: code } : { code };
}

function cellArg(sheet: SheetModel, r: number, c: number, a: ArgContext): unknown {
  const v = sheet.getValue(r, c);
  if (v === undefined || v === null || v === '') return a.profile.blankArgument === 'zero' ? 0 : null;
  if (v instanceof CellError) return passError(v.code, a);
  return v;
}

function readArg(arg: string, here: SheetModel, model: WorkbookModel, matrix: boolean, a: ArgContext): unknown {
  if (arg === '') return null; // an omitted argument arrives as null
  const lit = literal(arg);
  if (lit !== undefined) return matrix ? [[lit]] : lit;
  if (arg.startsWith('{') && arg.endsWith('}')) {
    const rows = arg
      .slice(1, -1)
      .split(';')
      .map((row) => row.split(',').map((x) => literal(x.trim()) ?? null));
    return matrix ? rows : rows[0][0];
  }
  const { sheet, rect } = resolveRef(arg, here, model);
  if (rect.r0 === 0 && rect.r1 === MAX_ROWS - 1 && a.profile.wholeColumnArgumentFails) throw new NotCalled('#VALUE!');
  const rows: unknown[][] = new Array(rect.r1 - rect.r0 + 1);
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: unknown[] = new Array(rect.c1 - rect.c0 + 1);
    for (let c = rect.c0; c <= rect.c1; c++) row[c - rect.c0] = cellArg(sheet, r, c, a);
    rows[r - rect.r0] = row;
  }
  return matrix ? rows : rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
}

/** UTF-8 JSON size of the arguments as Excel would marshal them (no string building for big ranges). */
export function argumentBytes(args: unknown[]): number {
  let n = 2;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      n += 2;
      for (const x of v) {
        walk(x);
        n += 1;
      }
    } else if (typeof v === 'number') n += String(v).length;
    else if (typeof v === 'string') n += new TextEncoder().encode(v).length + 2;
    else n += JSON.stringify(v ?? null).length;
  };
  for (const a of args) walk(a);
  return n;
}

/** A cheap content fingerprint of the arguments (FNV-1a over their text), for the calculator. */
function fingerprint(args: unknown[]): string {
  let h = 0x811c9dc5;
  let count = 0;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
    count++;
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      mix('[');
      for (const x of v) walk(x);
      mix(']');
    } else mix(typeof v === 'object' && v !== null ? JSON.stringify(v) : `${typeof v}:${String(v)}`);
  };
  for (const a of args) walk(a);
  return `${(h >>> 0).toString(16)}:${count}`;
}

interface Call {
  id: string;
  args: unknown[];
}

type Prepared = { kind: 'call'; call: Call; fp: string; volatile: boolean } | { kind: 'value'; value: Evaluated };

function prepare(formula: string, here: SheetModel, model: WorkbookModel, registry: Registry, profile: HostProfile): Prepared | undefined {
  const m = /^=?\s*CLIENTS\.([A-Z]+)\s*\((.*)\)\s*$/i.exec(formula.trim());
  if (!m) return undefined;
  const id = m[1].toUpperCase();
  const fn = registry.functions.get(id);
  const meta = registry.meta.get(id);
  if (!fn || !meta) return { kind: 'value', value: '#NAME?' };
  const a: ArgContext = { profile, registry, errors: [] };
  try {
    const args = splitArgs(m[2]).map((text, i) => readArg(text, here, model, meta.parameters[i]?.dimensionality === 'matrix', a));
    if (a.errors.length && !registry.allowErrors) return { kind: 'value', value: a.errors[0] };
    if (argumentBytes(args) > profile.customFunctionInputLimitBytes) return { kind: 'value', value: '#VALUE!' };
    return { kind: 'call', call: { id, args }, fp: fingerprint(args), volatile: meta.options?.volatile === true };
  } catch (e) {
    if (e instanceof NotCalled) return { kind: 'value', value: e.code };
    throw e;
  }
}

function invoke(call: Call, registry: Registry): Evaluated {
  try {
    return normalise(registry.functions.get(call.id)!(...call.args));
  } catch (e) {
    const code = (e as { code?: string })?.code;
    return typeof code === 'string' && code.startsWith('#') ? outputError(code) : '#VALUE!';
  }
}

/**
 * Excel's recalculation for one workbook: results are kept per formula cell and recomputed only
 * when the cell's formula or the content of its arguments changed, the function is volatile, or a
 * full recalculation was requested since (see the file comment). `calls` counts function calls.
 */
export class Calculator {
  private readonly results = new Map<string, { formula: string; fp: string; value: Evaluated; generation: number }>();
  calls = 0;

  constructor(
    readonly model: WorkbookModel,
    readonly registry: Registry,
    readonly profile: HostProfile = hostProfile(),
  ) {}

  /** The value of the formula in `sheet` at (r, c). */
  value(formula: string, sheet: SheetModel, r: number, c: number): Evaluated | undefined {
    const p = prepare(formula, sheet, this.model, this.registry, this.profile);
    if (!p) return undefined;
    if (p.kind === 'value') return p.value;
    const key = `${sheet.id}:${r}:${c}`;
    const generation = this.model.fullCalculations;
    const kept = this.results.get(key);
    const fresh = kept && kept.formula === formula && kept.generation === generation && !p.volatile && (this.profile.recalcOnlyDependents ? kept.fp === p.fp : false);
    if (fresh) return kept.value;
    this.calls++;
    const value = invoke(p.call, this.registry);
    this.results.set(key, { formula, fp: p.fp, value, generation });
    return value;
  }
}

/** The calculator of `model` for this registry (one per workbook, kept on the registry). */
export function calculatorFor(model: WorkbookModel, registry: Registry, profile?: HostProfile): Calculator {
  registry.calculators ??= new WeakMap();
  let calc = registry.calculators.get(model);
  if (!calc) {
    calc = new Calculator(model, registry, profile);
    registry.calculators.set(model, calc);
  }
  return calc;
}

function normalise(v: unknown): Evaluated {
  if (Array.isArray(v)) return v.map((row: unknown[]) => row.map((x) => scalar(x)));
  return scalar(v);
}

/** An error a function returned, as the cell shows it (#REF! and #NAME? cannot be returned: flagged as #VALUE!). */
function outputError(code: string): string {
  return code === '#REF!' || code === '#NAME?' ? '#VALUE!' : code;
}

function scalar(v: unknown): string | number | boolean {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  const code = (v as { code?: string })?.code;
  if (typeof code === 'string') return outputError(code.startsWith('#') ? code : `#${code}`);
  return '#VALUE!';
}

/** The registry the stub CustomFunctions global filled while functions.js loaded. */
export function registryFromGlobal(meta: FunctionsMetadata): Registry {
  const g = globalThis as unknown as { __clientTiersFunctions?: Map<string, (...args: unknown[]) => unknown> };
  return registryOf(g.__clientTiersFunctions ?? new Map(), meta);
}

/** A registry from associated functions and their functions.json. */
export function registryOf(functions: Map<string, (...args: unknown[]) => unknown>, meta: FunctionsMetadata): Registry {
  return {
    functions,
    meta: new Map(meta.functions.map((f) => [f.id.toUpperCase(), f])),
    allowErrors: meta.allowErrorForDataTypeAny === true,
    customData: meta.allowCustomDataForDataTypeAny === true,
  };
}
