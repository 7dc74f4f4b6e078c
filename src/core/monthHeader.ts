import { CellValue } from './cells';
import { dayParts, EXCEL_EPOCH_OFFSET } from './parseDate';

/**
 * A header that names a month, for sheets with one column per month: `2025-01`, `01.2025`,
 * `Jan 2025`, `January 2025`, `янв 2025`, `Январь 2025`, `янв.25`, or a date cell (first of the
 * month). Returns the month index year*12 + month-1, or undefined.
 *
 * @example monthFromHeader('Январь 2025') // 24300
 */
const MONTHS: Array<[RegExp, number]> = [
  [/^(jan|янв)/, 1],
  [/^(feb|фев)/, 2],
  [/^(mar|мар)/, 3],
  [/^(apr|апр)/, 4],
  [/^(may|мая|май)/, 5],
  [/^(jun|июн)/, 6],
  [/^(jul|июл)/, 7],
  [/^(aug|авг)/, 8],
  [/^(sep|сен)/, 9],
  [/^(oct|окт)/, 10],
  [/^(nov|ноя)/, 11],
  [/^(dec|дек)/, 12],
];

export function monthFromHeader(v: CellValue): number | undefined {
  if (v instanceof Date) return v.getUTCFullYear() * 12 + v.getUTCMonth();
  if (typeof v === 'number') {
    // a date serial formatted as a month header (between 2000 and 2100)
    if (v >= 36526 && v < 73051 && Number.isInteger(v)) {
      const p = dayParts(v - EXCEL_EPOCH_OFFSET);
      return p.year * 12 + p.month - 1;
    }
    return undefined;
  }
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  let m = /^(\d{4})[-./](\d{1,2})$/.exec(s);
  if (m) return ym(+m[1], +m[2]);
  m = /^(\d{1,2})[-./](\d{4})$/.exec(s);
  if (m) return ym(+m[2], +m[1]);
  m = /^([a-zа-яё]+)\.?[\s\-'’]*(\d{2}|\d{4})(?:\s*г\.?)?$/.exec(s);
  if (m) {
    const mon = MONTHS.find(([re]) => re.test(m![1]));
    if (!mon) return undefined;
    const y = m[2].length === 2 ? 2000 + +m[2] : +m[2];
    return ym(y, mon[1]);
  }
  return undefined;
}

function ym(y: number, mo: number): number | undefined {
  if (mo < 1 || mo > 12 || y < 1900 || y > 9999) return undefined;
  return y * 12 + mo - 1;
}
