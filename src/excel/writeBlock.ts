import { CancelledError, chunkRanges, ExcelRun, jsonBytes, PAYLOAD_BUDGET, Progress, quoteSheet, throwIfCancelled, yieldToUi } from './host';
import { fitCell } from './cellText';
import { toLayerError } from './errors';
import { Lang } from '../core/format';
import { cellAddress } from '../core/cells';
import { excel, inBoth } from '../core/i18n';

/**
 * Writing a rectangular block (the result columns: a header row and one row per data row) in
 * row chunks, one sync each, every request under the payload budget.
 *
 * - What was there before (formulas and number formats) is read first and returned as an
 *   `UndoRecord`; `restoreBlock` puts it back exactly.
 * - Cells that hold user data and are not under one of our own headers are not overwritten
 *   unless the caller passes `overwriteConfirmed` (a `NeedsConfirmation` error lists them).
 * - Text columns get the text format `@` **before** their values, so client text starting with
 *   `=`, `+`, `-` or `@` stays text and never becomes a formula.
 * - Cancelling (AbortSignal) or a failure half-way restores the rows already written.
 */
export type BlockCell = string | number | boolean | null;

export interface BlockWrite {
  sheetName: string;
  /** Zero-based sheet row of the header row and column of the first written column. */
  rowIndex: number;
  columnIndex: number;
  headers: string[];
  /** Data rows (header excluded), each of headers.length cells. */
  rows: BlockCell[][];
  /** Number format per column for the data rows: '@' for text, e.g. 'yyyy-mm-dd' for dates. */
  formats: string[];
  /** Header texts we own (any language): columns under them may be rewritten without asking. */
  ownHeaders?: string[];
  overwriteConfirmed?: boolean;
}

export interface UndoRecord {
  sheetName: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  formulas: unknown[][];
  numberFormat: string[][];
  /**
   * Cells (row and column within the block) whose content must be written back under another
   * number format than the recorded one, which is set again afterwards: text Excel would re-read
   * as a number, formula or error goes back through '@'; a formula or number in a text cell
   * goes back through 'General'.
   */
  entryFormats?: Array<[number, number, string]>;
}

export class NeedsConfirmation extends Error {
  constructor(
    public readonly cells: number,
    public readonly samples: string[],
    public readonly messages: Record<Lang, string>,
  ) {
    super(messages.en);
    this.name = 'NeedsConfirmation';
  }
}

export interface WriteOptions {
  onProgress?: Progress;
  signal?: AbortSignal;
  budgetBytes?: number;
  /** Language of the note in a text cut to Excel's 32,767 characters (default 'en'). */
  lang?: Lang;
  /** Counts the cells cut to 32,767 characters. */
  cut?: { cut: number };
}

const isBlankCell = (v: unknown) => v === null || v === undefined || v === '';

/** How a recorded cell must be entered again to come back as it was (see UndoRecord.entryFormats). */
function entryFormat(formula: unknown, value: unknown, type: unknown, format: string): string | undefined {
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
  if (isFormula || typeof formula === 'number' || typeof formula === 'boolean' || type === 'Error') return format === '@' ? 'General' : undefined;
  if (typeof formula === 'string' && formula !== '' && type === 'String') return format === '@' ? undefined : '@';
  return undefined;
}

export type BlockArea = Pick<UndoRecord, 'sheetName' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount'>;

/** Reads what a block holds now (in chunks sized from the measured bytes) as an UndoRecord. */
export async function readUndo(ctx: Excel.RequestContext, ws: Excel.Worksheet, area: BlockArea, budget: number, signal?: AbortSignal, onProgress?: (done: number) => void): Promise<UndoRecord> {
  const { rowCount: total, columnCount: cols } = area;
  const undo: UndoRecord = { ...area, formulas: [], numberFormat: [], entryFormats: [] };
  let readRows = Math.max(1, Math.floor(20000 / cols));
  for (let s = 0; s < total; ) {
    // a turn for the page (progress, Cancel) between reads; then honour a Cancel pressed meanwhile
    if (s > 0) await yieldToUi();
    throwIfCancelled(signal);
    const n = Math.min(readRows, total - s);
    const r = ws.getRangeByIndexes(area.rowIndex + s, area.columnIndex, n, cols);
    // values and types tell text from formulas and errors, so undo can enter them back exactly
    r.load('formulas,numberFormat,values,valueTypes');
    try {
      await ctx.sync();
    } catch (e) {
      if ((e as { code?: string }).code === 'ResponsePayloadSizeLimitExceeded' && n > 1) {
        readRows = Math.max(1, Math.floor(n / 4));
        continue;
      }
      throw e;
    }
    for (let i = 0; i < n; i++) {
      const f = r.formulas[i];
      const nf = r.numberFormat[i] as string[];
      undo.formulas.push(f);
      undo.numberFormat.push(nf);
      for (let j = 0; j < cols; j++) {
        const entry = entryFormat(f[j], r.values[i][j], r.valueTypes[i][j], nf[j]);
        if (entry !== undefined) undo.entryFormats!.push([s + i, j, entry]);
      }
    }
    // size the next read from what this one weighed
    const bytesPerRow = Math.max(1, (jsonBytes(r.formulas) + jsonBytes(r.numberFormat) + jsonBytes(r.values) + jsonBytes(r.valueTypes)) / n);
    readRows = Math.max(1, Math.floor(budget / bytesPerRow));
    s += n;
    onProgress?.(s / total);
  }
  return undo;
}

/** What a block of cells holds now, for `restoreBlock` later; null when the sheet does not exist. */
export async function captureBlock(run: ExcelRun, area: BlockArea, options: WriteOptions = {}): Promise<UndoRecord | null> {
  try {
    return await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(area.sheetName);
      await ctx.sync();
      if (ws.isNullObject) return null;
      return readUndo(ctx, ws, area, options.budgetBytes ?? PAYLOAD_BUDGET, options.signal, (d) => options.onProgress?.(d, 'check'));
    });
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    throw toLayerError(e);
  }
}

/**
 * Throws NeedsConfirmation when any of the given columns of captured blocks hold user data (from
 * row `fromRow` of the block on: 1 skips a header row that is ours anyway).
 */
export function assertNothingOverwritten(parts: Array<{ undo: UndoRecord; columns: number[]; fromRow: number }>): void {
  let count = 0;
  const samples: string[] = [];
  for (const { undo, columns, fromRow } of parts) {
    for (const c of columns) {
      for (let r = fromRow; r < undo.formulas.length; r++) {
        const v = undo.formulas[r][c];
        if (isBlankCell(v)) continue;
        count++;
        if (samples.length < 5) samples.push(`${cellAddress(undo.rowIndex + r, undo.columnIndex + c)}: ${String(v).slice(0, 40)}`);
      }
    }
  }
  if (count > 0) {
    throw new NeedsConfirmation(count, samples, inBoth(excel.wouldOverwrite, { count, samples: samples.join('; ') }));
  }
}

/** Columns written together: the sheet column of the first, and which cells of each row go there, left to right. */
export interface ColumnArea {
  columnIndex: number;
  columns: number[];
}

/**
 * Writes rows (header first) into one or more column areas from sheet row `rowIndex` down, in
 * row chunks of one sync each under the budget: number formats first ('@' for the header, then
 * `formats[k]` for cell k of the data rows, so client text stays text), then values; null is an
 * empty cell. `progress.written` counts the rows written so far, for a caller that must restore
 * them when this throws (a failed sync, or CancelledError between chunks).
 */
export async function writeRowChunks(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  rowIndex: number,
  rows: BlockCell[][],
  areas: ColumnArea[],
  formats: string[],
  budget: number,
  progress: { written: number },
  signal?: AbortSignal,
  onProgress?: (done: number) => void,
  lang: Lang = 'en',
  cut?: { cut: number },
): Promise<void> {
  const total = rows.length;
  // null means an empty cell here (in Office it would leave the old content in place); text
  // longer than a cell holds is cut with a note (Office would refuse the whole request)
  const cell = (v: BlockCell) => (v === null ? '' : fitCell(v, lang, cut));
  // each chunk sized from the bytes its own rows carry: values, and a format per cell
  const formatBytes = (i: number) => (i === 0 ? 4 * formats.length : jsonBytes(formats));
  for (const [s, end] of chunkRanges(total, (i) => jsonBytes(rows[i]) + formatBytes(i), budget, 16)) {
    // a turn for the page between chunks: the bar moves and a click on Cancel lands here
    if (s > 0) await yieldToUi();
    throwIfCancelled(signal);
    const n = end - s;
    for (const area of areas) {
      const r = ws.getRangeByIndexes(rowIndex + s, area.columnIndex, n, area.columns.length);
      const fmt: string[][] = [];
      const vals: Array<Array<string | number | boolean>> = [];
      for (let i = 0; i < n; i++) {
        const row = rows[s + i];
        fmt.push(area.columns.map((k) => (s + i === 0 ? '@' : formats[k])));
        vals.push(area.columns.map((k) => cell(row[k])));
      }
      r.numberFormat = fmt;
      r.values = vals;
    }
    await ctx.sync();
    progress.written = s + n;
    onProgress?.(progress.written / total);
  }
}

export async function writeBlock(run: ExcelRun, block: BlockWrite, options: WriteOptions = {}): Promise<UndoRecord> {
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET;
  const cols = block.headers.length;
  const total = block.rows.length + 1;
  assertRowWidths(block.rows, cols);
  try {
    return await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(block.sheetName);
      ws.protection.load('protected');
      await ctx.sync();
      if (ws.protection.protected) throw toLayerError({ code: 'AccessDenied' });

      // 1. what is there now, for undo and for the overwrite check
      const area = { sheetName: block.sheetName, rowIndex: block.rowIndex, columnIndex: block.columnIndex, rowCount: total, columnCount: cols };
      const undo = await readUndo(ctx, ws, area, budget, options.signal, (d) => options.onProgress?.(d / 3, 'check'));
      if (!block.overwriteConfirmed) {
        const own = new Set((block.ownHeaders ?? []).map((h) => h.trim().toLowerCase()));
        const header = undo.formulas[0] ?? [];
        const theirs: number[] = [];
        for (let c = 0; c < cols; c++) {
          const h = header[c];
          if (!(typeof h === 'string' && own.has(h.trim().toLowerCase()))) theirs.push(c);
        }
        assertNothingOverwritten([{ undo, columns: theirs, fromRow: 0 }]);
      }

      // 2. write: formats first (text '@' before text), then values
      const progress = { written: 0 };
      try {
        await writeRowChunks(
          ctx,
          ws,
          block.rowIndex,
          [block.headers, ...block.rows],
          [{ columnIndex: block.columnIndex, columns: block.headers.map((_, k) => k) }],
          block.formats,
          budget,
          progress,
          options.signal,
          (d) => options.onProgress?.(1 / 3 + (2 / 3) * d, 'write'),
          options.lang,
          options.cut,
        );
      } catch (e) {
        // leave nothing half-written: put back the rows already changed
        if (progress.written > 0) {
          try {
            await restoreRows(ctx, ws, undo, progress.written, budget);
          } catch {
            // the original error says more than a failed restore
          }
        }
        throw e;
      }
      return undo;
    });
  } catch (e) {
    throw writeError(e);
  }
}

/** Every row has `cols` cells (a programming error otherwise, not the user's). */
export function assertRowWidths(rows: ReadonlyArray<readonly unknown[]>, cols: number): void {
  for (const [i, r] of rows.entries()) {
    if (r.length !== cols) throw new Error(`Row ${i + 1} has ${r.length} cells, expected ${cols}.`);
  }
}

/** What a write throws: a confirmation request as it is, anything else as a layer error (toLayerError keeps cancels and layer errors). */
export function writeError(e: unknown): Error {
  return e instanceof NeedsConfirmation ? e : toLayerError(e);
}

export async function restoreRows(ctx: Excel.RequestContext, ws: Excel.Worksheet, undo: UndoRecord, rows: number, budget: number, onProgress?: Progress): Promise<void> {
  // each chunk carries its rows' formulas plus up to two number-format arrays: sized from those
  const entries = undo.entryFormats ?? [];
  let e = 0;
  for (const [s, end] of chunkRanges(rows, (i) => jsonBytes(undo.formulas[i]) + 2 * jsonBytes(undo.numberFormat[i]), budget, 16)) {
    // restoring is never cancelled, but the page still gets its turns (the bar moves)
    if (s > 0) await yieldToUi();
    const n = end - s;
    const r = ws.getRangeByIndexes(undo.rowIndex + s, undo.columnIndex, n, undo.columnCount);
    const formats = undo.numberFormat.slice(s, s + n);
    while (e < entries.length && entries[e][0] < s) e++;
    let entry: string[][] | undefined;
    for (; e < entries.length && entries[e][0] < s + n; e++) {
      const [row, col, format] = entries[e];
      entry ??= formats.map((f) => [...f]);
      entry[row - s][col] = format;
    }
    r.numberFormat = entry ?? formats;
    r.formulas = undo.formulas.slice(s, s + n) as string[][];
    if (entry) r.numberFormat = formats;
    await ctx.sync();
    onProgress?.((s + n) / rows, 'undo');
  }
}

/** Put back exactly what `writeBlock` replaced (values, formulas and number formats). */
export async function restoreBlock(run: ExcelRun, undo: UndoRecord, options: WriteOptions = {}): Promise<void> {
  try {
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(undo.sheetName);
      await restoreRows(ctx, ws, undo, undo.rowCount, options.budgetBytes ?? PAYLOAD_BUDGET, options.onProgress);
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/** Address of a block for messages: 'Clients'!J3:O324. */
export function blockAddress(b: { sheetName: string; rowIndex: number; columnIndex: number }, rows: number, cols: number): string {
  return `${quoteSheet(b.sheetName)}!${cellAddress(b.rowIndex, b.columnIndex)}:${cellAddress(b.rowIndex + rows - 1, b.columnIndex + cols - 1)}`;
}
