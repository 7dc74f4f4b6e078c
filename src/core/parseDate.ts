import { CellValue, excelErrorCode, isBlank, isExcelError } from './cells';

/**
 * Dates as they arrive from a sheet: Excel serial numbers (1900 date system), JavaScript
 * dates, and text `31.12.2025`, `31.12.25`, `2025-12-31`, `2025-12-31 14:05`, `2025/12/31`,
 * `12/31/2025`, `31-12-2025`, and with the month as a word in Russian or English:
 * `31 декабря 2025 г.`, `31 дек. 2025`, `31 Dec 2025`, `31-Dec-25`, `Dec 31, 2025`,
 * `December 31 2025`.
 * Internally a date is a **day number**: whole days since 1970-01-01 (UTC), so comparisons
 * and windows are integer arithmetic. Excel serial 25569 is 1970-01-01.
 *
 * `03/04/2025` (and `03-04-2025`) is 3 April or 4 March: without an order hint it is reported
 * as ambiguous.
 *
 * @example parseDate(45657)        // { kind: 'date', day: 20088 } (2024-12-31)
 * @example parseDate('31.12.2025') // { kind: 'date', day: 20453 }
 */
export type DateOrder = 'dmy' | 'mdy';

export type DateResult =
  | { kind: 'date'; day: number }
  | { kind: 'blank' }
  | { kind: 'error'; code: string }
  | { kind: 'text'; text: string }
  | { kind: 'ambiguous'; text: string; candidates: [number, number] };

export const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86400000;

/** Day number of a calendar date, or undefined when the date does not exist. */
export function dayFromParts(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return Math.round(ms / MS_PER_DAY);
}

/** `YYYY-MM-DD` for a day number. */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number for strict `YYYY-MM-DD`, or undefined. */
export function isoToDay(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? dayFromParts(+m[1], +m[2], +m[3]) : undefined;
}

/** Day number of 1900-03-01 (Excel serial 61). */
const MARCH_1_1900 = -25508;

/** Excel serial (1900 system) for a day number (serials before 61 skip Excel's phantom 29 Feb 1900). */
export function dayToSerial(day: number): number {
  return day < MARCH_1_1900 ? day + EXCEL_EPOCH_OFFSET - 1 : day + EXCEL_EPOCH_OFFSET;
}

/**
 * Day number of a whole Excel serial. Excel (like Lotus 1-2-3) treats 1900 as a leap year:
 * serial 1 is 1900-01-01, 59 is 1900-02-28, 60 the non-existent 29 Feb 1900 (read as 28 Feb),
 * 61 is 1900-03-01; from 61 on, day = serial − 25569.
 */
export function serialToDay(serial: number): number {
  return serial < 60 ? serial - EXCEL_EPOCH_OFFSET + 1 : serial - EXCEL_EPOCH_OFFSET;
}

/** Calendar parts of a day number. */
export function dayParts(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The same day `months` months later (negative: earlier), clamped to the month's end:
 * 31 Aug − 6 months = 28/29 Feb.
 */
export function addMonths(day: number, months: number): number {
  const p = dayParts(day);
  const total = p.year * 12 + (p.month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m - 1, Math.min(p.day, last)) / MS_PER_DAY);
}

/** True when the day is the last day of its month. */
export function isMonthEnd(day: number): boolean {
  return dayParts(day + 1).day === 1;
}

/**
 * Shift by whole months keeping month ends as month ends: 30 Jun − 6 months = 31 Dec, so a
 * half-year ending 30 June is exactly January–June. Other days behave as `addMonths`.
 */
export function addMonthsKeepEnd(day: number, months: number): number {
  const d = addMonths(day, months);
  if (!isMonthEnd(day)) return d;
  const p = dayParts(d);
  return Math.round(Date.UTC(p.year, p.month, 0) / MS_PER_DAY);
}

/** Month index (year*12 + month-1) of a day number, for per-period buckets. */
export function monthIndex(day: number): number {
  const p = dayParts(day);
  return p.year * 12 + p.month - 1;
}

export function parseDate(v: CellValue, order?: DateOrder): DateResult {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 1 || v >= 2958466) return { kind: 'error', code: '#NUM!' };
    return { kind: 'date', day: serialToDay(Math.floor(v)) };
  }
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? { kind: 'error', code: '#VALUE!' } : { kind: 'date', day: Math.floor(t / MS_PER_DAY) };
  }
  if (isBlank(v)) return { kind: 'blank' };
  if (typeof v === 'boolean') return { kind: 'text', text: String(v) };
  const text = String(v);
  if (isExcelError(text)) return { kind: 'error', code: excelErrorCode(text) };
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return fromParts(text, +m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s*г\.?)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return fromParts(text, fullYear(m[3]), +m[2], +m[1]);
  m = /^(\d{1,2})([/-])(\d{1,2})\2(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$/i.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    const y = fullYear(m[4]);
    const dmy = dayFromParts(y, b, a);
    const mdy = dayFromParts(y, a, b);
    if (order === 'dmy') return dmy === undefined ? { kind: 'text', text } : { kind: 'date', day: dmy };
    if (order === 'mdy') return mdy === undefined ? { kind: 'text', text } : { kind: 'date', day: mdy };
    if (dmy !== undefined && mdy !== undefined && dmy !== mdy) return { kind: 'ambiguous', text, candidates: [dmy, mdy] };
    const one = dmy ?? mdy;
    return one === undefined ? { kind: 'text', text } : { kind: 'date', day: one };
  }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return fromParts(text, +m[1], +m[2], +m[3]);
  if (/[A-Za-zА-яЁё]/.test(s)) {
    const named = namedMonthDate(s);
    if (named !== undefined) return named === null ? { kind: 'text', text } : { kind: 'date', day: named };
  }
  // an Excel serial exported as text (5 digits: 1927–2173); shorter digit runs such as "2025" are not dates
  if (/^\d{5}(?:\.\d+)?$/.test(s)) return parseDate(Number(s), order);
  return { kind: 'text', text };
}

/**
 * Month names as people type them, lower case, `ё` as `е`: English full names and
 * abbreviations (`sept` too); Russian in the nominative (`декабрь`) and the genitive of dates
 * (`31 декабря`), with the usual abbreviations (`дек`, `сент`, `нояб`, `февр`).
 */
const MONTH_FORMS: ReadonlyArray<readonly string[]> = [
  ['jan', 'january', 'янв', 'январь', 'января'],
  ['feb', 'february', 'фев', 'февр', 'февраль', 'февраля'],
  ['mar', 'march', 'мар', 'март', 'марта'],
  ['apr', 'april', 'апр', 'апрель', 'апреля'],
  ['may', 'май', 'мая'],
  ['jun', 'june', 'июн', 'июнь', 'июня'],
  ['jul', 'july', 'июл', 'июль', 'июля'],
  ['aug', 'august', 'авг', 'август', 'августа'],
  ['sep', 'sept', 'september', 'сен', 'сент', 'сентябрь', 'сентября'],
  ['oct', 'october', 'окт', 'октябрь', 'октября'],
  ['nov', 'november', 'ноя', 'нояб', 'ноябрь', 'ноября'],
  ['dec', 'december', 'дек', 'декабрь', 'декабря'],
];
const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(MONTH_FORMS.flatMap((forms, i) => forms.map((f) => [f, i + 1] as [string, number])));

/** The month (1–12) a word names (`Dec`, `December`, `дек.`, `декабря`), or undefined. */
export function monthFromName(word: string): number | undefined {
  return MONTH_BY_NAME.get(word.toLowerCase().replace(/ё/g, 'е').replace(/\.$/, ''));
}

const TIME_TAIL = /(?:,?\s+|t)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?$/i;
const YEAR_WORD = /\s*(?:г\.?|года?)$/;
// "31 декабря 2025", "31-Dec-2025", "31 Dec. 25", "1st January 2025", "31 дек 2025"
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th|-?е|-?го)?[\s\-./]*([a-zа-я]+)\.?,?[\s\-./]+(\d{4}|\d{2})$/;
// "Dec 31, 2025", "December 31 2025", "Dec-31-2025"
const MONTH_DAY_YEAR = /^([a-zа-я]+)\.?[\s\-./]*(\d{1,2})(?:st|nd|rd|th)?,?[\s\-./]+(\d{4})$/;
// "2025 Dec 31", "2025-дек-31"
const YEAR_MONTH_DAY = /^(\d{4})[\s\-./]+([a-zа-я]+)\.?[\s\-./]+(\d{1,2})$/;

/**
 * A date with the month as a word, in either language: the day number, null when it has a
 * month word but is no calendar date (`31 февраля 2025`), undefined when it is not this form.
 */
function namedMonthDate(s: string): number | null | undefined {
  const t = s.toLowerCase().replace(/ё/g, 'е').replace(TIME_TAIL, '').replace(YEAR_WORD, '').trim();
  let d: string;
  let mon: string;
  let y: string;
  let m = DAY_MONTH_YEAR.exec(t);
  if (m) [, d, mon, y] = m;
  else if ((m = MONTH_DAY_YEAR.exec(t))) [, mon, d, y] = m;
  else if ((m = YEAR_MONTH_DAY.exec(t))) [, y, mon, d] = m;
  else return undefined;
  const month = MONTH_BY_NAME.get(mon);
  if (month === undefined) return undefined;
  return dayFromParts(fullYear(y), month, +d) ?? null;
}

function fullYear(y: string): number {
  const n = +y;
  return y.length === 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
}

function fromParts(text: string, y: number, mo: number, d: number): DateResult {
  const day = dayFromParts(y, mo, d);
  return day === undefined ? { kind: 'text', text } : { kind: 'date', day };
}

/** Infer day/month order from a column of slash dates: any first part > 12 means dmy, etc. */
export function inferDateOrder(values: Iterable<CellValue>, limit = 20000): DateOrder | undefined {
  let dmy = 0;
  let mdy = 0;
  let seen = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    if (++seen > limit) break;
    const m = /^\s*(\d{1,2})([/-])(\d{1,2})\2/.exec(v);
    if (!m) continue;
    if (+m[1] > 12) dmy++;
    else if (+m[3] > 12) mdy++;
  }
  if (dmy > 0 && mdy === 0) return 'dmy';
  if (mdy > 0 && dmy === 0) return 'mdy';
  return undefined;
}
