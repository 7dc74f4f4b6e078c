import { CellValue } from '../core/cells';
import { CancelledError, ExcelRun, PAYLOAD_BUDGET, Progress, throwIfCancelled, utf8Bytes } from './host';
import { toLayerError } from './errors';

/**
 * Reading the client sheet: the used range (or a named Excel table) in row chunks sized from the
 * bytes the previous chunk weighed, so no response nears the 5 MB limit, with one sync per chunk.
 * Hidden (and filtered-out) rows are found by bisection on `rowHidden` (null = mixed), a few
 * syncs for the whole sheet. Number formats are read for the first rows only (header + sample).
 */
export interface SheetInfo {
  name: string;
  visible: boolean;
  active: boolean;
}

export interface TableInfo {
  name: string;
  sheet: string;
}

export async function listSources(run: ExcelRun): Promise<{ sheets: SheetInfo[]; tables: TableInfo[] }> {
  try {
    return await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      const active = sheets.getActiveWorksheet();
      active.load('name');
      const tables = ctx.workbook.tables;
      tables.load('items/name');
      await ctx.sync();
      const tableSheets = tables.items.map((t) => {
        const ws = t.worksheet;
        ws.load('name');
        return ws;
      });
      await ctx.sync();
      return {
        sheets: sheets.items.map((s) => ({ name: s.name, visible: s.visibility === 'Visible', active: s.name === active.name })),
        tables: tables.items.map((t, i) => ({ name: t.name, sheet: tableSheets[i].name })),
      };
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

export interface SourceRef {
  /** Sheet name; the active sheet when neither sheet nor table is given. */
  sheet?: string;
  /** Excel table name (its whole range, header included). */
  table?: string;
}

export interface SheetData {
  sheetName: string;
  tableName?: string;
  /** Zero-based sheet row and column of values[0][0]. */
  rowIndex: number;
  columnIndex: number;
  values: CellValue[][];
  /** Number formats of the first rows (same origin as values). */
  formats: string[][];
  /** Hidden or filtered-out rows, as indices into `values`. */
  hiddenRows: number[];
  protected: boolean;
  /** Content fingerprint, to notice that the sheet changed between review and apply. */
  signature: string;
  /** Syncs used (for tests and the log). */
  syncs: number;
}

export interface ReadOptions {
  onProgress?: Progress;
  signal?: AbortSignal;
  /** Cells in the first chunk (then sized from measured bytes). */
  firstChunkCells?: number;
  /** Rows whose number formats are read. */
  formatRows?: number;
  budgetBytes?: number;
  /**
   * Each block of rows as it arrives: values[start .. start + rows.length), and the block as the
   * JSON text already made for the signature. Lets the task pane pass the grid on to its analysis
   * worker while the rest is still being read (a string crosses to a worker as a plain copy).
   */
  onChunk?: (start: number, rows: CellValue[][], json: string) => void;
}

/** FNV-1a over strings, continued chunk by chunk. */
export function fnv1a(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export async function readSheet(run: ExcelRun, ref: SourceRef = {}, options: ReadOptions = {}): Promise<SheetData> {
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET;
  const formatRows = options.formatRows ?? 51;
  try {
    return await run(async (ctx) => {
      let syncs = 0;
      const sync = async () => {
        syncs++;
        await ctx.sync();
      };
      let ws: Excel.Worksheet;
      let area: Excel.Range;
      if (ref.table) {
        const table = ctx.workbook.tables.getItem(ref.table);
        ws = table.worksheet;
        area = table.getRange();
      } else {
        ws = ref.sheet ? ctx.workbook.worksheets.getItem(ref.sheet) : ctx.workbook.worksheets.getActiveWorksheet();
        area = ws.getUsedRangeOrNullObject(true);
      }
      ws.load('name');
      ws.protection.load('protected');
      area.load('rowIndex,columnIndex,rowCount,columnCount');
      await sync();
      const base = { sheetName: ws.name, tableName: ref.table, protected: ws.protection.protected };
      if (area.isNullObject) {
        return { ...base, rowIndex: 0, columnIndex: 0, values: [], formats: [], hiddenRows: [], signature: 'empty', syncs };
      }
      const { rowIndex, columnIndex, rowCount, columnCount } = area;
      const values: CellValue[][] = new Array(rowCount);
      let formats: string[][] = [];
      const hiddenRows: number[] = [];
      let hash = 0x811c9dc5;
      let rowsPer = Math.max(1, Math.min(rowCount, Math.floor((options.firstChunkCells ?? 20000) / columnCount)));
      let start = 0;
      while (start < rowCount) {
        throwIfCancelled(options.signal);
        const n = Math.min(rowsPer, rowCount - start);
        const chunk = ws.getRangeByIndexes(rowIndex + start, columnIndex, n, columnCount);
        chunk.load('values,rowHidden');
        let fmt: Excel.Range | undefined;
        if (start === 0) {
          fmt = ws.getRangeByIndexes(rowIndex, columnIndex, Math.min(formatRows, rowCount), columnCount);
          fmt.load('numberFormat');
        }
        try {
          await sync();
        } catch (e) {
          if ((e as { code?: string }).code === 'ResponsePayloadSizeLimitExceeded' && n > 1) {
            rowsPer = Math.max(1, Math.floor(n / 4));
            continue;
          }
          throw e;
        }
        if (fmt) formats = fmt.numberFormat as string[][];
        const block = chunk.values as CellValue[][];
        for (let i = 0; i < n; i++) values[start + i] = block[i];
        const text = JSON.stringify(block);
        options.onChunk?.(start, block, text);
        hash = fnv1a(text, hash);
        if (chunk.rowHidden !== false) {
          if (chunk.rowHidden === true) for (let i = 0; i < n; i++) hiddenRows.push(start + i);
          else {
            const found = await findHiddenRows(ctx, ws, rowIndex + start, n, sync);
            for (const r of found) hiddenRows.push(r - rowIndex);
          }
        }
        const bytesPerRow = Math.max(1, utf8Bytes(text) / n);
        rowsPer = Math.max(1, Math.floor(budget / bytesPerRow));
        start += n;
        options.onProgress?.(start / rowCount, 'read');
      }
      hiddenRows.sort((a, b) => a - b);
      return { ...base, rowIndex, columnIndex, values, formats, hiddenRows, signature: `${rowCount}x${columnCount}:${hash.toString(16)}`, syncs };
    });
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    throw toLayerError(e);
  }
}

/**
 * Absolute indices of hidden rows in [start, start+n): split mixed spans into 32 parts and load
 * their `rowHidden` together (one sync per level), recursing only into mixed parts.
 */
async function findHiddenRows(ctx: Excel.RequestContext, ws: Excel.Worksheet, start: number, n: number, sync: () => Promise<void>): Promise<number[]> {
  const hidden: number[] = [];
  let mixed: Array<[number, number]> = [[start, n]];
  while (mixed.length) {
    const parts: Array<{ s: number; n: number; r: Excel.Range }> = [];
    for (const [s, len] of mixed) {
      const step = Math.max(1, Math.ceil(len / 32));
      for (let p = s; p < s + len; p += step) {
        const m = Math.min(step, s + len - p);
        const r = ws.getRangeByIndexes(p, 0, m, 1);
        r.load('rowHidden');
        parts.push({ s: p, n: m, r });
      }
    }
    await sync();
    mixed = [];
    for (const p of parts) {
      if (p.r.rowHidden === true) for (let i = 0; i < p.n; i++) hidden.push(p.s + i);
      else if (p.r.rowHidden !== false && p.n > 1) mixed.push([p.s, p.n]);
      else if (p.r.rowHidden !== false && p.n === 1) hidden.push(p.s);
    }
  }
  return hidden;
}
