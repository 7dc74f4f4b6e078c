import { promises as fs } from 'fs';
import * as path from 'path';
// ExcelJS is loaded only when an .xlsx is read: the CSV path and --help never load it (issue 17)
import type ExcelJS from 'exceljs';
import type { CellValue } from '../core/cells';
import type { Lang } from '../core/format';
import type { Message } from '../core/messages';
import { CLIENT_SHEET_NAMES, SUMMARY_SHEET_NAMES } from '../core/resultColumns';
import { detectTable, TableNotFoundError } from '../core/table';

/**
 * Reading the command line's input: an .xlsx workbook (ExcelJS) or a .csv / .csv.gz file,
 * turned into the plain 2-D cell arrays the core works on.
 */
export class InputError extends Error {
  /** `message` is English; `messages` holds both languages when the text comes from core. */
  constructor(
    message: string,
    public readonly messages?: Record<Lang, string>,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export interface SheetGrid {
  name: string;
  grid: CellValue[][];
  /** How the file was read (a CSV's encoding when it is not UTF-8), for the analysis notes. */
  notes?: Message[];
  /** Cells (zero-based) holding a formula without a saved result (see AnalyzeOptions). */
  formulasWithoutValue?: Array<{ row: number; col: number }>;
}

export interface InputFile {
  kind: 'xlsx' | 'csv';
  path: string;
  sheets: SheetGrid[];
  workbook?: ExcelJS.Workbook;
  /** the .xlsx package as read (after normaliseXlsx), to check what a written copy kept */
  bytes?: Uint8Array;
}

export function fileKind(file: string): 'xlsx' | 'csv' {
  const f = file.toLowerCase();
  if (f.endsWith('.xlsx') || f.endsWith('.xlsm')) return 'xlsx';
  if (f.endsWith('.csv') || f.endsWith('.csv.gz') || f.endsWith('.txt') || f.endsWith('.tsv')) return 'csv';
  throw new InputError(`Unsupported file type: ${path.basename(file)}. Use an .xlsx workbook or a .csv file (old .xls files: save as .xlsx in Excel first).`);
}

/**
 * `workbook: false` (analyze): an .xlsx is streamed into grids by ./xlsxStream, with no ExcelJS
 * workbook model (bounded memory on full-height sheets, issue 17); `apply` still loads the
 * workbook with ExcelJS, since it writes a copy of it.
 */
export async function readInput(file: string, options: { workbook?: boolean } = {}): Promise<InputFile> {
  const kind = fileKind(file);
  if (kind === 'csv') {
    // in chunks, never one string (./csvStream): BOMs, UTF-16, Windows-1251/1252 as core/decodeText decides
    const { readCsvGrid } = await import('./csvStream');
    return { kind, path: file, sheets: [await readCsvGrid(file)] };
  }
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`File not found: ${file}`);
    if (code === 'EISDIR') throw new InputError(`${file} is a folder, not a file.`);
    throw new InputError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  // The cell values come from the streamed reader on both paths (bounded memory; ExcelJS loses a
  // formula's cached 0 and would make it look uncalculated); apply also loads the workbook with
  // ExcelJS, since it writes a copy of it. Not a zip: the same refusals on both paths.
  // the zip reader (fflate) loads for .xlsx only
  const { checkXlsxSignature, PackageError } = await import('./xlsxPackage');
  try {
    checkXlsxSignature(data, path.basename(file));
  } catch (e) {
    if (e instanceof PackageError) throw new InputError(e.messages.en, e.messages);
    throw e;
  }
  const { readXlsxGrids } = await import('./xlsxStream');
  let sheets: SheetGrid[];
  try {
    sheets = await readXlsxGrids(data);
  } catch (e) {
    throw new InputError(`Cannot read ${path.basename(file)} as an .xlsx workbook (${(e as Error).message}). Is it a real Excel file?`);
  }
  if (options.workbook === false) return { kind, path: file, sheets };
  const { workbook, bytes } = await loadXlsx(data, path.basename(file));
  return { kind, path: file, sheets, workbook, bytes };
}

/** An .xlsx through `normaliseXlsx` (packages other programs write) into ExcelJS. */
export async function loadXlsx(data: Uint8Array, name: string): Promise<{ workbook: ExcelJS.Workbook; bytes: Uint8Array }> {
  const { normaliseXlsx, PackageError } = await import('./xlsxPackage');
  let bytes: Uint8Array;
  try {
    bytes = normaliseXlsx(data, name).bytes;
  } catch (e) {
    if (e instanceof PackageError) throw new InputError(e.messages.en, e.messages);
    throw e;
  }
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError(`Cannot read ${name} as an .xlsx workbook (${(e as Error).message}). Is it a real Excel file?`);
  }
  return { workbook, bytes };
}

/**
 * An ExcelJS worksheet as a 2-D array of plain cell values (formula cells give their saved
 * result). The command line reads cell values with ./xlsxStream, which also lists formulas
 * without a saved result; this serves the tests and tools that hold an ExcelJS workbook.
 */
export function worksheetGrid(ws: ExcelJS.Worksheet): CellValue[][] {
  const grid: CellValue[][] = [];
  const rowCount = ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const out: CellValue[] = [];
    const values = row.values as unknown[];
    for (let c = 1; c < values.length; c++) out.push(plainValue(values[c]));
    grid.push(out);
  }
  return grid;
}

export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return plainValue(o.result);
    if ('richText' in o && Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((t) => t.text).join('');
    if ('error' in o) return String(o.error);
    if ('text' in o) return plainValue(o.text);
  }
  return String(v);
}

const OWN_SHEETS = new Set([...Object.values(SUMMARY_SHEET_NAMES), ...Object.values(CLIENT_SHEET_NAMES)].map((n) => n.toLowerCase()));

/** Is this one of the sheets the add-in writes (never picked as the client table)? */
export function isOwnSheet(name: string): boolean {
  return OWN_SHEETS.has(name.trim().toLowerCase());
}

/** Pick the sheet: by name when given, else the first (in tab order) with a confident client table, else the best one. */
export function pickSheet(input: InputFile, name?: string): SheetGrid {
  if (name !== undefined) {
    const s = input.sheets.find((x) => x.name === name) ?? input.sheets.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
    if (!s) throw new InputError(`No sheet "${name}" in ${path.basename(input.path)}. Sheets: ${input.sheets.map((x) => `"${x.name}"`).join(', ')}.`);
    return s;
  }
  let best: { s: SheetGrid; conf: number } | undefined;
  let firstError: Record<Lang, string> | undefined;
  for (const s of input.sheets) {
    if (input.kind === 'xlsx' && isOwnSheet(s.name)) continue; // a CSV's one sheet is the user's whatever its name
    try {
      const t = detectTable(s.grid);
      if (t.confidence >= 0.6) return s;
      if (!best || t.confidence > best.conf) best = { s, conf: t.confidence };
    } catch (e) {
      if (!(e instanceof TableNotFoundError)) throw e;
      firstError ??= { en: `Sheet "${s.name}": ${e.messages.en}`, ru: `Лист «${s.name}»: ${e.messages.ru}` };
    }
  }
  if (!best) throw firstError ? new InputError(firstError.en, firstError) : new InputError(`${path.basename(input.path)} has no sheets.`);
  return best.s;
}
