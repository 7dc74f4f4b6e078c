import { promises as fs } from 'fs';
import * as path from 'path';
import { unzipSync, Unzipped } from 'fflate';
// ExcelJS is loaded when a workbook is written (start-up of other commands stays fast, issue 17)
import type ExcelJS from 'exceljs';
import {
  Analysis,
  CellValue,
  CLIENT_SHEET_HEADERS,
  CLIENT_SHEET_NAMES,
  SUMMARY_SHEET_NAMES,
  clientSheetRow,
  EXCEL_EPOCH_OFFSET,
  HISTORY_HEADERS,
  Lang,
  Message,
  MessageError,
  msg,
  parseMoney,
  RESULT_HEADERS,
  ResultCell,
  resultRow,
  summaryRows,
  tierColours,
} from '../core';
import { InputFile, loadXlsx, SheetGrid } from './readInput';
import { writeViaTemp } from './safeWrite';
import { Feature, lostFeatures, OWN_NAME_PREFIX } from './xlsxPackage';
import { columnLetter, lightParts, NewSheet, NotStreamable, OutCell, quoteSheet, XlsxEdit } from './xlsxWriter';
import { appendHistory, HISTORY_SHEET_NAMES, writeHistoryStream } from './historySheet';

/**
 * `apply`: a copy of the workbook with the result columns beside the client data (or, for a
 * transaction log, a per-client sheet) and a summary sheet. Nothing the add-in did not write is
 * replaced: what it writes is marked with defined names (`ClientTiers_…`, see `OWN`); a user's
 * own column or sheet with one of our names is kept and ours gets a new name ("ABC (2)"), unless
 * `overwrite`. A transaction log changes no cell of the workbook: its package is copied part by
 * part as stored, the two sheets added (xlsxWriter; bounded memory at full height). A client
 * table gets its result columns through an ExcelJS copy of the workbook. Either copy that would
 * lose or change anything of the workbook (see xlsxPackage `lostFeatures`) is not written unless `force`. The file is written to a temporary
 * name first (safeWrite), so a failure never leaves a half-written OUT.
 */
export interface Written {
  sheet: string;
  summarySheet: string;
  rows: number;
  /** things said about the write (renamed columns and sheets, names cut short, what --force lost) */
  notes: Message[];
  /** what the copy did not keep (only with `force`) */
  lost: Feature[];
}

export interface ApplyOptions {
  /** replace a user's own columns and sheets named like ours */
  overwrite?: boolean;
  /** write even when the copy loses something of the workbook */
  force?: boolean;
  /** Tier history rows of this review (historySheet.historyValues), appended to the history sheet `sheet` or a new one. */
  history?: { rows: ReadonlyArray<ReadonlyArray<string | number | Date>>; sheet?: string };
}

/** Excel's limit on the characters of a cell (learn.microsoft.com: "Excel specifications and limits"). */
export const MAX_CELL_CHARS = 32767;

/** Defined names marking what apply wrote: each holds the cells it marks (A1 of a sheet, header cells of result columns). */
export const OWN = {
  summary: `${OWN_NAME_PREFIX}Summary`,
  clientSheet: `${OWN_NAME_PREFIX}ClientSheet`,
  results: `${OWN_NAME_PREFIX}Results`,
  history: `${OWN_NAME_PREFIX}History`,
} as const;

/** A copy would lose something; `lost` lists it (at most 20 shown in the message). */
export class LossError extends MessageError {
  constructor(public readonly lost: Feature[]) {
    super(msg('apply.wouldLose', { items: lost.slice(0, 20), more: Math.max(0, lost.length - 20) }));
    this.name = 'LossError';
  }
}

/** "#RRGGBB" → ExcelJS ARGB. */
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

export async function writeApplied(input: InputFile, sheet: SheetGrid, a: Analysis, out: string, lang: Lang, options: ApplyOptions = {}): Promise<Written> {
  return writeViaTemp(out, async (tmp) => {
    if (input.kind !== 'xlsx') return applyToCsv(sheet, a, tmp, lang, options);
    // a transaction log changes no cell of the workbook: its parts are copied as stored
    if (a.table.shape === 'transactions') {
      // nothing past the analysis reads a transaction log's cells: a full-height sheet's grid
      // (most of the process's memory) can go before the copy is written
      // (the Tier history's rows as read are kept: the copy writes them again with this review's)
      const priorHistory = options.history?.sheet !== undefined ? input.sheets.find((s) => s.name === options.history!.sheet)?.grid : undefined;
      for (const s of input.sheets) s.grid = [];
      sheet.grid = [];
      const streamed = await applyAsStored(await fs.readFile(input.path), a, tmp, lang, options, priorHistory);
      if (streamed) return streamed;
    }
    const { workbook, bytes } = input.workbook && input.bytes ? { workbook: input.workbook, bytes: input.bytes } : await loadXlsx(await fs.readFile(input.path), path.basename(input.path));
    const { written, replaced } = await applyToXlsx(workbook, sheet, a, tmp, lang, options);
    return checkLoss(written, unzipSync(bytes), unzipSync(new Uint8Array(await fs.readFile(tmp))), replaced, options);
  });
}

/** What the copy lost (xlsxPackage `lostFeatures`): refused unless `force`, then said. */
function checkLoss(written: Written, before: Unzipped, after: Unzipped, replaced: string[], options: ApplyOptions): Written {
  const lost = lostFeatures(before, after, replaced);
  if (lost.length && !options.force) throw new LossError(lost);
  if (lost.length) {
    written.lost = lost;
    written.notes.push(msg('apply.lostForced', { count: lost.length }));
  }
  return written;
}

/**
 * A transaction log: the per-client sheet and the summary added to the package as it is stored
 * (xlsxWriter), the workbook's parts copied without a workbook model — bounded memory and the
 * time of a file copy on a full-height sheet (issue 17). Undefined when the package needs the
 * whole-workbook path (see NotStreamable); the same names, marks, notes and loss check as it.
 */
async function applyAsStored(data: Uint8Array, a: Analysis, file: string, lang: Lang, options: ApplyOptions, priorHistory?: ReadonlyArray<ReadonlyArray<CellValue>>): Promise<Written | undefined> {
  const notes: Message[] = [];
  const replaced: string[] = [];
  let asStored: Set<string>;
  let target: string;
  let summaryName: string;
  try {
    const edit = new XlsxEdit(data);
    target = placeSheet(packageSheets(edit), CLIENT_SHEET_NAMES, OWN.clientSheet, lang, options, notes, replaced);
    edit.addSheet(clientSheet(edit, target, a, lang, notes));
    edit.markCells(OWN.clientSheet, target, [{ r: 0, c: 0 }]);
    if (options.history?.rows.length) {
      // the Tier history: its rows as read and this review's, in a sheet that replaces the old one
      // under its name (the package's parts are copied, not edited in place)
      let historyName = options.history.sheet;
      if (historyName !== undefined && edit.sheetNames().includes(historyName)) {
        edit.removeSheet(historyName);
        replaced.push(historyName);
      } else historyName = freeName(HISTORY_SHEET_NAMES[lang], new Set(edit.sheetNames().map((n) => n.toLowerCase())), 31);
      edit.addSheet(historySheetRows(edit, historyName, priorHistory ?? [], options.history.rows, lang));
      edit.markCells(OWN.history, historyName, [{ r: 0, c: 0 }]);
    }
    summaryName = placeSheet(packageSheets(edit), SUMMARY_SHEET_NAMES, OWN.summary, lang, options, notes, replaced);
    edit.addSheet(summarySheet(edit, summaryName, a, lang));
    edit.markCells(OWN.summary, summaryName, [{ r: 0, c: 0 }]);
    asStored = await edit.write(file);
  } catch (e) {
    if (e instanceof NotStreamable) return undefined;
    throw e;
  }
  const written: Written = { sheet: target, summarySheet: summaryName, rows: a.clients.length, notes, lost: [] };
  return checkLoss(written, lightParts(data, asStored), lightParts(await fs.readFile(file), asStored), replaced, options);
}

/**
 * The Tier history as a streamed sheet: the header (the sheet's own language when it has rows, an
 * old nine-column header widened), the rows it had and this review's; dates as date cells.
 */
function historySheetRows(edit: XlsxEdit, name: string, prior: ReadonlyArray<ReadonlyArray<CellValue>>, rows: ReadonlyArray<ReadonlyArray<string | number | Date>>, lang: Lang): NewSheet {
  const bold = edit.style({ bold: true });
  const date = edit.style({ numFmt: dateFormat(lang) });
  const cell = (v: CellValue, k: number): OutCell => {
    if (v instanceof Date) return { v: v.getTime() / 86400000 + EXCEL_EPOCH_OFFSET, s: date };
    if (v === undefined) return { v: null };
    return { v, s: k === 0 && typeof v === 'number' ? date : undefined };
  };
  const headers = prior.length > 0 && String(prior[0][0] ?? '') === HISTORY_HEADERS.ru[0] ? HISTORY_HEADERS.ru : prior.length > 0 ? HISTORY_HEADERS.en : HISTORY_HEADERS[lang];
  return {
    name,
    widths: { 2: 28 },
    freezeHeader: true,
    rows: function* () {
      yield headers.map((h) => ({ v: h, s: bold }));
      for (let r = 1; r < prior.length; r++) yield prior[r].map(cell);
      for (const row of rows) yield row.map(cell);
    },
  };
}

/** Clients by rank (unranked last, by key): the order of the per-client sheet. */
function clientsInOrder(a: Analysis): Analysis['clients'] {
  return [...a.clients].sort((x, y) => (x.rank || Infinity) - (y.rank || Infinity) || (x.key < y.key ? -1 : 1));
}

/** The per-client sheet as writeClientSheet lays it out: bold header, formats by column, widths, frozen header. */
function clientSheet(edit: XlsxEdit, name: string, a: Analysis, lang: Lang, notes: Message[]): NewSheet {
  const bold = edit.style({ bold: true });
  const money = edit.style({ numFmt: '#,##0.00' });
  const date = edit.style({ numFmt: dateFormat(lang) });
  const percent = edit.style({ numFmt: '0.00%' });
  const byColumn: Record<number, number> = { 1: money, 2: money, 4: date, 5: percent, 6: percent, 12: date };
  return {
    name,
    widths: { 1: 28, 11: 60 },
    freezeHeader: true,
    rows: function* () {
      yield CLIENT_SHEET_HEADERS[lang].map((h) => ({ v: h, s: bold }));
      let r = 1;
      for (const c of clientsInOrder(a)) {
        const row = r++;
        yield clientSheetRow(c, a, lang).map((v, k) => ({ v: fitCell(v, () => `${columnLetter(k)}${row + 1}`, notes), s: byColumn[k] }));
      }
    },
  };
}

/** The summary sheet as writeSummary lays it out. */
function summarySheet(edit: XlsxEdit, name: string, a: Analysis, lang: Lang): NewSheet {
  const title = edit.style({ bold: true, size: 13 });
  const share = edit.style({ numFmt: '0.0%' });
  return {
    name,
    widths: { 1: 36, 2: 20 },
    rows: function* () {
      yield [{ v: summaryTitle(lang), s: title }];
      for (const [k, v] of summaryRows(a, lang)) yield [{ v: k }, { v, s: /share|доля/i.test(k) ? share : undefined }];
    },
  };
}

const summaryTitle = (lang: Lang) => (lang === 'en' ? 'Client Tiers — summary' : 'Уровни клиентов — сводка');

function serialToDate(serial: number): Date {
  return new Date((serial - EXCEL_EPOCH_OFFSET) * 86400000);
}

const dateFormat = (lang: Lang) => (lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd');

function columnIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}



/** The cells a defined name holds, per sheet: `{ sheet, r, c }` (zero-based), ranges expanded. */
function namedCells(wb: ExcelJS.Workbook, name: string): Array<{ sheet: string; r: number; c: number }> {
  const out: Array<{ sheet: string; r: number; c: number }> = [];
  const ranges = (wb.definedNames.getRanges(name) as { ranges?: string[] } | undefined)?.ranges ?? [];
  for (const range of ranges) {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range);
    if (!m) continue;
    const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
    const c0 = columnIndex(m[3]);
    const r0 = Number(m[4]) - 1;
    const c1 = m[5] ? columnIndex(m[5]) : c0;
    const r1 = m[6] ? Number(m[6]) - 1 : r0;
    for (let r = r0; r <= r1 && r - r0 < 1000; r++) for (let c = c0; c <= c1 && c - c0 < 1000; c++) out.push({ sheet, r, c });
  }
  return out;
}

/** Replace the cells of `name` on `sheet` with `cells` (other sheets' cells stay). */
function markCells(wb: ExcelJS.Workbook, name: string, sheet: string, cells: Array<{ r: number; c: number }>): void {
  const keep = namedCells(wb, name).filter((x) => x.sheet !== sheet);
  const model = wb.definedNames.model.filter((d) => d.name !== name);
  const ranges = [...keep.map((x) => `${quoteSheet(x.sheet)}!$${columnLetter(x.c)}$${x.r + 1}`), ...cells.map((x) => `${quoteSheet(sheet)}!$${columnLetter(x.c)}$${x.r + 1}`)];
  if (ranges.length) model.push({ name, ranges });
  wb.definedNames.model = model;
}

/** Is `sheet` the one this name marks as ours? */
function ownsSheet(wb: ExcelJS.Workbook, name: string, sheet: string): boolean {
  return namedCells(wb, name).some((x) => x.sheet.toLowerCase() === sheet.toLowerCase());
}

/** `base`, or `base (2)`, `base (3)`… — the first not in `taken` (compared without letter case). */
function freeName(base: string, taken: Set<string>, maxLength = Infinity): string {
  for (let k = 1; ; k++) {
    const suffix = k === 1 ? '' : ` (${k})`;
    const name = `${base.slice(0, maxLength - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** A cell value as Excel can hold it: text longer than 32,767 characters cut, with a note. */
function fitCell<T>(v: T, address: () => string, notes: Message[]): T | string {
  if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
    notes.push(msg('apply.nameTruncated', { cell: address(), length: v.length }));
    return v.slice(0, MAX_CELL_CHARS);
  }
  return v;
}

/** Columns (zero-based) of existing result headers in the header row, by position in RESULT_HEADERS; `(2)` suffixes ignored. */
function findResultColumns(headerRow: CellValue[], only?: Set<number>): Array<number | undefined> {
  const norm = headerRow.map((h) => (typeof h === 'string' ? h.trim().toLowerCase().replace(/\s\(\d+\)$/, '') : ''));
  return RESULT_HEADERS.en.map((_, k) => {
    const names = [RESULT_HEADERS.en[k].toLowerCase(), RESULT_HEADERS.ru[k].toLowerCase()];
    for (let i = 0; i < norm.length; i++) if ((!only || only.has(i)) && names.includes(norm[i]) && (only || norm[i] === String(headerRow[i]).trim().toLowerCase())) return i;
    return undefined;
  });
}

interface TableInternals {
  table?: { name?: string; tableRef?: string; ref?: string; autoFilterRef?: string; headerRow?: boolean; totalsRow?: boolean; columns?: Array<{ name: string }> };
}

interface XlsxResult {
  written: Written;
  /** user sheets replaced on purpose (--overwrite): what they held is not counted as lost */
  replaced: string[];
}

async function applyToXlsx(wb: ExcelJS.Workbook, sheet: SheetGrid, a: Analysis, file: string, lang: Lang, options: ApplyOptions): Promise<XlsxResult> {
  const notes: Message[] = [];
  const replaced: string[] = [];
  let rows = 0;
  let target = sheet.name;
  if (a.table.shape === 'transactions') {
    const name = placeSheet(excelSheets(wb), CLIENT_SHEET_NAMES, OWN.clientSheet, lang, options, notes, replaced);
    const ws = wb.addWorksheet(name);
    writeClientSheet(ws, a, lang, notes);
    markCells(wb, OWN.clientSheet, name, [{ r: 0, c: 0 }]);
    rows = a.clients.length;
    target = name;
  } else {
    const ws = wb.getWorksheet(sheet.name)!;
    const hr = a.table.headerRow;
    const headerCells = sheet.grid[hr] ?? [];
    const ownCols = new Set(namedCells(wb, OWN.results).filter((x) => x.sheet === sheet.name && x.r === hr).map((x) => x.c));
    const own = findResultColumns(headerCells, ownCols);
    const named = findResultColumns(headerCells);
    // the table around the client column, if any: results go right of it and it grows over them
    const clientCol = a.table.columns.client!.index;
    const table = (ws.getTables() as unknown as TableInternals[])
      .map((t) => t.table)
      .find((t) => {
        const ref = t?.tableRef ?? t?.ref;
        const m = ref ? /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, '')) : null;
        return m !== null && Number(m[2]) === hr + 1 && columnIndex(m[1]) <= clientCol && clientCol <= columnIndex(m[3]);
      });
    let next = headerCells.length;
    for (let r = hr; r < a.table.endRow; r++) next = Math.max(next, lastNonBlank(sheet.grid[r]) + 1);
    let tableEnd = -1;
    if (table) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec((table.tableRef ?? table.ref)!.replace(/\$/g, ''))!;
      tableEnd = columnIndex(m[3]);
      // right of the table when those columns are free in the table's rows
      let free = true;
      for (let r = hr; r < Math.min(sheet.grid.length, Number(m[4])) && free; r++) for (let c = tableEnd + 1; c < tableEnd + 1 + RESULT_HEADERS.en.length; c++) if (lastNonBlank([sheet.grid[r]?.[c] ?? null]) >= 0) free = false;
      if (free) next = tableEnd + 1;
    }
    const taken = new Set(headerCells.map((h) => (h === null || h === undefined ? '' : String(h).trim().toLowerCase())));
    const cols: number[] = [];
    const headers: string[] = [];
    const isNew: boolean[] = [];
    for (let k = 0; k < RESULT_HEADERS.en.length; k++) {
      const reuse = own[k] ?? (options.overwrite ? named[k] : undefined);
      if (reuse !== undefined) {
        // ours, possibly renamed earlier ("ABC (2)"): keep its header unless the language changed
        const existing = String(headerCells[reuse] ?? '').trim();
        let header = RESULT_HEADERS[lang][k];
        if (own[k] !== undefined && existing.toLowerCase().replace(/\s\(\d+\)$/, '') === header.toLowerCase()) header = existing;
        else if (own[k] !== undefined) {
          taken.delete(existing.toLowerCase());
          header = freeName(header, taken);
        }
        taken.add(header.toLowerCase());
        cols.push(reuse);
        headers.push(header);
        isNew.push(false);
        continue;
      }
      let header = RESULT_HEADERS[lang][k];
      if (named[k] !== undefined || taken.has(header.toLowerCase())) {
        header = freeName(header, taken);
        if (named[k] !== undefined) notes.push(msg('apply.renamedColumn', { header: String(headerCells[named[k]!]), written: header }));
      }
      taken.add(header.toLowerCase());
      cols.push(next++);
      headers.push(header);
      isNew.push(true);
    }
    const headerStyle = ws.getRow(hr + 1).getCell(clientCol + 1).style;
    cols.forEach((c, k) => {
      const cell = ws.getRow(hr + 1).getCell(c + 1);
      cell.value = headers[k];
      if (isNew[k]) cell.style = { ...headerStyle };
    });
    if (table && tableEnd >= 0) extendTable(table, ws, hr, cols, tableEnd);
    else extendAutoFilter(ws, hr, clientCol, cols);
    ws.getColumn(cols[3] + 1).width = Math.max(ws.getColumn(cols[3] + 1).width ?? 0, 60);
    ws.getColumn(cols[2] + 1).width = Math.max(ws.getColumn(cols[2] + 1).width ?? 0, 18);
    // clear stale results in rows that hold no client now (our columns only)
    const byRow = new Map<number, ResultCell[]>();
    const tierOf = new Map<number, number>();
    for (const c of a.clients) {
      const values = resultRow(c, a, lang);
      for (const r of c.rows) {
        byRow.set(r, values);
        tierOf.set(r, c.decision.tierIndex);
      }
    }
    for (let r = a.table.firstDataRow; r < a.table.endRow; r++) {
      const values = byRow.get(r);
      const row = ws.getRow(r + 1);
      cols.forEach((c, k) => {
        const cell = row.getCell(c + 1);
        const v = values ? values[k] : null;
        if (k === 5 && typeof v === 'number') {
          cell.value = serialToDate(v);
          cell.numFmt = dateFormat(lang);
        } else cell.value = fitCell(v, () => `${columnLetter(c)}${r + 1}`, notes);
        if (k === 0 && values) {
          // the tier colours the task pane uses too (src/core/tierColours)
          const colour = tierColours(tierOf.get(r)!, a.rules.tiers.length);
          cell.fill = colour ? { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colour.fill) } } : { type: 'pattern', pattern: 'none' };
          if (colour) cell.font = { ...cell.font, color: { argb: argb(colour.font) } };
        }
        if (k === 3) cell.alignment = { wrapText: false, vertical: 'top' };
      });
      if (values) rows++;
    }
    markCells(
      wb,
      OWN.results,
      sheet.name,
      cols.map((c) => ({ r: hr, c })),
    );
  }
  // the Tier history (src/cli/historySheet): this review's rows appended
  if (options.history?.rows.length) markCells(wb, OWN.history, appendHistory(wb, options.history.sheet, options.history.rows, lang), [{ r: 0, c: 0 }]);
  const summaryName = placeSheet(excelSheets(wb), SUMMARY_SHEET_NAMES, OWN.summary, lang, options, notes, replaced);
  writeSummary(wb.addWorksheet(summaryName), a, lang);
  markCells(wb, OWN.summary, summaryName, [{ r: 0, c: 0 }]);
  await wb.xlsx.writeFile(file);
  return { written: { sheet: target, summarySheet: summaryName, rows, notes, lost: [] }, replaced };
}

/** The table grows to the right over the result columns when they are its next columns. */
function extendTable(table: NonNullable<TableInternals['table']>, ws: ExcelJS.Worksheet, hr: number, cols: number[], tableEnd: number): void {
  const outside = cols.filter((c) => c > tableEnd).sort((x, y) => x - y);
  if (outside.length === 0) return;
  // only contiguous columns right of the table can join it
  let end = tableEnd;
  for (const c of outside) if (c === end + 1) end = c;
  if (end === tableEnd) return;
  const ref = (table.tableRef ?? table.ref)!.replace(/\$/g, '');
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref)!;
  const newRef = `${m[1]}${m[2]}:${columnLetter(end)}${m[4]}`;
  table.columns ??= [];
  for (let c = tableEnd + 1; c <= end; c++) table.columns.push({ name: String(ws.getRow(hr + 1).getCell(c + 1).value ?? '') });
  table.tableRef = newRef;
  if (table.ref !== undefined) table.ref = newRef;
  const lastFilterRow = Number(m[4]) - (table.totalsRow ? 1 : 0);
  table.autoFilterRef = `${m[1]}${m[2]}:${columnLetter(end)}${lastFilterRow}`;
}

/** An AutoFilter over the client range grows over the result columns next to it, as a table does. */
function extendAutoFilter(ws: ExcelJS.Worksheet, hr: number, clientCol: number, cols: number[]): void {
  const af = ws.autoFilter;
  const ref = typeof af === 'string' ? af : af && typeof af === 'object' && 'from' in af && typeof af.from === 'string' && typeof af.to === 'string' ? `${af.from}:${af.to}` : undefined;
  const m = ref ? /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, '')) : null;
  if (!m || Number(m[2]) !== hr + 1 || columnIndex(m[1]) > clientCol || columnIndex(m[3]) < clientCol) return;
  let end = columnIndex(m[3]);
  for (const c of [...cols].sort((x, y) => x - y)) if (c === end + 1) end = c;
  ws.autoFilter = `${m[1]}${m[2]}:${columnLetter(end)}${m[4]}`;
}

function lastNonBlank(row: CellValue[] | undefined): number {
  if (!row) return -1;
  for (let i = row.length - 1; i >= 0; i--) {
    const v = row[i];
    if (v !== null && v !== undefined && v !== '') return i;
  }
  return -1;
}

/** The sheets of a workbook as placeSheet sees them (ExcelJS model or a package edited as stored). */
interface SheetList {
  names(): string[];
  /** is `sheet` the one `mark` marks as ours? */
  owns(mark: string, sheet: string): boolean;
  remove(sheet: string): void;
}

function excelSheets(wb: ExcelJS.Workbook): SheetList {
  return {
    names: () => wb.worksheets.map((w) => w.name),
    owns: (mark, sheet) => ownsSheet(wb, mark, sheet),
    remove: (sheet) => wb.removeWorksheet(wb.getWorksheet(sheet)!.id),
  };
}

function packageSheets(edit: XlsxEdit): SheetList {
  return {
    names: () => edit.sheetNames(),
    owns: (mark, sheet) => edit.namedSheets(mark).some((x) => x.toLowerCase() === sheet.toLowerCase()),
    remove: (sheet) => edit.removeSheet(sheet),
  };
}

/**
 * The name for one of our sheets: ours (marked by `mark`) in either language is removed and
 * rewritten; a user's sheet with that name is kept and ours gets a free name, unless --overwrite.
 */
function placeSheet(wb: SheetList, names: Record<Lang, string>, mark: string, lang: Lang, options: ApplyOptions, notes: Message[], replaced: string[]): string {
  // ours, whatever it was called ("Tier summary (2)" beside a user's "Tier summary"): rewritten under the same name
  let previous: string | undefined;
  for (const name of wb.names()) {
    if (!wb.owns(mark, name)) continue;
    if (name.toLowerCase().replace(/\s\(\d+\)$/, '') === names[lang].toLowerCase()) previous = name;
    wb.remove(name);
  }
  for (const n of [names.en, names.ru]) {
    const name = wb.names().find((w) => w.toLowerCase() === n.toLowerCase());
    if (name !== undefined && options.overwrite && n.toLowerCase() === names[lang].toLowerCase()) {
      replaced.push(name);
      wb.remove(name);
    }
  }
  const taken = new Set(wb.names().map((w) => w.toLowerCase()));
  if (previous !== undefined && !taken.has(previous.toLowerCase())) return previous;
  const name = freeName(names[lang], taken, 31);
  if (name !== names[lang]) notes.push(msg('apply.renamedSheet', { sheet: wb.names().find((w) => w.toLowerCase() === names[lang].toLowerCase()) ?? names[lang], written: name }));
  return name;
}

function clientSheetValues(c: Analysis['clients'][number], a: Analysis, lang: Lang, r: number, notes: Message[]): Array<ResultCell | Date> {
  return clientSheetRow(c, a, lang).map((v, k) => ((k === 4 || k === 12) && typeof v === 'number' ? serialToDate(v) : fitCell(v, () => `${columnLetter(k)}${r + 1}`, notes)));
}

function writeClientSheet(ws: ExcelJS.Worksheet, a: Analysis, lang: Lang, notes: Message[]): void {
  ws.addRow([...CLIENT_SHEET_HEADERS[lang]]).font = { bold: true };
  clientsInOrder(a).forEach((c, i) => ws.addRow(clientSheetValues(c, a, lang, i + 1, notes)));
  ws.getColumn(1).width = 28;
  ws.getColumn(2).numFmt = '#,##0.00';
  ws.getColumn(3).numFmt = '#,##0.00';
  ws.getColumn(5).numFmt = dateFormat(lang);
  ws.getColumn(6).numFmt = '0.00%';
  ws.getColumn(7).numFmt = '0.00%';
  ws.getColumn(11).width = 60;
  ws.getColumn(13).numFmt = dateFormat(lang);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function writeSummary(ws: ExcelJS.Worksheet, a: Analysis, lang: Lang): void {
  ws.addRow([summaryTitle(lang)]).font = { bold: true, size: 13 };
  for (const [k, v] of summaryRows(a, lang)) {
    const row = ws.addRow([k, v]);
    if (/share|доля/i.test(k)) row.getCell(2).numFmt = '0.0%';
  }
  ws.getColumn(1).width = 36;
  ws.getColumn(2).width = 20;
}

/**
 * CSV input: a new workbook with the data sheet (numbers as numbers), results and a summary.
 * Every row is as wide as the widest one (ragged rows padded), so results stay under their headers.
 */
async function applyToCsv(sheet: SheetGrid, a: Analysis, file: string, lang: Lang, options: ApplyOptions = {}): Promise<Written> {
  const notes: Message[] = [];
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const dataName = safeSheetName(sheet.name);
  const taken = new Set([dataName.toLowerCase()]);
  const clientName = freeName(CLIENT_SHEET_NAMES[lang], taken, 31);
  taken.add(clientName.toLowerCase());
  const summaryName = freeName(SUMMARY_SHEET_NAMES[lang], taken, 31);
  const data = wb.addWorksheet(dataName);
  const numberCols = new Set<number>();
  const cols = a.table.columns;
  for (const role of ['amount', 'margin', 'orders'] as const) if (cols[role]) numberCols.add(cols[role]!.index);
  for (const m of a.table.monthColumns) numberCols.add(m.index);
  const perRow = new Map<number, ResultCell[]>();
  if (a.table.shape !== 'transactions') for (const c of a.clients) for (const r of c.rows) perRow.set(r, resultRow(c, a, lang));
  // the widest row of the table decides where results go (a ragged row must not push them right)
  let width = 1;
  for (let r = a.table.headerRow; r < sheet.grid.length; r++) width = Math.max(width, lastNonBlank(sheet.grid[r]) + 1);
  let rows = 0;
  for (let r = 0; r < sheet.grid.length; r++) {
    const src = sheet.grid[r];
    const out: Array<string | number | boolean | Date | null> = [];
    const n = a.table.shape !== 'transactions' && r >= a.table.headerRow ? Math.min(src.length, width) : src.length;
    for (let i = 0; i < n; i++) {
      const v = src[i];
      let cell: string | number | boolean | Date | null = v === undefined || v === '' ? null : (v as string | number | boolean | Date | null);
      if (r > a.table.headerRow && numberCols.has(i)) {
        const p = parseMoney(v, a.aggregation.numberLocale);
        if (p.kind === 'number') cell = p.value;
      }
      out.push(fitCell(cell, () => `${columnLetter(i)}${r + 1}`, notes));
    }
    if (a.table.shape !== 'transactions' && r >= a.table.headerRow) {
      while (out.length < width) out.push(null);
      if (r === a.table.headerRow) for (const h of RESULT_HEADERS[lang]) out.push(h);
      else {
        const vals = perRow.get(r);
        if (vals) {
          rows++;
          vals.forEach((v, k) => out.push(k === 5 && typeof v === 'number' ? serialToDate(v) : v));
        }
      }
    }
    data.addRow(out).commit();
  }
  await data.commit();
  let target = data.name;
  if (a.table.shape === 'transactions') {
    const ws = wb.addWorksheet(clientName);
    ws.addRow([...CLIENT_SHEET_HEADERS[lang]]).commit();
    clientsInOrder(a).forEach((c, i) => ws.addRow(clientSheetValues(c, a, lang, i + 1, notes)).commit());
    await ws.commit();
    rows = a.clients.length;
    target = ws.name;
    wb.definedNames.add(`${quoteSheet(clientName)}!$A$1`, OWN.clientSheet);
  } else {
    const hr = a.table.headerRow + 1;
    wb.definedNames.add(`${quoteSheet(dataName)}!$${columnLetter(width)}$${hr}:$${columnLetter(width + RESULT_HEADERS.en.length - 1)}$${hr}`, OWN.results);
  }
  if (options.history?.rows.length) {
    const historyName = freeName(HISTORY_SHEET_NAMES[lang], new Set([...taken, summaryName.toLowerCase()]), 31);
    await writeHistoryStream(wb.addWorksheet(historyName), options.history.rows, lang);
    wb.definedNames.add(`${quoteSheet(historyName)}!$A$1`, OWN.history);
  }
  const s = wb.addWorksheet(summaryName);
  for (const [k, v] of summaryRows(a, lang)) s.addRow([k, v]).commit();
  await s.commit();
  wb.definedNames.add(`${quoteSheet(summaryName)}!$A$1`, OWN.summary);
  await wb.commit();
  return { sheet: target, summarySheet: summaryName, rows, notes, lost: [] };
}

function safeSheetName(name: string): string {
  const s = name.replace(/[\\/?*[\]:]/g, ' ').trim().slice(0, 31);
  return s || 'Data';
}
