import { CellValue, columnIndex, columnLetter, isBlank } from './cells';
import { parseMoney } from './parseMoney';
import { dayParts, monthFromName, parseDate } from './parseDate';
import { monthFromHeader } from './monthHeader';
import { Message, MessageError, msg } from './messages';

/**
 * Locating the client table in a 2-D array of cell values: the header row (within the first
 * rows), and columns mapped by Russian and English header synonyms. Two shapes:
 *
 * - `clients`: one row per client with an amount column (or one column per month: `monthly`);
 * - `transactions`: a log of date, client, amount (and maybe an order/invoice number).
 *
 * Every mapped column carries a confidence in 0..1 so the UI can ask the user to correct it.
 */
export type Role = 'client' | 'amount' | 'date' | 'margin' | 'manager' | 'tier' | 'orders' | 'orderId' | 'status' | 'reviewsBelow' | 'email' | 'contact' | 'lastOrder';

export const ROLES: readonly Role[] = ['client', 'amount', 'date', 'margin', 'manager', 'tier', 'orders', 'orderId', 'status', 'reviewsBelow', 'email', 'contact', 'lastOrder'];

/** Header synonyms, normalised (lower case, no punctuation). Earlier entries are stronger. */
export const SYNONYMS: Record<Role, string[]> = {
  client: ['client', 'клиент', 'customer', 'customerid', 'customer id', 'customer name', 'client name', 'контрагент', 'покупатель', 'заказчик', 'наименование клиента', 'название клиента', 'компания', 'company', 'account', 'организация', 'партнер', 'партнёр', 'наименование', 'name', 'имя', 'фио'],
  amount: ['revenue', 'выручка', 'amount', 'sales', 'сумма', 'оборот', 'turnover', 'total', 'итого', 'сумма продаж', 'продажи', 'объем продаж', 'объём продаж', 'объем', 'объём', 'value', 'стоимость', 'sum', 'net sales', 'сумма заказа', 'оплата', 'платеж', 'платёж'],
  date: ['date', 'дата', 'invoicedate', 'invoice date', 'order date', 'дата заказа', 'дата продажи', 'дата документа', 'period', 'период', 'день', 'дата отгрузки', 'дата оплаты'],
  margin: ['margin', 'маржа', 'прибыль', 'profit', 'gross profit', 'валовая прибыль', 'маржинальность', 'наценка', 'markup', 'gross margin'],
  manager: ['manager', 'менеджер', 'account manager', 'ответственный', 'owner', 'sales rep', 'куратор', 'аккаунт менеджер', 'аккаунт-менеджер'],
  tier: ['tier', 'уровень', 'статус клиента', 'категория', 'category', 'level', 'segment', 'сегмент', 'current tier', 'текущий статус', 'статус', 'класс'],
  orders: ['orders', 'заказы', 'количество заказов', 'число заказов', 'кол во заказов', 'order count', 'number of orders', 'сделки', 'deals', 'сделок', 'заказов'],
  orderId: ['invoiceno', 'invoice no', 'invoice', 'order', 'order id', 'order no', 'номер заказа', 'заказ', 'счет', 'счёт', 'номер счета', 'номер счёта', 'документ', 'номер документа', 'накладная'],
  status: ['tier status', 'status', 'review status', 'статус пересмотра', 'статус tier', 'tier статус'],
  reviewsBelow: ['reviews below', 'пересмотров ниже', 'reviews below bar', 'ниже планки'],
  email: ['email', 'e-mail', 'почта', 'электронная почта', 'эл почта', 'mail'],
  lastOrder: ['last order', 'last order date', 'последний заказ', 'дата последнего заказа', 'last purchase', 'последняя покупка', 'last sale', 'последняя продажа'],
  contact: ['contact', 'контакт', 'контактное лицо', 'contact person', 'представитель'],
};

export function normHeader(v: CellValue): string {
  if (v === null || v === undefined) return '';
  return String(v)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0_\-.,:;()[\]"'«»№#/\\]+/g, ' ')
    .trim();
}

const NORM_SYNONYMS: Record<Role, string[]> = Object.fromEntries(
  ROLES.map((r) => [r, SYNONYMS[r].map((s) => normHeader(s))]),
) as Record<Role, string[]>;

/** How well a header text matches a role: 1 exact synonym, 0.8 starts with one, 0.6 contains one. */
export function headerScore(header: CellValue, role: Role): number {
  const h = normHeader(header);
  if (!h) return 0;
  let best = 0;
  const syns = NORM_SYNONYMS[role];
  for (let i = 0; i < syns.length; i++) {
    const s = syns[i];
    const rankPenalty = Math.min(0.1, i * 0.004);
    let score = 0;
    if (h === s) score = 1 - rankPenalty;
    else if (s.length >= 3 && (h.startsWith(s + ' ') || h.endsWith(' ' + s))) score = 0.8 - rankPenalty;
    else if (s.length >= 4 && h.includes(s)) score = 0.6 - rankPenalty;
    if (score > best) best = score;
  }
  return best;
}

export interface ColumnMatch {
  index: number;
  letter: string;
  header: string;
  confidence: number;
}

export type TableShape = 'clients' | 'monthly' | 'transactions';

export interface MonthColumn {
  index: number;
  letter: string;
  header: string;
  /** year*12 + month-1 */
  month: number;
}

export interface TableDetection {
  /** Zero-based row of the header. */
  headerRow: number;
  /** First and one-past-last data row (zero-based). */
  firstDataRow: number;
  endRow: number;
  shape: TableShape;
  columns: Partial<Record<Role, ColumnMatch>>;
  monthColumns: MonthColumn[];
  headers: string[];
  /** Overall confidence 0..1. */
  confidence: number;
  /** Notes for the user (a column that does not look right, no order numbers…), as messages to render in the user's language. */
  notes: Message[];
}

export interface DetectOptions {
  /** How many top rows may hold the header (default 20). */
  maxHeaderRow?: number;
  /** Zero-based header row forced by the user (or by a caller that knows it). */
  headerRow?: number;
  /** Columns forced by the user (zero-based indices). */
  overrides?: Partial<Record<Role, number>>;
  /**
   * Today (day number), for month columns named without a year anywhere ("Янв | Фев | … | Июн"):
   * they are read as the latest such run of months that ends no later than this month, with a
   * note saying so (Excel, too, gives a date typed without a year the current year). Without it
   * such a table is refused with a message asking for the year (core stays deterministic).
   */
  today?: number;
}

/** No client table: `message` is English, `messages` both languages, `detail` the code (`table.notFound`…). */
export class TableNotFoundError extends MessageError {
  constructor(detail: Message) {
    super(detail);
    this.name = 'TableNotFoundError';
  }
}

/**
 * Find the header row and map the columns. Throws TableNotFoundError with a message that says
 * what was looked for when no row has a client column and an amount (or month) column.
 */
export function detectTable(grid: ReadonlyArray<ReadonlyArray<CellValue>>, options: DetectOptions = {}): TableDetection {
  const maxHeader = Math.min(options.maxHeaderRow ?? 20, grid.length);
  let best: { row: number; score: number; cols: Partial<Record<Role, ColumnMatch>>; months: MonthColumn[] } | undefined;
  const firstRow = options.headerRow ?? 0;
  const lastRow = options.headerRow !== undefined ? Math.min(options.headerRow + 1, grid.length) : maxHeader;
  for (let r = firstRow; r < lastRow; r++) {
    const row = grid[r] ?? [];
    const { cols, months } = mapRow(row);
    const textCells = row.filter((c) => typeof c === 'string' && c.trim()).length;
    let score = 0;
    if (cols.client) score += 2 * cols.client.confidence;
    if (cols.amount) score += 2 * cols.amount.confidence;
    else if (months.length >= 2) score += 1.6;
    if (cols.date) score += cols.date.confidence;
    for (const role of ['margin', 'manager', 'tier', 'orders', 'orderId'] as Role[]) if (cols[role]) score += 0.3 * cols[role]!.confidence;
    if (textCells + months.length < 2) score = 0;
    if (!best || score > best.score + 1e-9) best = { row: r, score, cols, months };
  }
  // every "not found" message also says what was looked for, in the first `rows` rows
  const rows = maxHeader;
  if (!best || best.score <= 0) {
    if (options.overrides?.client === undefined && options.overrides?.amount === undefined) throw new TableNotFoundError(grid.length === 0 ? msg('table.empty', { rows }) : msg('table.notFound', { rows }));
  }
  const headerRow = best?.row ?? options.headerRow ?? 0;
  const headerCells = grid[headerRow] ?? [];
  const headers = Array.from({ length: headerCells.length }, (_, i) => (isBlank(headerCells[i]) ? '' : String(headerCells[i]).trim()));
  const cols: Partial<Record<Role, ColumnMatch>> = { ...(best?.cols ?? {}) };
  for (const [role, idx] of Object.entries(options.overrides ?? {}) as Array<[Role, number]>) {
    if (idx === undefined) continue;
    for (const r of ROLES) if (cols[r]?.index === idx && r !== role) delete cols[r];
    cols[role] = { index: idx, letter: columnLetter(idx), header: headers[idx] ?? '', confidence: 1 };
  }
  const notes: Message[] = [];
  // a group title above the month headers ("Выручка 2025" merged over "Январь | Февраль | …"):
  // the header is two rows, the months come from the lower one
  const assumed: AssumedYear = {};
  if (best && cols.client && !cols.amount && best.months.length < 2) {
    // "Клиент | Январь | Февраль" under a title "Выручка 2025" in the row above (or with no year at all)
    const yearless = yearlessMonthColumns(headerCells, cols.client.index);
    if (yearless.length >= 2) best.months = [...best.months, ...datedMonths(grid, headerRow - 1, headerRow, yearless, options.today, assumed)].sort((a, b) => a.index - b.index);
  }
  const two = twoRowHeader(grid, headerRow, cols, best?.months ?? [], options.today, assumed);
  let firstDataRow = headerRow + 1;
  let monthList = best?.months ?? [];
  if (two) {
    firstDataRow = headerRow + 2;
    monthList = two.months;
    for (const m of two.months) headers[m.index] = m.header;
    for (const r of ROLES) if (cols[r] && two.months.some((m) => m.index === cols[r]!.index)) delete cols[r];
    notes.push(msg('table.twoRowHeader', { upper: headerRow + 1, lower: headerRow + 2, months: two.months.length }));
  }
  const months = monthList.filter((m) => !Object.values(cols).some((c) => c?.index === m.index));
  const extent = tableExtent(grid, firstDataRow, cols, months);
  const endRow = extent.endRow;
  if (extent.leftOut) notes.push(extent.leftOut);
  if (!cols.client) throw new TableNotFoundError(msg('table.noClientColumn', { row: headerRow + 1, rows }));
  // The amount column must hold numbers: check a sample of data rows.
  if (cols.amount && !columnLooksNumeric(grid, cols.amount.index, firstDataRow, endRow)) {
    notes.push(msg('table.fewNumbers', { column: cols.amount.letter, header: cols.amount.header }));
    cols.amount = { ...cols.amount, confidence: cols.amount.confidence * 0.5 };
  }
  if (cols.date && !columnLooksLikeDates(grid, cols.date.index, firstDataRow, endRow)) {
    notes.push(msg('table.fewDates', { column: cols.date.letter, header: cols.date.header }));
    delete cols.date;
  }
  let shape: TableShape;
  if (cols.date && cols.amount && !cols.orderId && clientsLookUnique(grid, cols.client.index, firstDataRow, endRow)) {
    // a date beside one row per client ("Дата последней продажи", "Contract date") is not a log
    notes.push(msg('table.datePerClient', { column: cols.date.letter, header: cols.date.header }));
    if (!cols.lastOrder) cols.lastOrder = cols.date;
    delete cols.date;
  }
  if (cols.date && cols.amount) shape = 'transactions';
  else if (cols.amount) shape = 'clients';
  else if (months.length >= 2) shape = 'monthly';
  else throw new TableNotFoundError(msg('table.noAmountColumn', { row: headerRow + 1, rows }));
  if (shape === 'transactions' && !cols.orderId) notes.push(msg('table.noOrderColumn'));
  if (assumed.note && shape === 'monthly') notes.push(assumed.note);
  const confs = [cols.client.confidence, shape === 'monthly' ? 0.8 : cols.amount!.confidence];
  if (shape === 'transactions') confs.push(cols.date!.confidence);
  const confidence = confs.reduce((m, x) => Math.min(m, x), Infinity);
  return { headerRow, firstDataRow, endRow, shape, columns: cols, monthColumns: shape === 'monthly' || !cols.amount ? months : months, headers, confidence, notes };
}

/**
 * A two-row header: the row below the chosen one names at least two months (and more than the
 * chosen row does), under the client column it is blank (or repeats the client header, as a
 * vertically merged cell reads in ExcelJS), and the chosen row holds only group titles (or
 * nothing) over those months. Month names without a year (`Январь`) take the year of the group
 * title above them, or of a title above the table; with no year anywhere the table is refused.
 */
function twoRowHeader(
  grid: ReadonlyArray<ReadonlyArray<CellValue>>,
  headerRow: number,
  cols: Partial<Record<Role, ColumnMatch>>,
  upperMonths: MonthColumn[],
  today: number | undefined,
  assumed: AssumedYear,
): { months: MonthColumn[] } | undefined {
  const upper = grid[headerRow] ?? [];
  const lower = grid[headerRow + 1];
  if (!lower || !cols.client) return undefined;
  const under = lower[cols.client.index];
  if (!isBlank(under) && normHeader(under) !== normHeader(upper[cols.client.index])) return undefined;
  const months: MonthColumn[] = [];
  const yearless: number[] = [];
  for (let c = 0; c < lower.length; c++) {
    const v = lower[c];
    if (isBlank(v) || c === cols.client.index) continue;
    // a plain number under a title is data, not a month (Range.values gives dates as serials, but a data row has a client name)
    const m = typeof v === 'string' || v instanceof Date ? monthFromHeader(v) : undefined;
    if (m !== undefined) months.push({ index: c, letter: columnLetter(c), header: headerText(v), month: m });
    else if (typeof v === 'string' && monthFromName(v.trim()) !== undefined) yearless.push(c);
  }
  if (yearless.length > 0) {
    months.push(...datedMonths(grid, headerRow, headerRow + 1, yearless, today, assumed));
    months.sort((a, b) => a.index - b.index);
  }
  if (months.length < 2 || months.length <= upperMonths.length) return undefined;
  // over the months, the upper row holds titles (or blanks), not other columns such as a date or a manager
  for (const r of ROLES) {
    const c = cols[r];
    if (!c || r === 'client' || r === 'amount') continue;
    if (months.some((m) => m.index === c.index)) return undefined;
  }
  for (const m of months) {
    const v = upper[m.index];
    if (!isBlank(v) && typeof v !== 'string') return undefined;
  }
  return { months };
}

/**
 * Month columns named without a year (`Январь`, `Feb`) in row `row`, dated by the group title
 * over them in row `titleRow` or a title above; refused when no year is given anywhere.
 */
interface AssumedYear {
  /** The note saying which months yearless columns were read as. */
  note?: Message;
}

/**
 * Yearless month columns with no year anywhere, read as consecutive months (a month not after
 * the one before starts the next year) ending no later than `today`'s month.
 */
function monthsUpToToday(grid: ReadonlyArray<ReadonlyArray<CellValue>>, row: number, cols: number[], today: number, assumed: AssumedYear): MonthColumn[] {
  const seq: number[] = [];
  let year = 0;
  for (const c of cols) {
    const mo = monthFromName(String(grid[row][c]).trim())!;
    if (seq.length > 0 && mo <= (seq[seq.length - 1] % 12) + 1) year++;
    seq.push(year * 12 + mo - 1);
  }
  const t = dayParts(today);
  const todayMonth = t.year * 12 + t.month - 1;
  const last = seq[seq.length - 1];
  // the base year that puts the last column at or before today's month, as late as possible
  const base = Math.floor((todayMonth - last) / 12);
  const out = cols.map((c, i) => ({ index: c, letter: columnLetter(c), header: String(grid[row][c]).trim(), month: base * 12 + seq[i] }));
  assumed.note = msg('table.monthsYearAssumed', { from: out[0].letter, to: out[out.length - 1].letter, first: monthLabel(out[0].month), last: monthLabel(out[out.length - 1].month) });
  return out;
}

/** "2025-01" for a month index. */
function monthLabel(m: number): string {
  const y = Math.floor(m / 12);
  return `${y}-${String(m - y * 12 + 1).padStart(2, '0')}`;
}

function datedMonths(grid: ReadonlyArray<ReadonlyArray<CellValue>>, titleRow: number, row: number, cols: number[], today?: number, assumed: AssumedYear = {}): MonthColumn[] {
  const out: MonthColumn[] = [];
  let prevMonth = -1;
  let prevTitle = -2;
  let yearShift = 0;
  if (today !== undefined && cols.every((c) => yearAbove(grid, titleRow, c) === undefined)) return monthsUpToToday(grid, row, cols, today, assumed);
  for (const c of cols) {
    const text = String(grid[row][c]).trim();
    const year = yearAbove(grid, titleRow, c);
    if (year === undefined) throw new TableNotFoundError(msg('table.monthsWithoutYear', { row: row + 1, column: columnLetter(c), header: text }));
    const mo = monthFromName(text)!;
    if (year.titleCol !== prevTitle) {
      prevTitle = year.titleCol;
      prevMonth = -1;
      yearShift = 0;
    }
    // "Ноябрь | Декабрь | Январь" under one title crosses a year
    if (prevMonth >= 0 && mo <= prevMonth) yearShift++;
    prevMonth = mo;
    out.push({ index: c, letter: columnLetter(c), header: text, month: (year.year + yearShift) * 12 + mo - 1 });
  }
  return out;
}

/** Columns of a header row that name a month without a year. */
function yearlessMonthColumns(row: ReadonlyArray<CellValue>, skip: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (c !== skip && typeof v === 'string' && monthFromHeader(v) === undefined && monthFromName(v.trim()) !== undefined) out.push(c);
  }
  return out;
}

const YEAR = /(?:^|\D)((?:19|20)\d{2})(?!\d)/;

/**
 * The year for a month column without one: the group title over it in the header row (the
 * nearest non-blank cell to its left, as a merged title reads in Excel), else a title above the
 * table (`Продажи за 2025 год`). `titleCol`: the column of the group title (-1: a title above).
 */
function yearAbove(grid: ReadonlyArray<ReadonlyArray<CellValue>>, headerRow: number, col: number): { year: number; titleCol: number } | undefined {
  const upper = grid[headerRow] ?? [];
  for (let c = col; c >= 0; c--) {
    const v = upper[c];
    if (isBlank(v)) continue;
    const m = YEAR.exec(String(v));
    if (m) return { year: +m[1], titleCol: c };
    break;
  }
  for (let r = headerRow - 1; r >= 0; r--) {
    for (const v of grid[r] ?? []) {
      if (typeof v !== 'string' && typeof v !== 'number') continue;
      const m = YEAR.exec(String(v));
      if (m) return { year: +m[1], titleCol: -1 };
    }
  }
  return undefined;
}

/**
 * Where the table ends: at the last non-blank row, unless another table follows — a blank row
 * and then a header (or a title and a header), or a header row straight under the data. The
 * rows below are left out and said so. Only rows whose amount cell is text that starts with a
 * letter are looked at closely, so a million-row log costs two cell checks a row.
 */
function tableExtent(
  grid: ReadonlyArray<ReadonlyArray<CellValue>>,
  from: number,
  cols: Partial<Record<Role, ColumnMatch>>,
  months: MonthColumn[],
): { endRow: number; leftOut?: Message } {
  let last = grid.length;
  while (last > from && rowBlank(grid[last - 1])) last--;
  const clientCol = cols.client?.index;
  const keyCol = cols.amount?.index ?? months[0]?.index;
  if (clientCol === undefined || keyCol === undefined) return { endRow: last };
  let blankAt = -1;
  for (let r = from; r < last; r++) {
    const row = grid[r];
    if (!row || (isBlank(row[clientCol]) && isBlank(row[keyCol]) && rowBlank(row))) {
      if (blankAt < 0) blankAt = r;
      continue;
    }
    const k = row[keyCol];
    // digits, signs, brackets and currency signs below 'A' cannot start a header: no regex for them
    const c0 = typeof k === 'string' ? k.charCodeAt(0) : 0;
    const startsWithLetter = (c0 > 0x40 || c0 === 0x20 || c0 === 0xa0) && /^\s*\p{L}/u.test(k as string);
    if (startsWithLetter && looksLikeHeader(row)) {
      const end = blankAt >= 0 ? blankAt : r;
      return { endRow: end, leftOut: blankAt >= 0 ? msg('table.endsAtBlank', { blank: blankAt + 1, from: blankAt + 2, to: last }) : msg('table.endsAtHeader', { row: r + 1, from: r + 1, to: last }) };
    }
    if (blankAt >= 0 && isBlank(k) && !isBlank(row[clientCol]) && nonBlankCount(row) === 1) {
      // a title line after a blank row: another table starts if a header follows within 3 rows
      for (let q = r + 1; q < Math.min(last, r + 4); q++) {
        if (looksLikeHeader(grid[q] ?? [])) return { endRow: blankAt, leftOut: msg('table.endsAtBlank', { blank: blankAt + 1, from: blankAt + 2, to: last }) };
      }
    }
    blankAt = -1;
  }
  return { endRow: last };
}

function rowBlank(row: ReadonlyArray<CellValue> | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

function nonBlankCount(row: ReadonlyArray<CellValue>): number {
  let n = 0;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) n++;
  return n;
}

/** A header row: a client column and an amount column (or two month columns) by their headers. */
export function looksLikeHeader(row: ReadonlyArray<CellValue>): boolean {
  const { cols, months } = mapRow(row);
  return Boolean(cols.client && cols.client.confidence >= 0.6 && (cols.amount || months.length >= 2));
}

function mapRow(row: ReadonlyArray<CellValue>): { cols: Partial<Record<Role, ColumnMatch>>; months: MonthColumn[] } {
  const candidates: Array<{ role: Role; index: number; score: number }> = [];
  const months: MonthColumn[] = [];
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isBlank(cell)) continue;
    const m = monthFromHeader(cell);
    if (m !== undefined) {
      months.push({ index: c, letter: columnLetter(c), header: headerText(cell), month: m });
      continue;
    }
    if (typeof cell !== 'string') continue;
    for (const role of ROLES) {
      const s = headerScore(cell, role);
      if (s > 0) candidates.push({ role, index: c, score: s });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  const cols: Partial<Record<Role, ColumnMatch>> = {};
  const used = new Set<number>();
  for (const cand of candidates) {
    if (cols[cand.role] || used.has(cand.index)) continue;
    cols[cand.role] = { index: cand.index, letter: columnLetter(cand.index), header: String(row[cand.index]).trim(), confidence: Math.round(cand.score * 100) / 100 };
    used.add(cand.index);
  }
  return { cols, months };
}

function headerText(v: CellValue): string {
  return v instanceof Date ? v.toISOString().slice(0, 7) : String(v).trim();
}

function sample(grid: ReadonlyArray<ReadonlyArray<CellValue>>, col: number, from: number, to: number): CellValue[] {
  const out: CellValue[] = [];
  const n = to - from;
  const step = Math.max(1, Math.floor(n / 200));
  for (let r = from; r < to && out.length < 200; r += step) {
    const v = grid[r]?.[col];
    if (!isBlank(v)) out.push(v);
  }
  return out;
}

function clientsLookUnique(grid: ReadonlyArray<ReadonlyArray<CellValue>>, col: number, from: number, to: number): boolean {
  const seen = new Set<string>();
  let n = 0;
  for (let r = from; r < to && n < 5000; r++) {
    const v = grid[r]?.[col];
    if (isBlank(v)) continue;
    n++;
    seen.add(String(v).replace(/\s+/g, ' ').trim().toLowerCase());
  }
  return n >= 3 && seen.size / n > 0.98;
}

function columnLooksNumeric(grid: ReadonlyArray<ReadonlyArray<CellValue>>, col: number, from: number, to: number): boolean {
  const s = sample(grid, col, from, to);
  if (s.length === 0) return true;
  const ok = s.filter((v) => {
    const k = parseMoney(v).kind;
    return k === 'number' || k === 'ambiguous';
  }).length;
  return ok / s.length >= 0.5;
}

function columnLooksLikeDates(grid: ReadonlyArray<ReadonlyArray<CellValue>>, col: number, from: number, to: number): boolean {
  const s = sample(grid, col, from, to);
  if (s.length === 0) return false;
  const ok = s.filter((v) => {
    const k = parseDate(v).kind;
    return k === 'date' || k === 'ambiguous';
  }).length;
  return ok / s.length >= 0.5;
}

/**
 * Resolve a user's column reference (header text, case-insensitive, or a column letter such as
 * `C`) against the header row. Header text wins over letters ("A" could be a header).
 */
export function resolveColumn(ref: string, headers: readonly string[]): number | undefined {
  const t = normHeader(ref);
  const byHeader = headers.findIndex((h) => normHeader(h) === t);
  if (byHeader >= 0) return byHeader;
  return columnIndex(ref);
}
