import { CellValue } from '../core/cells';
import { ExcelRun, PAYLOAD_BUDGET, Progress } from './host';
import { toLayerError } from './errors';
import { readSheet } from './readSheet';

/**
 * Sheets the add-in owns ("Tier history", "Notices", "Dashboard"): created on first use with a
 * bold header row, appended to or rewritten in chunks. Client text goes into text-formatted ('@')
 * cells, so nothing a client typed becomes a formula.
 */
export interface OwnedSheetSpec {
  name: string;
  headers: string[];
  /** Number format per column ('@' text, 'yyyy-mm-dd', '#,##0.00', 'General'). */
  formats: string[];
  columnWidths?: number[];
}

async function ensure(ctx: Excel.RequestContext, spec: OwnedSheetSpec): Promise<{ ws: Excel.Worksheet; nextRow: number }> {
  let ws = ctx.workbook.worksheets.getItemOrNullObject(spec.name);
  await ctx.sync();
  if (ws.isNullObject) {
    ws = ctx.workbook.worksheets.add(spec.name);
    const header = ws.getRangeByIndexes(0, 0, 1, spec.headers.length);
    header.numberFormat = [spec.headers.map(() => '@')];
    header.values = [spec.headers];
    header.format.font.bold = true;
    if (spec.columnWidths) spec.columnWidths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w));
    ws.freezePanes.freezeRows(1);
    await ctx.sync();
    return { ws, nextRow: 1 };
  }
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,rowCount');
  await ctx.sync();
  return { ws, nextRow: used.isNullObject ? 0 : used.rowIndex + used.rowCount };
}

async function writeRows(ctx: Excel.RequestContext, ws: Excel.Worksheet, at: number, spec: OwnedSheetSpec, rows: CellValue[][], onProgress?: Progress): Promise<void> {
  if (rows.length === 0) return;
  const cols = spec.headers.length;
  const bytes = Math.max(1, JSON.stringify(rows.slice(0, 100)).length / Math.min(100, rows.length));
  const per = Math.max(1, Math.floor(PAYLOAD_BUDGET / (bytes * 2 + 64)));
  for (let s = 0; s < rows.length; s += per) {
    const n = Math.min(per, rows.length - s);
    const r = ws.getRangeByIndexes(at + s, 0, n, cols);
    r.numberFormat = Array.from({ length: n }, () => spec.formats);
    r.values = rows.slice(s, s + n).map((row) => row.map((v) => (v === undefined || v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : v))) as (string | number | boolean)[][];
    await ctx.sync();
    onProgress?.((s + n) / rows.length, 'write');
  }
}

/** Append rows under the existing ones (creating the sheet with its header if needed). Returns the first row written. */
export async function appendRows(run: ExcelRun, spec: OwnedSheetSpec, rows: CellValue[][], onProgress?: Progress): Promise<number> {
  try {
    return await run(async (ctx) => {
      const { ws, nextRow } = await ensure(ctx, spec);
      await writeRows(ctx, ws, nextRow, spec, rows, onProgress);
      return nextRow;
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/** Rewrite an owned sheet's data (header kept), clearing what was below. */
export async function replaceRows(run: ExcelRun, spec: OwnedSheetSpec, rows: CellValue[][], onProgress?: Progress): Promise<void> {
  try {
    await run(async (ctx) => {
      const { ws, nextRow } = await ensure(ctx, spec);
      if (nextRow > 1) ws.getRangeByIndexes(1, 0, nextRow - 1, Math.max(spec.headers.length, 1)).clear('Contents');
      await writeRows(ctx, ws, 1, spec, rows, onProgress);
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

/** Delete an owned sheet (undo of an apply that created it); nothing when it does not exist. */
export async function deleteOwnedSheet(run: ExcelRun, name: string): Promise<void> {
  try {
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      await ctx.sync();
      if (ws.isNullObject) return;
      ws.delete();
      await ctx.sync();
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/** All values of an owned sheet (header row first), read in chunks; [] when it does not exist. */
export async function readOwnedSheet(run: ExcelRun, name: string): Promise<CellValue[][]> {
  if (!(await ownedSheetExists(run, name))) return [];
  const data = await readSheet(run, { sheet: name }, { formatRows: 1 });
  // re-anchor at A1 so row 0 is the header row even if the sheet starts lower
  const pad: CellValue[][] = Array.from({ length: data.rowIndex }, () => []);
  return [...pad, ...data.values.map((r) => [...new Array(data.columnIndex).fill(null), ...r])];
}
