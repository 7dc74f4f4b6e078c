import { promises as fs } from 'fs';
import * as path from 'path';
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
  Lang,
  parseMoney,
  RESULT_HEADERS,
  ResultCell,
  resultRow,
  summaryRows,
  tierColours,
} from '../core';
import { InputFile, SheetGrid } from './readInput';

/**
 * `apply`: a copy of the workbook with the result columns beside the client data (or, for a
 * transaction log, a per-client sheet) and a summary sheet. Existing result columns (recognised
 * by their headers in either language) are updated in place; nothing else is touched. The file is
 * written to a temporary name first, so a failure never leaves a half-written OUT.
 */
export interface Written {
  sheet: string;
  summarySheet: string;
  rows: number;
}

/** "#RRGGBB" → ExcelJS ARGB. */
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

export async function writeApplied(input: InputFile, sheet: SheetGrid, a: Analysis, out: string, lang: Lang): Promise<Written> {
  const tmp = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    const written = input.kind === 'xlsx' ? await applyToXlsx(input, sheet, a, tmp, lang) : await applyToCsv(sheet, a, tmp, lang);
    await fs.rename(tmp, out);
    return written;
  } catch (e) {
    await fs.rm(tmp, { force: true });
    if ((e as NodeJS.ErrnoException).code === 'EACCES' || (e as NodeJS.ErrnoException).code === 'EROFS') throw new Error(`Cannot write ${out}: permission denied.`);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`Cannot write ${out}: the folder does not exist.`);
    throw e;
  }
}

function serialToDate(serial: number): Date {
  return new Date((serial - EXCEL_EPOCH_OFFSET) * 86400000);
}

const dateFormat = (lang: Lang) => (lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd');

/** Columns (zero-based) of existing result headers in the header row, by position in RESULT_HEADERS. */
function findResultColumns(headerRow: CellValue[]): Array<number | undefined> {
  const norm = headerRow.map((h) => (typeof h === 'string' ? h.trim().toLowerCase() : ''));
  return RESULT_HEADERS.en.map((_, k) => {
    const names = [RESULT_HEADERS.en[k].toLowerCase(), RESULT_HEADERS.ru[k].toLowerCase()];
    const i = norm.findIndex((h) => names.includes(h));
    return i >= 0 ? i : undefined;
  });
}

async function applyToXlsx(input: InputFile, sheet: SheetGrid, a: Analysis, file: string, lang: Lang): Promise<Written> {
  const wb = input.workbook!;
  let rows = 0;
  let target = sheet.name;
  if (a.table.shape === 'transactions') {
    const name = replaceSheet(wb, CLIENT_SHEET_NAMES, lang);
    const ws = wb.addWorksheet(name);
    writeClientSheet(ws, a, lang);
    rows = a.clients.length;
    target = name;
  } else {
    const ws = wb.getWorksheet(sheet.name)!;
    const hr = a.table.headerRow;
    const headerCells = sheet.grid[hr] ?? [];
    const found = findResultColumns(headerCells);
    let next = Math.max(headerCells.length, ...sheet.grid.slice(hr, a.table.endRow).map((r) => lastNonBlank(r) + 1));
    const cols = found.map((c) => (c !== undefined ? c : next++));
    const headerStyle = ws.getRow(hr + 1).getCell(a.table.columns.client!.index + 1).style;
    cols.forEach((c, k) => {
      const cell = ws.getRow(hr + 1).getCell(c + 1);
      cell.value = RESULT_HEADERS[lang][k];
      if (found[k] === undefined) cell.style = { ...headerStyle };
    });
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
        } else cell.value = v;
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
  }
  const summaryName = replaceSheet(wb, SUMMARY_SHEET_NAMES, lang);
  writeSummary(wb.addWorksheet(summaryName), a, lang);
  await wb.xlsx.writeFile(file);
  return { sheet: target, summarySheet: summaryName, rows };
}

function lastNonBlank(row: CellValue[] | undefined): number {
  if (!row) return -1;
  for (let i = row.length - 1; i >= 0; i--) {
    const v = row[i];
    if (v !== null && v !== undefined && v !== '') return i;
  }
  return -1;
}

/** Remove our sheet (in either language) so it is rewritten; returns the name to use. */
function replaceSheet(wb: ExcelJS.Workbook, names: Record<Lang, string>, lang: Lang): string {
  for (const n of [names.en, names.ru]) {
    const ws = wb.getWorksheet(n);
    if (ws) wb.removeWorksheet(ws.id);
  }
  return names[lang];
}

function writeClientSheet(ws: ExcelJS.Worksheet, a: Analysis, lang: Lang): void {
  ws.addRow([...CLIENT_SHEET_HEADERS[lang]]).font = { bold: true };
  const sorted = [...a.clients].sort((x, y) => (x.rank || Infinity) - (y.rank || Infinity) || (x.key < y.key ? -1 : 1));
  for (const c of sorted) {
    const values = clientSheetRow(c, a, lang).map((v, k) => ((k === 4 || k === 12) && typeof v === 'number' ? serialToDate(v) : v));
    ws.addRow(values);
  }
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
  ws.addRow([lang === 'en' ? 'Client Tiers — summary' : 'Уровни клиентов — сводка']).font = { bold: true, size: 13 };
  for (const [k, v] of summaryRows(a, lang)) {
    const row = ws.addRow([k, v]);
    if (/share|доля/i.test(k)) row.getCell(2).numFmt = '0.0%';
  }
  ws.getColumn(1).width = 36;
  ws.getColumn(2).width = 20;
}

/** CSV input: a new workbook with the data sheet (numbers as numbers), results and a summary. */
async function applyToCsv(sheet: SheetGrid, a: Analysis, file: string, lang: Lang): Promise<Written> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const data = wb.addWorksheet(safeSheetName(sheet.name));
  const numberCols = new Set<number>();
  const cols = a.table.columns;
  for (const role of ['amount', 'margin', 'orders'] as const) if (cols[role]) numberCols.add(cols[role]!.index);
  for (const m of a.table.monthColumns) numberCols.add(m.index);
  const perRow = new Map<number, ResultCell[]>();
  if (a.table.shape !== 'transactions') for (const c of a.clients) for (const r of c.rows) perRow.set(r, resultRow(c, a, lang));
  const width = Math.max(...(sheet.grid[a.table.headerRow] ?? []).map((_, i) => i + 1), 1);
  let rows = 0;
  for (let r = 0; r < sheet.grid.length; r++) {
    const src = sheet.grid[r];
    const out: Array<string | number | Date | null> = src.map((v, i) => {
      if (r > a.table.headerRow && numberCols.has(i)) {
        const p = parseMoney(v, a.aggregation.numberLocale);
        if (p.kind === 'number') return p.value;
      }
      return v === undefined || v === '' ? null : (v as string);
    });
    if (a.table.shape !== 'transactions') {
      while (out.length < width) out.push(null);
      if (r === a.table.headerRow) out.push(...RESULT_HEADERS[lang]);
      else {
        const vals = perRow.get(r);
        if (vals) {
          rows++;
          out.push(...vals.map((v, k) => (k === 5 && typeof v === 'number' ? serialToDate(v) : v)));
        }
      }
    }
    data.addRow(out).commit();
  }
  await data.commit();
  let target = data.name;
  if (a.table.shape === 'transactions') {
    const ws = wb.addWorksheet(CLIENT_SHEET_NAMES[lang]);
    ws.addRow([...CLIENT_SHEET_HEADERS[lang]]).commit();
    const sorted = [...a.clients].sort((x, y) => (x.rank || Infinity) - (y.rank || Infinity) || (x.key < y.key ? -1 : 1));
    for (const c of sorted) ws.addRow(clientSheetRow(c, a, lang).map((v, k) => ((k === 4 || k === 12) && typeof v === 'number' ? serialToDate(v) : v))).commit();
    await ws.commit();
    rows = a.clients.length;
    target = ws.name;
  }
  const s = wb.addWorksheet(SUMMARY_SHEET_NAMES[lang]);
  for (const [k, v] of summaryRows(a, lang)) s.addRow([k, v]).commit();
  await s.commit();
  await wb.commit();
  return { sheet: target, summarySheet: SUMMARY_SHEET_NAMES[lang], rows };
}

function safeSheetName(name: string): string {
  const s = name.replace(/[\\/?*[\]:]/g, ' ').trim().slice(0, 31);
  return s || 'Data';
}
