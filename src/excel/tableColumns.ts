import { Lang } from '../core/format';
import { columnRuns, planTableColumns } from '../core/tableColumns';
import { ExcelLayerError, toLayerError } from './errors';
import { ExcelRun, PAYLOAD_BUDGET, quoteSheet, throwIfCancelled } from './host';
import { assertNothingOverwritten, assertRowWidths, BlockCell, ColumnArea, readUndo, restoreRows, UndoRecord, WriteOptions, writeError, writeRowChunks } from './writeBlock';
import { cellAddress } from '../core/cells';
import { excel, inBoth } from '../core/i18n';

/**
 * Result columns as columns of an Excel table (`table.columns.add`, ExcelApi 1.4 for the name),
 * so they sort and filter with their rows; the plain-range counterpart is `writeBlock`, whose
 * chunked writing, undo capture and overwrite check this shares.
 *
 * - Which columns: `planTableColumns` (src/core) — our columns from an earlier apply (either
 *   language) are updated in place; a user's own column with one of our names is overwritten only
 *   with `overwriteConfirmed` (else NeedsConfirmation, as writeBlock); the rest are added at the
 *   end of the table, empty, and then written in row chunks (one `values` write per area and
 *   chunk, under the payload budget, '@' before text).
 * - Adding a column moves whatever is right of the table in its rows (Excel shifts those cells),
 *   out of line with the rows around them: we never do that to user data. Cells in the columns the
 *   new ones take are overwritten only when confirmed (as writeBlock's cells right of a range);
 *   anything further right stops the apply with a clear message, nothing changed.
 * - What it returns lets `restoreTableColumns` put the workbook back exactly: the added columns
 *   are deleted, the overwritten ones get their formulas, values and number formats back.
 * - Cancelling or a failure half-way does that at once: no half-written columns stay.
 */
export interface TableColumnsWrite {
  /** Table name (or id). */
  tableName: string;
  headers: string[];
  /** One row per table row below the header (as read; a totals row's entry is not written), each of headers.length cells. */
  rows: BlockCell[][];
  /** Number format per column for the data rows. */
  formats: string[];
  /** Header sets that mark columns as ours (the headers in every language). */
  ownSets: ReadonlyArray<readonly string[]>;
  overwriteConfirmed?: boolean;
}

export interface TableColumnsUndo {
  tableId: string;
  sheetName: string;
  /** Ids of the columns the write added (TableColumn.id), to delete. */
  added: number[];
  /** Existing columns it overwrote, as they were: one block per run of adjacent columns (header included). */
  overwritten: UndoRecord[];
  /** The cells right of the table that the added columns took (emptied, with confirmation), as they were. */
  beside?: UndoRecord;
}

export interface TableColumnsResult {
  undo: TableColumnsUndo;
  sheetName: string;
  /** Sheet row of the header row; sheet column of each header's column; first body row and body rows. */
  headerRow: number;
  columns: number[];
  bodyRow: number;
  bodyRows: number;
}

const MAX_COLUMNS = 16384;

function layerError(code: string, messages: Record<Lang, string>): ExcelLayerError {
  return new ExcelLayerError(code, messages.en, messages);
}

export async function writeTableColumns(run: ExcelRun, w: TableColumnsWrite, options: WriteOptions = {}): Promise<TableColumnsResult> {
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET;
  const cols = w.headers.length;
  assertRowWidths(w.rows, cols);
  try {
    return await run(async (ctx) => {
      const table = ctx.workbook.tables.getItem(w.tableName);
      table.load('id,name');
      const ws = table.worksheet;
      ws.load('name');
      ws.protection.load('protected');
      const columns = table.columns.load('items/name');
      const whole = table.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
      const body = table.getDataBodyRange().load('rowIndex,rowCount');
      await ctx.sync();
      if (ws.protection.protected) throw toLayerError({ code: 'AccessDenied' });
      const sheetName = ws.name;
      if (body.rowIndex !== whole.rowIndex + 1) {
        throw layerError('InvalidOperation', {
          en: `The table "${table.name}" has no header row, so the result columns cannot be named. Turn on its header row (Table Design › Header Row) and apply again.`,
          ru: `У таблицы «${table.name}» нет строки заголовков, столбцам результатов не дать имён. Включите строку заголовков (Конструктор таблиц › Строка заголовка) и повторите.`,
        });
      }
      if (whole.rowCount !== 1 + w.rows.length || body.rowCount > w.rows.length) {
        throw layerError('InvalidOperation', inBoth(excel.tableRowsChanged, { table: table.name, count: whole.rowCount - 1, then: w.rows.length }));
      }
      const rows = w.rows.slice(0, body.rowCount);
      const plan = planTableColumns(
        columns.items.map((c) => c.name),
        w.headers,
        w.ownSets,
      );
      const area = (first: number, count: number) => ({ sheetName, rowIndex: whole.rowIndex, columnIndex: whole.columnIndex + first, rowCount: 1 + body.rowCount, columnCount: count });

      // 1. what the existing target columns hold now (header and body), for undo and the check
      const overwritten: UndoRecord[] = [];
      const existingRuns = columnRuns(plan.targets);
      for (const [i, r] of existingRuns.entries()) {
        overwritten.push(await readUndo(ctx, ws, area(r.first, r.headers.length), budget, options.signal, (d) => options.onProgress?.((i + d) / (existingRuns.length + 1) / 3, 'check')));
      }
      // 2. room for the columns to add. Excel pushes whatever is right of the table in its rows
      // aside, out of line with the rows above and below: never done to data beyond the columns
      // the results take; data within them is overwritten only when confirmed (kept for undo)
      const toAdd = w.headers.map((_, k) => k).filter((k) => plan.targets[k] < 0);
      let beside: UndoRecord | undefined;
      if (toAdd.length > 0) {
        const right = whole.columnIndex + whole.columnCount;
        const end = right + toAdd.length;
        if (end > MAX_COLUMNS) throw toLayerError({ code: 'InvalidOperation' });
        const far = end < MAX_COLUMNS ? await firstFilledCell(ctx, ws.getRangeByIndexes(whole.rowIndex, end, whole.rowCount, MAX_COLUMNS - end), options.signal) : null;
        if (far) {
          const at = `${quoteSheet(sheetName)}!${cellAddress(far[0], far[1])}`;
          throw layerError('InsertDeleteConflict', {
            en: `There is data right of the table "${table.name}" (from ${at}). Adding the result columns to the table would push it out of line with its rows. Move it away, so that at least ${toAdd.length} columns beside the table are free, and apply again.`,
            ru: `Справа от таблицы «${table.name}» есть данные (с ${at}). Добавление столбцов результатов в таблицу сдвинуло бы их относительно строк. Перенесите их, чтобы рядом с таблицей было свободно не меньше ${toAdd.length} столбцов, и повторите.`,
          });
        }
        if (await firstFilledCell(ctx, ws.getRangeByIndexes(whole.rowIndex, right, whole.rowCount, toAdd.length), options.signal)) {
          beside = await readUndo(ctx, ws, { sheetName, rowIndex: whole.rowIndex, columnIndex: right, rowCount: whole.rowCount, columnCount: toAdd.length }, budget, options.signal);
        }
      }
      if (!w.overwriteConfirmed) {
        const foreign = new Set(plan.foreign);
        const parts = existingRuns.map((r, i) => ({ undo: overwritten[i], columns: r.headers.map((_, j) => j).filter((j) => foreign.has(r.first + j)), fromRow: 1 }));
        if (beside) parts.push({ undo: beside, columns: toAdd.map((_, j) => j), fromRow: 0 });
        assertNothingOverwritten(parts);
      }
      throwIfCancelled(options.signal);

      // 3. add the missing columns (one request), then write header and body in row chunks
      // the cells beside that the new columns take are emptied first (in the same request), so
      // nothing is pushed aside; their formats move right with the insert and back with undo
      if (beside) ws.getRangeByIndexes(beside.rowIndex, beside.columnIndex, beside.rowCount, beside.columnCount).clear('Contents');
      const added = toAdd.map((k) => table.columns.add(undefined, undefined, w.headers[k]).load('id,index'));
      const undo: TableColumnsUndo = { tableId: table.id, sheetName, added: [], overwritten, beside };
      const progress = { written: 0 };
      try {
        if (added.length > 0) {
          try {
            await ctx.sync();
          } finally {
            // a refused request keeps what ran before the refusal: the columns added by then
            undo.added = added.flatMap((c) => {
              try {
                return [c.id];
              } catch {
                return [];
              }
            });
          }
        }
        const positions = [...plan.targets];
        toAdd.forEach((k, i) => (positions[k] = added[i].index));
        const areas: ColumnArea[] = columnRuns(positions).map((r) => ({ columnIndex: whole.columnIndex + r.first, columns: r.headers }));
        await writeRowChunks(ctx, ws, whole.rowIndex, [w.headers, ...rows], areas, w.formats, budget, progress, options.signal, (d) => options.onProgress?.(1 / 3 + (2 / 3) * d, 'write'), options.lang, options.cut);
        return {
          undo,
          sheetName,
          headerRow: whole.rowIndex,
          columns: positions.map((p) => whole.columnIndex + p),
          bodyRow: body.rowIndex,
          bodyRows: body.rowCount,
        };
      } catch (e) {
        // leave nothing half-written: the rows already changed go back, the added columns go
        try {
          if (progress.written > 0) for (const rec of overwritten) await restoreRows(ctx, ws, rec, Math.min(progress.written, rec.rowCount), budget);
          await deleteColumns(ctx, table, undo.added);
          if (undo.beside) await restoreRows(ctx, ws, undo.beside, undo.beside.rowCount, budget);
        } catch {
          // the original error says more than a failed restore
        }
        throw e;
      }
    });
  } catch (e) {
    throw writeError(e);
  }
}

/**
 * The first cell (sheet row and column, row by row) in `area` that holds a value or formula, or
 * null: the used part of the area first (one small sync), then its values in chunks of at most
 * 100,000 cells, only when something is used there.
 */
async function firstFilledCell(ctx: Excel.RequestContext, area: Excel.Range, signal?: AbortSignal): Promise<[number, number] | null> {
  const used = area.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  await ctx.sync();
  if (used.isNullObject) return null;
  const per = Math.max(1, Math.floor(100_000 / used.columnCount));
  for (let s = 0; s < used.rowCount; s += per) {
    throwIfCancelled(signal);
    const n = Math.min(per, used.rowCount - s);
    const chunk = used.getCell(s, 0).getResizedRange(n - 1, used.columnCount - 1).load('formulas');
    await ctx.sync();
    for (let i = 0; i < n; i++) {
      const j = (chunk.formulas[i] as unknown[]).findIndex((v) => v !== '' && v !== null);
      if (j >= 0) return [used.rowIndex + s + i, used.columnIndex + j];
    }
  }
  return null;
}

async function deleteColumns(ctx: Excel.RequestContext, table: Excel.Table, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const cols = ids.map((id) => table.columns.getItemOrNullObject(id));
  await ctx.sync();
  for (const c of cols) if (!c.isNullObject) c.delete();
  await ctx.sync();
}

/** Undo of `writeTableColumns`: overwritten columns get their contents back, added ones are deleted. */
export async function restoreTableColumns(run: ExcelRun, undo: TableColumnsUndo, options: WriteOptions = {}): Promise<void> {
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET;
  try {
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(undo.sheetName);
      const rows = undo.overwritten.reduce((n, r) => n + r.rowCount, 0);
      let done = 0;
      for (const rec of undo.overwritten) {
        await restoreRows(ctx, ws, rec, rec.rowCount, budget, (d) => options.onProgress?.((done + d * rec.rowCount) / Math.max(1, rows), 'undo'));
        done += rec.rowCount;
      }
      const table = ctx.workbook.tables.getItemOrNullObject(undo.tableId);
      await ctx.sync();
      if (!table.isNullObject) await deleteColumns(ctx, table, undo.added);
      if (undo.beside) await restoreRows(ctx, ws, undo.beside, undo.beside.rowCount, budget);
    });
  } catch (e) {
    throw toLayerError(e);
  }
}
