import { Analysis, ClientResult } from '../core/analyze';
import { CellValue } from '../core/cells';
import { formatDay, Lang } from '../core/format';
import { CLIENT_SHEET_HEADERS, CLIENT_SHEET_NAMES, clientSheetRow, RESULT_HEADERS, resultRow } from '../core/resultColumns';
import { HISTORY_HEADERS, HistorySource, historyRows, LEGACY_HISTORY_COLUMNS, previousState, PreviousState, readHistoryRows } from '../core/historyColumns';
import { periodOf, reviewCalendar } from '../core/reviewPeriod';
import { RuleSet } from '../core/rules';
import { TableDetection } from '../core/table';

export { HISTORY_HEADERS, previousFromHistory } from '../core/historyColumns';
import { chunksByBytes, ExcelRun, PAYLOAD_BUDGET, Progress, utf8Bytes } from './host';
import { toLayerError } from './errors';
import { identityOrder, keyText, reorderRecord, RowKeys, rowSignature } from './restoreOrder';
import { clearApplyRecord, saveApplyRecord } from './undoStore';
import { appendRows, deleteOwnedSheet, findOwnedSheet, OwnedSheetSpec, OwnedWrite, readOwnedSheet, replaceRows, truncateRows } from './ownedSheets';
import { SheetData } from './readSheet';
import { BlockCell, captureBlock, restoreBlock, UndoRecord, writeBlock } from './writeBlock';
import { colourTierColumn, restoreTierFormats, TierColumn, TierFormatRecord } from './tierFormats';
import { restoreTableColumns, TableColumnsUndo, writeTableColumns } from './tableColumns';

/**
 * Apply a reviewed analysis to the workbook: the result columns beside a client-per-row table
 * (or a "Client tiers" sheet for a transaction log), and one "Tier history" row per client, so
 * the next review knows who was already warned; the Tier column is coloured by tier with
 * conditional formats (see tierFormats). Returns what `undoApply` needs to restore
 * exactly what was there before.
 */
export const HISTORY_SHEET: Record<Lang, string> = { en: 'Tier history', ru: 'История уровней' };
export const CLIENT_SHEET: Record<Lang, string> = CLIENT_SHEET_NAMES;

export function historySpec(lang: Lang): OwnedSheetSpec {
  return {
    name: HISTORY_SHEET[lang],
    headers: [...HISTORY_HEADERS[lang]],
    formats: [lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd', '@', '@', '@', '@', '#,##0.00', '#,##0.00', '0', '@', '@', '@', '@', '@'],
    columnWidths: [90, 200, 80, 80, 120, 100, 100, 90, 120, 170, 120, 120, 100],
    lang,
  };
}

export interface ApplyOptions {
  lang: Lang;
  /** Day number of the review (history date); defaults to the analysis's review day, else today. */
  reviewDay?: number;
  /** Where the clients came from (history rows carry it); defaults to `historySource(data, a.table)`. */
  source?: HistorySource;
  overwriteConfirmed?: boolean;
  onProgress?: Progress;
  signal?: AbortSignal;
}

export interface ApplyRecord {
  undo: UndoRecord;
  /**
   * The per-client sheet was (re)written: its previous values, and `before`, the cells the
   * rewrite touched exactly as they were (null: the apply created the sheet).
   */
  clientSheet?: { name: string; previous: CellValue[][]; before?: UndoRecord | null };
  /** Rows appended from `fromRow` on; `created`: the apply created the sheet. */
  history: { sheet: string; fromRow: number; columns: number; created?: boolean };
  /**
   * The source was an Excel table and the results became columns of it: the columns the apply
   * added (deleted by undo) and the ones it overwrote, as they were.
   */
  table?: TableColumnsUndo;
  /** The Tier column's conditional formats (absent when the host could not colour them). */
  tierFormats?: TierFormatRecord;
  written: number;
  address: { sheetName: string; rowIndex: number; columnIndex: number };
  /** Cells whose text was cut to Excel's 32,767 characters (a note at the end of each). */
  cut?: number;
  /**
   * The client key of each row the results were written beside (plain range or table body), so
   * undo restores by identity after the user sorted the rows (see restoreOrder).
   */
  keys?: RowKeys;
  /** Identifies this apply (the record kept in the workbook is cleared only by its own undo). */
  id?: string;
  /** Whether the record is kept in the workbook (false: too large, undo only while the pane stays open). */
  persisted?: boolean;
}

const dateFormat = (lang: Lang) => (lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd');

/** Where the result columns go: over our own earlier columns, else right of the table. */
export function resultColumnStart(data: SheetData, headerRow: number): { column: number; own: boolean } {
  const row = data.values[headerRow] ?? [];
  const norm = row.map((h) => (typeof h === 'string' ? h.trim().toLowerCase() : ''));
  for (const lang of ['en', 'ru'] as Lang[]) {
    const heads = RESULT_HEADERS[lang].map((h) => h.toLowerCase());
    const at = norm.indexOf(heads[0]);
    if (at >= 0 && heads.every((h, k) => norm[at + k] === h)) return { column: data.columnIndex + at, own: true };
  }
  let width = 0;
  for (const r of data.values) if (r.length > width) width = r.length;
  return { column: data.columnIndex + width, own: false };
}

/** Number formats of the result columns' data cells (Tier, ABC, status, reason as text). */
const resultFormats = (lang: Lang) => ['@', '@', '@', '@', '0', dateFormat(lang)];

/** An undo block that restores nothing (the apply touched no cell of the user's). */
const emptyUndo = (sheetName: string): UndoRecord => ({ sheetName, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, formulas: [], numberFormat: [] });

/**
 * The result row of every grid row from `from` to `to` (exclusive; grid rows as the analysis
 * counts them): the client's Tier, ABC, … where the row is a client's, blanks elsewhere.
 */
function resultRows(a: Analysis, lang: Lang, from: number, to: number): { rows: BlockCell[][]; written: number } {
  const byRow = new Map<number, ClientResult>();
  for (const c of a.clients) for (const r of c.rows) byRow.set(r, c);
  const blank = RESULT_HEADERS[lang].map(() => null);
  const rows: BlockCell[][] = [];
  let written = 0;
  for (let r = from; r < to; r++) {
    const c = byRow.get(r);
    if (c) written++;
    rows.push(c ? resultRow(c, a, lang) : blank);
  }
  return { rows, written };
}

function todayDay(): number {
  return Math.floor(Date.now() / 86400000);
}

export async function applyTiers(run: ExcelRun, data: SheetData, a: Analysis, options: ApplyOptions): Promise<ApplyRecord> {
  const { lang } = options;
  let undo: UndoRecord;
  let clientSheet: ApplyRecord['clientSheet'];
  let written = 0;
  let address: ApplyRecord['address'];
  let tierColumn: TierColumn;
  let table: TableColumnsUndo | undefined;
  const progress = (from: number, span: number): Progress | undefined => (options.onProgress ? (d, l) => options.onProgress!(from + d * span, l) : undefined);
  const cut = { cut: 0 };
  let keys: RowKeys | undefined;

  if (a.table.shape === 'transactions') {
    // a log: results go to the owned per-client sheet, rewritten each review
    const spec: OwnedSheetSpec = {
      name: CLIENT_SHEET[lang],
      headers: [...CLIENT_SHEET_HEADERS[lang]],
      formats: ['@', '#,##0.00', '#,##0.00', '0', dateFormat(lang), '0.0%', '0.0%', '@', '@', '@', '@', '0', dateFormat(lang)],
      columnWidths: [200, 100, 100, 60, 90, 70, 90, 80, 50, 120, 420, 90, 100],
      lang,
    };
    // our sheet of that name (a user's own "Client tiers" is never touched: ours becomes "Client tiers (2)")
    const ours = await findOwnedSheet(run, spec.name, spec.headers);
    const previous = ours ? await readOwnedSheet(run, ours) : [];
    const sorted = [...a.clients].sort((x, y) => (x.rank || Infinity) - (y.rank || Infinity) || (x.key < y.key ? -1 : 1));
    // what the rewrite will touch (old rows and the new ones), kept exactly for undo
    let width = spec.headers.length;
    for (const r of previous) if (r.length > width) width = r.length;
    const before = ours ? await captureBlock(run, { sheetName: ours, rowIndex: 0, columnIndex: 0, rowCount: Math.max(previous.length, sorted.length + 1), columnCount: width }, { signal: options.signal }) : null;
    const w = await replaceRows(run, spec, sorted.map((c) => clientSheetRow(c, a, lang)), progress(0, 0.8));
    const name = w.sheet;
    cut.cut += w.cut;
    clientSheet = { name, previous: [], before: w.created ? null : before };
    written = sorted.length;
    // nothing of the user's was touched: an empty undo block
    undo = emptyUndo(name);
    address = { sheetName: name, rowIndex: 0, columnIndex: 0 };
    tierColumn = { sheetName: name, columnIndex: CLIENT_SHEET_HEADERS[lang].length - RESULT_HEADERS[lang].length, rowIndex: 1, rowCount: sorted.length };
  } else if (data.tableName) {
    // an Excel table: the results become columns of the table, so they sort and filter with their rows
    // values[0] is the table's header row; one result row per row below it (a totals row's is left out)
    const { rows, written: n } = resultRows(a, lang, 1, data.values.length);
    written = n;
    const result = await writeTableColumns(
      run,
      {
        tableName: data.tableName,
        headers: [...RESULT_HEADERS[lang]],
        rows,
        formats: resultFormats(lang),
        ownSets: [RESULT_HEADERS.en, RESULT_HEADERS.ru],
        overwriteConfirmed: options.overwriteConfirmed,
      },
      { onProgress: progress(0, 0.8), signal: options.signal, lang, cut },
    );
    table = result.undo;
    const keyCol = a.table.columns.client?.index;
    if (keyCol !== undefined) keys = { sheetName: result.sheetName, columnIndex: data.columnIndex + keyCol, rowIndex: result.bodyRow, values: rows.slice(0, result.bodyRows).map((_, i) => keyText(data.values[1 + i]?.[keyCol])) };
    undo = emptyUndo(result.sheetName);
    address = { sheetName: result.sheetName, rowIndex: result.headerRow, columnIndex: result.columns[0] };
    tierColumn = { sheetName: result.sheetName, columnIndex: result.columns[0], rowIndex: result.bodyRow, rowCount: result.bodyRows };
  } else {
    const headerRow = a.table.headerRow;
    const { column } = resultColumnStart(data, headerRow);
    const { rows, written: n } = resultRows(a, lang, a.table.firstDataRow, a.table.endRow);
    written = n;
    address = { sheetName: data.sheetName, rowIndex: data.rowIndex + headerRow, columnIndex: column };
    tierColumn = { sheetName: data.sheetName, columnIndex: column, rowIndex: address.rowIndex + 1, rowCount: rows.length };
    const keyCol = a.table.columns.client?.index;
    if (keyCol !== undefined) {
      keys = { sheetName: data.sheetName, columnIndex: data.columnIndex + keyCol, rowIndex: address.rowIndex + 1, values: rows.map((_, i) => keyText(data.values[address.rowIndex + 1 + i - data.rowIndex]?.[keyCol])) };
    }
    undo = await writeBlock(
      run,
      {
        ...address,
        headers: [...RESULT_HEADERS[lang]],
        rows,
        formats: resultFormats(lang),
        ownHeaders: [...RESULT_HEADERS.en, ...RESULT_HEADERS.ru],
        overwriteConfirmed: options.overwriteConfirmed,
      },
      { onProgress: progress(0, 0.8), signal: options.signal, lang, cut },
    );
  }

  // history: one row per client whose tier or status is worth remembering, with the review's
  // period, the source and the rules' ID (core/historyColumns)
  const spec = historySpec(lang);
  const day = options.reviewDay ?? a.review?.day ?? todayDay();
  const historyValues: CellValue[][] = historyRows(a.clients, { day, period: a.review?.period ?? periodOf(day, reviewCalendar(a.rules)), source: options.source ?? historySource(data, a.table), rules: a.rules }, lang);
  let history: OwnedWrite;
  try {
    history = await appendRows(run, spec, historyValues, progress(0.8, 0.2));
    if (!history.created) await extendHistoryHeader(run, history.sheet, spec.headers);
  } catch (e) {
    // keep the workbook consistent: undo the columns if the history could not be written
    await undoApply(run, { undo, clientSheet, table, history: { sheet: spec.name, fromRow: Number.MAX_SAFE_INTEGER, columns: spec.headers.length }, written, address }).catch(() => undefined);
    throw e;
  }
  cut.cut += history.cut;
  const record: ApplyRecord = { undo, clientSheet, history: { sheet: history.sheet, fromRow: history.fromRow, columns: spec.headers.length, created: history.created }, written, address };
  if (cut.cut > 0) record.cut = cut.cut;
  if (keys) record.keys = keys;
  if (table) record.table = table;
  // colours last: they never fail the apply (null when the host cannot colour)
  const tierFormats = await colourTierColumn(run, tierColumn, a.rules.tiers.map((t) => t.name));
  if (tierFormats) record.tierFormats = tierFormats;
  // kept in the workbook, so undo survives closing the pane (bounded: see undoStore)
  record.id = `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
  record.persisted = await saveApplyRecord(run, record).catch(() => false);
  return record;
}

/**
 * Restore exactly what was there before the apply: cells, the per-client sheet, the history, the
 * tier colours. The old contents of rows beside the client keys go back to the rows that hold
 * those keys now (the user may have sorted since); when that cannot be told, a RowsMovedError
 * refuses the undo before anything is changed.
 */
export async function undoApply(run: ExcelRun, record: ApplyRecord, onProgress?: Progress): Promise<void> {
  // 1. where each recorded row goes now (refused here, before any change, if it cannot be told)
  let block = record.undo;
  let table = record.table;
  if (record.keys && (block.rowCount > 1 || (table && table.overwritten.length > 0))) {
    const now = await readKeys(run, record.keys);
    const records = table ? table.overwritten : [block];
    const order = identityOrder(record.keys.values, now, rowSignature(records, 1));
    if (table) table = { ...table, overwritten: table.overwritten.map((u) => reorderRecord(u, 1, order)) };
    else block = reorderRecord(block, 1, order);
  }
  // 2. the colours first, while their sheet is still there (a sheet the apply created just goes);
  // best effort, as colouring itself: the cells below are what undo guarantees
  if (record.tierFormats && record.clientSheet?.before !== null) await restoreTierFormats(run, record.tierFormats).catch(() => undefined);
  if (block.rowCount > 0) await restoreBlock(run, block, { onProgress });
  if (table) await restoreTableColumns(run, table, { onProgress });
  if (record.clientSheet?.before === null) await deleteOwnedSheet(run, record.clientSheet.name);
  else if (record.clientSheet?.before) await restoreBlock(run, record.clientSheet.before);
  if (record.history.created) await deleteOwnedSheet(run, record.history.sheet);
  else if (record.history.fromRow !== Number.MAX_SAFE_INTEGER) await truncateRows(run, record.history.sheet, record.history.fromRow, record.history.columns);
  if (record.id) await clearApplyRecord(run, record.id).catch(() => undefined);
}

/** The key column's cells now, for the recorded rows (chunks sized from the recorded keys' bytes). */
async function readKeys(run: ExcelRun, keys: RowKeys): Promise<string[]> {
  try {
    return await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(keys.sheetName);
      const out: string[] = [];
      for (const [s, e] of chunksByBytes(keys.values.length, (i) => 2 * utf8Bytes(keys.values[i]) + 16, PAYLOAD_BUDGET)) {
        const r = ws.getRangeByIndexes(keys.rowIndex + s, keys.columnIndex, e - s, 1).load('values');
        await ctx.sync();
        for (const row of r.values) out.push(keyText(row[0]));
      }
      return out;
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/**
 * The source a review's history belongs to: the Excel table (by name) or the sheet, and the
 * header of the client column ("column B" when it has none).
 */
export function historySource(data: Pick<SheetData, 'sheetName' | 'tableName' | 'columnIndex'>, table: Pick<TableDetection, 'columns'>): HistorySource {
  const client = table.columns.client;
  return { sheet: data.tableName ?? data.sheetName, keyColumn: client ? client.header.trim() || `column ${client.letter}` : '' };
}

/**
 * A history sheet written before periods has the first nine headers: the rows appended now have
 * all of them, so the header row gets the new ones (our own sheet; the old rows stay as they were
 * and are read as rows without a period or source, see core/historyColumns).
 */
async function extendHistoryHeader(run: ExcelRun, sheet: string, headers: string[]): Promise<void> {
  try {
    await run(async (ctx) => {
      const head = ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(0, 0, 1, headers.length).load('values');
      await ctx.sync();
      const row = head.values[0];
      if (row.length >= headers.length && row.slice(LEGACY_HISTORY_COLUMNS, headers.length).every((h, i) => h === headers[LEGACY_HISTORY_COLUMNS + i])) return;
      if (!row.slice(0, LEGACY_HISTORY_COLUMNS).every((h, i) => h === headers[i])) return;
      head.numberFormat = [headers.map(() => '@')];
      head.values = [headers];
      head.format.font.bold = true;
      await ctx.sync();
    });
  } catch (e) {
    throw toLayerError(e);
  }
}

/**
 * What the review starts from (the pane calls this before analysing): the history read back for
 * this source, at this review's period. `rulesChanged` set means the last review of this source
 * was under other rules: ask the user, then call again with mode 'continue' or 'restart' and
 * pass `previous` (and `restartHistory: mode === 'restart'`) to the analysis.
 */
export async function readReviewState(
  run: ExcelRun,
  options: { data: SheetData; table: Pick<TableDetection, 'columns'>; rules: RuleSet; reviewDay: number; mode?: 'continue' | 'restart' },
  /** the history rows when the caller has read them already (readHistory) */
  history?: CellValue[][],
): Promise<PreviousState> {
  const rows = readHistoryRows(history ?? (await readHistory(run)));
  return previousState(rows, { rules: options.rules, source: historySource(options.data, options.table), reviewDay: options.reviewDay, mode: options.mode });
}

/** Text of the next review date for messages. */
export function nextReviewText(a: Analysis, lang: Lang): string {
  return a.nextReviewDay === null ? '—' : formatDay(a.nextReviewDay, lang);
}

/**
 * The Tier history rows of both languages' sheets, header row first (the columns are the same
 * in both, so rows of one follow the other's header); [] when neither exists.
 */
export async function readHistory(run: ExcelRun): Promise<CellValue[][]> {
  // our history sheets only (a user's own "Tier history" is not ours to read as history)
  const read = async (lang: Lang) => {
    const name = await findOwnedSheet(run, HISTORY_SHEET[lang], [...HISTORY_HEADERS[lang]]);
    return name ? readOwnedSheet(run, name) : [];
  };
  const en = await read('en');
  const ru = await read('ru');
  if (en.length === 0) return ru;
  return [...en, ...ru.slice(1)];
}
