/**
 * Cell values as they arrive from Excel (`Range.values`), ExcelJS, a CSV file or a custom
 * function argument. Excel errors arrive as their text (`#N/A`, `#VALUE!` …).
 */
export type CellValue = string | number | boolean | null | undefined | Date;

/** Excel's error values, as `Range.values` and custom-function arguments show them. */
export const EXCEL_ERRORS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#BUSY!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
  '#PYTHON!',
] as const;

/**
 * The same errors as Russian Excel shows them in a cell, and so as they come in a CSV or a sheet
 * pasted as text from a Russian workbook (`Range.values` itself is locale-invariant).
 */
export const RU_EXCEL_ERRORS: Readonly<Record<string, (typeof EXCEL_ERRORS)[number]>> = {
  '#ПУСТО!': '#NULL!',
  '#ДЕЛ/0!': '#DIV/0!',
  '#ЗНАЧ!': '#VALUE!',
  '#ССЫЛКА!': '#REF!',
  '#ИМЯ?': '#NAME?',
  '#ЧИСЛО!': '#NUM!',
  '#Н/Д': '#N/A',
  '#ПЕРЕНОС!': '#SPILL!',
  '#ВЫЧИСЛ!': '#CALC!',
};

const ERROR_SET: ReadonlySet<string> = new Set([...EXCEL_ERRORS, ...Object.keys(RU_EXCEL_ERRORS)]);

/** True when `v` is the text of an Excel error value such as `#N/A` (or Russian `#Н/Д`). */
export function isExcelError(v: unknown): boolean {
  return typeof v === 'string' && v.length > 2 && v.charCodeAt(0) === 35 /* # */ && ERROR_SET.has(v.trim().toUpperCase());
}

/** The invariant (English) code of an Excel error text: `#н/д` → `#N/A`, ` #value! ` → `#VALUE!`. */
export function excelErrorCode(text: string): string {
  const t = text.trim().toUpperCase();
  return RU_EXCEL_ERRORS[t] ?? t;
}

/** True for cells Excel treats as empty: `null`, `undefined`, `""` or only spaces. */
export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  // String.prototype.trim removes every Unicode space (incl. U+00A0, U+2007, U+2009, U+202F);
  // a string whose first character is not a space cannot be blank (fast path for 1M cells)
  if (typeof v === 'string') {
    if (v.length === 0) return true;
    const c0 = v.charCodeAt(0);
    // printable ASCII and most letters start no blank string: skip the trim
    if (c0 > 0x20 && c0 < 0x7f) return false;
    return v.trim().length === 0;
  }
  return false;
}

/** Column letters for a zero-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Zero-based index for column letters (`A` → 0, `AA` → 26); undefined when not letters. */
export function columnIndex(letters: string): number | undefined {
  const t = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(t)) return undefined;
  let n = 0;
  for (let i = 0; i < t.length; i++) n = n * 26 + (t.charCodeAt(i) - 64);
  return n <= 16384 ? n - 1 : undefined;
}

/** A1-style address of a zero-based cell, e.g. (0, 2) → "C1". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** A readable rendering of a cell for messages: quotes text, shows blanks as (empty). */
export function showCell(v: CellValue): string {
  if (v === null || v === undefined || v === '') return '(empty)';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '…' : v);
  return String(v);
}
