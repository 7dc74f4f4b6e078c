import { CellValue } from '../core/cells';
import { Lang } from '../core/format';
import { chunksByBytes, excelApiSupported, ExcelRun, jsonBytes, PAYLOAD_BUDGET, Progress } from './host';
import { toLayerError } from './errors';
import { readSheet } from './readSheet';
import { fitCell } from './cellText';

/**
 * Sheets the add-in owns ("Tier history", "Notices", "Client tiers", "Dashboard"): created on
 * first use with a bold header row, appended to or rewritten in chunks. Client text goes into
 * text-formatted ('@') cells, so nothing a client typed becomes a formula.
 *
 * **Ownership.** A sheet the add-in creates is marked as its own, and a sheet that is not marked
 * is never written to: when the user has a sheet of that name (their own "Notices"), ours goes
 * to the first free name of "Notices (2)", "Notices (3)"… The mark:
 * - a worksheet-level custom property `ClientTiers.sheet` whose value is the sheet's base name
 *   (ExcelApi 1.12, https://learn.microsoft.com/javascript/api/excel/excel.worksheetcustompropertycollection).
 *   It belongs to the worksheet, so it follows the sheet through a rename or move and is saved in
 *   the file with it (the sheet part's `customProperties`, ECMA-376 §18.3.1.24); a copy of the
 *   sheet made in Excel carries it too (then either copy counts as ours: both hold our output);
 * - on a host without ExcelApi 1.12, a record in the workbook settings (`clientTiers.ownedSheets`:
 *   worksheet id → base name). `Worksheet.id` "remains the same even when the worksheet is renamed
 *   or moved" (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-id-member);
 *   the docs do not promise it survives closing the file, so if it does not, such a sheet is only
 *   found again by the legacy rule below, or a new "(2)" sheet is made: nothing is overwritten.
 * Sheets made before marks existed are adopted (and marked) when they are empty or begin with
 * exactly our header row (`legacy` may accept more, e.g. the dashboard's title).
 *
 * Cells longer than Excel's 32,767 characters are cut with a note (`fitCellText`); every request
 * is sized from the bytes its own rows carry (`chunksByBytes`).
 */
export interface OwnedSheetSpec {
  name: string;
  headers: string[];
  /** Number format per column ('@' text, 'yyyy-mm-dd', '#,##0.00', 'General'). */
  formats: string[];
  columnWidths?: number[];
  /** Language of the notes in cut cells (default 'en'). */
  lang?: Lang;
}

/** Key of the worksheet custom property that marks our sheets. */
export const OWNER_PROPERTY = 'ClientTiers.sheet';
/** Settings key of the id → base name record (hosts without ExcelApi 1.12). */
export const OWNED_SHEETS_SETTING = 'clientTiers.ownedSheets';
/** Excel's limit on a sheet name. */
const MAX_SHEET_NAME = 31;

/** Extra test for a sheet made before marks existed (the header test is built in). */
export type LegacyTest = (ctx: Excel.RequestContext, ws: Excel.Worksheet) => Promise<boolean>;

const lower = (s: string) => s.toLocaleLowerCase();

/** "Notices", "Notices (2)", … each within Excel's 31 characters. */
export function candidateName(base: string, n: number): string {
  if (n <= 1) return base.slice(0, MAX_SHEET_NAME);
  const tail = ` (${n})`;
  return `${base.slice(0, MAX_SHEET_NAME - tail.length)}${tail}`;
}

interface SheetMarks {
  /** Lower-cased sheet name → the base name it is marked with (absent: not ours). */
  byName: Map<string, string>;
  /** Whether worksheet custom properties work on this host. */
  properties: boolean;
  /** The settings record (id → base name), as read. */
  record: Record<string, string>;
  sheets: Array<{ name: string; id: string }>;
}

function isApiNotFound(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === 'ApiNotFound';
}

/** Every sheet's name and id, and which are ours (one sync; two on a host without ExcelApi 1.12). */
async function readMarks(ctx: Excel.RequestContext): Promise<SheetMarks> {
  const sheets = ctx.workbook.worksheets;
  let properties = excelApiSupported('1.12');
  // the custom properties of every sheet, loaded with the sheets (nested collection load)
  sheets.load(properties ? 'items/name,items/id,items/customProperties/items/key,items/customProperties/items/value' : 'items/name,items/id');
  const setting = ctx.workbook.settings.getItemOrNullObject(OWNED_SHEETS_SETTING).load('value');
  try {
    await ctx.sync();
  } catch (e) {
    if (!properties || !isApiNotFound(e)) throw e;
    properties = false;
    sheets.load('items/name,items/id');
    setting.load('value');
    await ctx.sync();
  }
  let record: Record<string, string> = {};
  if (!setting.isNullObject) {
    try {
      const v: unknown = typeof setting.value === 'string' ? JSON.parse(setting.value) : setting.value;
      if (v && typeof v === 'object' && !Array.isArray(v)) record = Object.fromEntries(Object.entries(v).filter(([, b]) => typeof b === 'string')) as Record<string, string>;
    } catch {
      record = {};
    }
  }
  const byName = new Map<string, string>();
  const list = sheets.items.map((ws) => ({ name: ws.name, id: ws.id }));
  for (const s of list) if (record[s.id]) byName.set(lower(s.name), record[s.id]);
  if (properties) {
    sheets.items.forEach((ws, i) => {
      const p = ws.customProperties.items.find((c) => lower(c.key) === lower(OWNER_PROPERTY));
      if (p && typeof p.value === 'string' && p.value !== '') byName.set(lower(list[i].name), p.value);
    });
  }
  return { byName, properties, record, sheets: list };
}

/** Queue the mark on a sheet we created or adopted. */
function mark(ctx: Excel.RequestContext, ws: Excel.Worksheet, base: string, marks: SheetMarks, id: string): void {
  if (marks.properties) ws.customProperties.add(OWNER_PROPERTY, base);
  else {
    marks.record[id] = base;
    ctx.workbook.settings.add(OWNED_SHEETS_SETTING, JSON.stringify(marks.record));
  }
}

/** Whether an unmarked sheet is one we made before marks existed: empty, or our header row first. */
async function isLegacy(ctx: Excel.RequestContext, ws: Excel.Worksheet, headers: string[], legacy?: LegacyTest): Promise<boolean> {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex');
  const head = headers.length ? ws.getRangeByIndexes(0, 0, 1, headers.length + 1).load('values') : null;
  await ctx.sync();
  if (used.isNullObject) return true;
  if (head && used.rowIndex === 0 && used.columnIndex === 0) {
    const row = head.values[0];
    if (headers.every((h, i) => row[i] === h) && (row[headers.length] === '' || row[headers.length] === null)) return true;
  }
  return legacy ? legacy(ctx, ws) : false;
}

export interface LocatedSheet {
  /** The sheet to use, or null when it must be created under `name`. */
  ws: Excel.Worksheet | null;
  name: string;
  /** An existing unmarked sheet of ours (legacy) to be marked. */
  adopt: boolean;
  marks: SheetMarks;
  id: string;
}

/**
 * Which sheet holds our `base` sheet: one marked with it (the one named `base` first), else a
 * legacy sheet named `base`, else the first free name of base, "base (2)"… (to create).
 * `forceBase`: the user confirmed that the sheet named `base` may be taken over.
 */
export async function locateOwnedSheet(ctx: Excel.RequestContext, base: string, headers: string[], legacy?: LegacyTest, forceBase = false): Promise<LocatedSheet> {
  const marks = await readMarks(ctx);
  const ours = marks.sheets.filter((s) => marks.byName.get(lower(s.name)) === base);
  const pick = ours.find((s) => lower(s.name) === lower(base)) ?? ours[0];
  if (pick) return { ws: ctx.workbook.worksheets.getItem(pick.name), name: pick.name, adopt: false, marks, id: pick.id };
  for (let n = 1; ; n++) {
    const name = candidateName(base, n);
    const existing = marks.sheets.find((s) => lower(s.name) === lower(name));
    if (!existing) return { ws: null, name, adopt: false, marks, id: '' };
    if (marks.byName.has(lower(existing.name))) continue; // another kind of ours
    const ws = ctx.workbook.worksheets.getItem(existing.name);
    if (n === 1 && (forceBase || (await isLegacy(ctx, ws, headers, legacy)))) return { ws, name: existing.name, adopt: true, marks, id: existing.id };
  }
}

/** Our sheet for `base` if there is one (marked, or a legacy one), without creating anything. */
export async function findOwnedSheet(run: ExcelRun, base: string, headers: string[] = [], legacy?: LegacyTest): Promise<string | null> {
  try {
    return await run(async (ctx) => {
      const at = await locateOwnedSheet(ctx, base, headers, legacy);
      return at.ws ? at.name : null;
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/** The located sheet, created (marked, with its header) or adopted (marked). */
export async function takeOwnedSheet(ctx: Excel.RequestContext, at: LocatedSheet, base: string, setUp: (ws: Excel.Worksheet) => void): Promise<{ ws: Excel.Worksheet; created: boolean }> {
  if (at.ws) {
    if (at.adopt) {
      mark(ctx, at.ws, base, at.marks, at.id);
      await ctx.sync();
    }
    return { ws: at.ws, created: false };
  }
  const ws = ctx.workbook.worksheets.add(at.name);
  setUp(ws);
  if (at.marks.properties) mark(ctx, ws, base, at.marks, '');
  else ws.load('id');
  await ctx.sync();
  if (!at.marks.properties) {
    mark(ctx, ws, base, at.marks, ws.id);
    await ctx.sync();
  }
  return { ws, created: true };
}

async function ensure(ctx: Excel.RequestContext, spec: OwnedSheetSpec): Promise<{ ws: Excel.Worksheet; name: string; nextRow: number; created: boolean }> {
  const at = await locateOwnedSheet(ctx, spec.name, spec.headers);
  const { ws, created } = await takeOwnedSheet(ctx, at, spec.name, (sheet) => {
    const header = sheet.getRangeByIndexes(0, 0, 1, spec.headers.length);
    header.numberFormat = [spec.headers.map(() => '@')];
    header.values = [spec.headers];
    header.format.font.bold = true;
    if (spec.columnWidths) spec.columnWidths.forEach((w, i) => (sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w));
    sheet.freezePanes.freezeRows(1);
  });
  if (created) return { ws, name: at.name, nextRow: 1, created };
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,rowCount');
  await ctx.sync();
  return { ws, name: at.name, nextRow: used.isNullObject ? 0 : used.rowIndex + used.rowCount, created };
}

const cellOut = (v: CellValue, lang: Lang, cut: { cut: number }): string | number | boolean =>
  v === undefined || v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : (fitCell(v, lang, cut) as string | number | boolean);

async function writeRows(ctx: Excel.RequestContext, ws: Excel.Worksheet, at: number, spec: OwnedSheetSpec, rows: CellValue[][], onProgress?: Progress, budget = PAYLOAD_BUDGET): Promise<number> {
  if (rows.length === 0) return 0;
  const cols = spec.headers.length;
  const lang = spec.lang ?? 'en';
  const counter = { cut: 0 };
  const out = rows.map((row) => Array.from({ length: cols }, (_, c) => cellOut(row[c], lang, counter)));
  const formatBytes = jsonBytes(spec.formats);
  // a number in a text ('@') column (a numeric client id) keeps a number format, so it stays a
  // number a VLOOKUP on the user's ids finds; text keeps '@' (never turned into a formula)
  const formatsOf = (row: ReadonlyArray<unknown>) => (row.some((v, c) => typeof v === 'number' && spec.formats[c] === '@') ? row.map((v, c) => (typeof v === 'number' && spec.formats[c] === '@' ? 'General' : spec.formats[c])) : spec.formats);
  for (const [s, e] of chunksByBytes(out.length, (i) => jsonBytes(out[i]) + formatBytes, budget)) {
    const r = ws.getRangeByIndexes(at + s, 0, e - s, cols);
    r.numberFormat = out.slice(s, e).map(formatsOf);
    r.values = out.slice(s, e);
    await ctx.sync();
    onProgress?.(e / rows.length, 'write');
  }
  return counter.cut;
}

export interface OwnedWrite {
  /** The sheet written (the base name, or "Notices (2)" when a sheet of the user's has the base name). */
  sheet: string;
  /** First row written (zero-based). */
  fromRow: number;
  /** The sheet was created by this call. */
  created: boolean;
  /** Cells cut to Excel's 32,767 characters (with a note in the cell). */
  cut: number;
}

/** Append rows under the existing ones (creating the sheet with its header if needed). */
export async function appendRows(run: ExcelRun, spec: OwnedSheetSpec, rows: CellValue[][], onProgress?: Progress, budget?: number): Promise<OwnedWrite> {
  try {
    return await run(async (ctx) => {
      const { ws, name, nextRow, created } = await ensure(ctx, spec);
      const cut = await writeRows(ctx, ws, nextRow, spec, rows, onProgress, budget);
      return { sheet: name, fromRow: nextRow, created, cut };
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/** Rewrite an owned sheet's data (header kept), clearing what was below. */
export async function replaceRows(run: ExcelRun, spec: OwnedSheetSpec, rows: CellValue[][], onProgress?: Progress, budget?: number): Promise<OwnedWrite> {
  try {
    return await run(async (ctx) => {
      const { ws, name, nextRow, created } = await ensure(ctx, spec);
      if (nextRow > 1) ws.getRangeByIndexes(1, 0, nextRow - 1, Math.max(spec.headers.length, 1)).clear('Contents');
      const cut = await writeRows(ctx, ws, 1, spec, rows, onProgress, budget);
      return { sheet: name, fromRow: 1, created, cut };
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/** Delete the rows appended from `fromRow` on (undo of an append). */
export async function truncateRows(run: ExcelRun, name: string, fromRow: number, columns: number): Promise<void> {
  try {
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      await ctx.sync();
      if (ws.isNullObject) return;
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,rowCount');
      await ctx.sync();
      if (used.isNullObject) return;
      const end = used.rowIndex + used.rowCount;
      // 'All': the appended rows' number formats go too, so nothing of them is left behind
      if (end > fromRow) ws.getRangeByIndexes(fromRow, 0, end - fromRow, columns).clear('All');
      await ctx.sync();
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/** Whether a sheet of that name exists. */
export async function ownedSheetExists(run: ExcelRun, name: string): Promise<boolean> {
  try {
    return await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      await ctx.sync();
      return !ws.isNullObject;
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/**
 * Delete a sheet the apply created (its undo). Only a sheet marked as ours goes: one the user
 * renamed ours to, or put in its place, is left (nothing when it does not exist).
 */
export async function deleteOwnedSheet(run: ExcelRun, name: string): Promise<void> {
  try {
    await run(async (ctx) => {
      const marks = await readMarks(ctx);
      if (!marks.byName.has(lower(name))) return;
      ctx.workbook.worksheets.getItem(name).delete();
      await ctx.sync();
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/** All values of a sheet (header row first), read in chunks; [] when it does not exist. */
export async function readOwnedSheet(run: ExcelRun, name: string): Promise<CellValue[][]> {
  if (!(await ownedSheetExists(run, name))) return [];
  const data = await readSheet(run, { sheet: name }, { formatRows: 1 });
  // re-anchor at A1 so row 0 is the header row even if the sheet starts lower
  const pad: CellValue[][] = Array.from({ length: data.rowIndex }, () => []);
  return [...pad, ...data.values.map((r) => [...new Array(data.columnIndex).fill(null), ...r])];
}
