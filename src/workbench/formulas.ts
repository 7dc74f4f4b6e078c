import { parseRef } from './standin/address';
import { CellError, SheetModel, WorkbookModel } from './standin/model';

/**
 * Evaluating `=CLIENTS.*` formulas in the workbench with the REAL custom functions: the built
 * functions.js registers them through a `CustomFunctions.associate` stub (as Excel's runtime
 * does), and arguments are passed the way Excel passes them — ranges as 2-D arrays with `null`
 * for blanks, single cells as values where the parameter is a scalar (from functions.json).
 * Only calls of one CLIENTS function with references, numbers and strings are evaluated; other
 * formulas keep their cached result.
 */
export interface FunctionMeta {
  id: string;
  name: string;
  parameters: Array<{ name: string; dimensionality?: string; optional?: boolean }>;
}

export interface Registry {
  functions: Map<string, (...args: unknown[]) => unknown>;
  meta: Map<string, FunctionMeta>;
}

export type Evaluated = string | number | boolean | Array<Array<string | number | boolean>>;

function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  for (const ch of s) {
    if (ch === '"') quote = !quote;
    if (!quote && ch === '(') depth++;
    if (!quote && ch === ')') depth--;
    if (!quote && depth === 0 && (ch === ',' || ch === ';')) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '' || out.length) out.push(cur.trim());
  return out;
}

function cellValue(sheet: SheetModel, r: number, c: number): string | number | boolean | null {
  const v = sheet.getValue(r, c);
  if (v === undefined || v === null || v === '') return null;
  if (v instanceof CellError) return v.code;
  return v as string | number | boolean;
}

function readArg(arg: string, here: SheetModel, model: WorkbookModel, matrix: boolean): unknown {
  if (arg === '') return undefined;
  if (/^".*"$/.test(arg)) return arg.slice(1, -1).replace(/""/g, '"');
  if (/^-?\d+(\.\d+)?$/.test(arg)) return Number(arg);
  if (/^(TRUE|FALSE)$/i.test(arg)) return arg.toUpperCase() === 'TRUE';
  let sheet = here;
  let ref = arg;
  const bang = arg.lastIndexOf('!');
  if (bang > 0) {
    const name = arg.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    const s = model.findSheet(name);
    if (!s) throw new CellError('#REF!');
    sheet = s;
    ref = arg.slice(bang + 1);
  }
  const rect = parseRef(ref.replace(/\$/g, ''));
  if (!rect) throw new CellError('#NAME?');
  const used = sheet.usedRange(false);
  const r1 = Math.min(rect.r1, used ? used.r1 : rect.r0);
  const c1 = Math.min(rect.c1, used ? used.c1 : rect.c0);
  const rows: unknown[][] = [];
  for (let r = rect.r0; r <= Math.max(r1, rect.r0); r++) {
    const row: unknown[] = [];
    for (let c = rect.c0; c <= Math.max(c1, rect.c0); c++) row.push(cellValue(sheet, r, c));
    rows.push(row);
  }
  return matrix ? rows : rows[0][0];
}

/** Evaluate one formula; undefined when it is not a CLIENTS call this evaluator understands. */
export function evaluateClientsFormula(formula: string, here: SheetModel, model: WorkbookModel, registry: Registry): Evaluated | undefined {
  const m = /^=?\s*CLIENTS\.([A-Z]+)\s*\((.*)\)\s*$/i.exec(formula.trim());
  if (!m) return undefined;
  const id = m[1].toUpperCase();
  const fn = registry.functions.get(id);
  const meta = registry.meta.get(id);
  if (!fn || !meta) return '#NAME?';
  try {
    const args = splitArgs(m[2]).map((a, i) => readArg(a, here, model, meta.parameters[i]?.dimensionality === 'matrix'));
    const result = fn(...args);
    return normalise(result);
  } catch (e) {
    if (e instanceof CellError) return e.code;
    const code = (e as { code?: string })?.code;
    return typeof code === 'string' && code.startsWith('#') ? code : '#VALUE!';
  }
}

function normalise(v: unknown): Evaluated {
  if (Array.isArray(v)) return v.map((row: unknown[]) => row.map((x) => scalar(x)));
  return scalar(v);
}

function scalar(v: unknown): string | number | boolean {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  const code = (v as { code?: string })?.code;
  if (typeof code === 'string') return code.startsWith('#') ? code : `#${code}`;
  return '#VALUE!';
}

/** The registry the stub CustomFunctions global filled while functions.js loaded. */
export function registryFromGlobal(meta: { functions: FunctionMeta[] }): Registry {
  const g = globalThis as unknown as { __clientTiersFunctions?: Map<string, (...args: unknown[]) => unknown> };
  return { functions: g.__clientTiersFunctions ?? new Map(), meta: new Map(meta.functions.map((f) => [f.id.toUpperCase(), f])) };
}
