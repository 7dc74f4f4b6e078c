import type ExcelJS from 'exceljs';
import {
  Analysis,
  CellValue,
  EXCEL_EPOCH_OFFSET,
  HISTORY_HEADERS,
  historyRows,
  HistorySource,
  Lang,
  LEGACY_HISTORY_COLUMNS,
  MessageError,
  msg,
  previousState,
  PreviousState,
  readHistoryRows,
} from '../core';
import { SheetGrid } from './readInput';

/**
 * The command line's Tier history: the same sheet, columns and rules as the task pane's (see
 * core/historyColumns), so `apply` counts reviews by period too. `apply` appends one row per
 * client to it in the copy it writes; the next `apply` (on that copy) reads it back.
 *
 * Which sheet is the history: the one the defined name `ClientTiers_History` marks (written by
 * apply), else a sheet named "Tier history" / "История уровней" whose first row starts with our
 * headers (written by the task pane). A user's sheet of that name with other headers is not ours.
 */
export const HISTORY_SHEET_NAMES: Record<Lang, string> = { en: 'Tier history', ru: 'История уровней' };

const isOurHeader = (row: ReadonlyArray<CellValue> | undefined) =>
  row !== undefined && (['en', 'ru'] as const).some((l) => HISTORY_HEADERS[l].slice(0, LEGACY_HISTORY_COLUMNS).every((h, i) => String(row[i] ?? '').trim() === h));

/** The history sheet among the sheets read (marked, else by name and header), or undefined. */
export function historySheet(sheets: ReadonlyArray<SheetGrid>, marked?: string): SheetGrid | undefined {
  if (marked !== undefined) {
    const s = sheets.find((x) => x.name === marked);
    if (s && isOurHeader(s.grid[0])) return s;
  }
  const names = [HISTORY_SHEET_NAMES.en, HISTORY_SHEET_NAMES.ru].map((n) => n.toLowerCase());
  return sheets.find((s) => names.includes(s.name.trim().toLowerCase()) && isOurHeader(s.grid[0]));
}

/**
 * The previous state of a review of `source` at `reviewDay`, from the history sheet if there is
 * one. Rules changed since the last review of the source and no `mode` chosen: refused (exit 1)
 * with a message naming `--history continue` and `--history restart`.
 */
export function cliPreviousState(history: SheetGrid | undefined, options: Parameters<typeof previousState>[1]): PreviousState | undefined {
  if (!history) return undefined;
  const st = previousState(readHistoryRows(history.grid), options);
  if (st.rulesChanged && !options.mode) throw new MessageError(msg('history.rulesChanged', { rules: st.rulesChanged.name, sheet: options.source.sheet }));
  return st;
}

/** The source of a review as the history records it: the sheet and the client column's header. */
export function cliSource(sheet: string, a: Pick<Analysis, 'table'>): HistorySource {
  const client = a.table.columns.client;
  return { sheet, keyColumn: client ? client.header.trim() || `column ${client.letter}` : '' };
}

/** The history rows of this review, dates as Dates (ExcelJS writes those as date cells). */
export function historyValues(a: Analysis, source: HistorySource, lang: Lang): Array<Array<string | number | Date>> {
  if (!a.review) return [];
  return historyRows(a.clients, { day: a.review.day, period: a.review.period, source, rules: a.rules }, lang).map((r) => r.map((v, k) => (k === 0 && typeof v === 'number' ? new Date((v - EXCEL_EPOCH_OFFSET) * 86400000) : v)));
}

const dateFormat = (lang: Lang) => (lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd');

/**
 * Append the review's rows to the workbook's history sheet (created with its header when there is
 * none; an old nine-column header gets the new columns). Returns the sheet's name.
 */
export function appendHistory(wb: ExcelJS.Workbook, existing: string | undefined, rows: ReadonlyArray<ReadonlyArray<string | number | Date>>, lang: Lang): string {
  let ws = existing !== undefined ? wb.getWorksheet(existing) : undefined;
  if (!ws) {
    const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
    let name = HISTORY_SHEET_NAMES[lang];
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${HISTORY_SHEET_NAMES[lang]} (${k})`;
    ws = wb.addWorksheet(name);
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const head = ws.getRow(1);
  const headers = ws.rowCount === 0 ? HISTORY_HEADERS[lang] : HISTORY_HEADERS[String(head.getCell(1).value ?? '') === HISTORY_HEADERS.ru[0] ? 'ru' : 'en'];
  headers.forEach((h, i) => {
    if (String(head.getCell(i + 1).value ?? '') !== h) head.getCell(i + 1).value = h;
  });
  head.font = { bold: true };
  for (const r of rows) ws.addRow([...r]).getCell(1).numFmt = dateFormat(lang);
  ws.getColumn(2).width = Math.max(ws.getColumn(2).width ?? 0, 28);
  return ws.name;
}

/** The same rows into a new sheet of a streamed workbook (CSV input: there is no history before). */
export async function writeHistoryStream(ws: ExcelJS.Worksheet, rows: ReadonlyArray<ReadonlyArray<string | number | Date>>, lang: Lang): Promise<void> {
  const head = ws.addRow([...HISTORY_HEADERS[lang]]);
  head.font = { bold: true };
  head.commit();
  for (const r of rows) {
    const row = ws.addRow([...r]);
    row.getCell(1).numFmt = dateFormat(lang);
    row.commit();
  }
  await ws.commit();
}
