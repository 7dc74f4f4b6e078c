/**
 * An approximation of the text Excel displays for a value in a number format (`Range.text`).
 * Covers General, text "@", fixed decimals, thousands separators, percent, literal suffixes and
 * prefixes ("#,##0.00 \"₽\"", "[$$-409]#,##0.00") and d/m/y h:m:s dates. Output uses the
 * en-US separators; Excel uses the user's locale.
 */
import { CellError, CellValue } from './model';

const EPOCH_1900 = 25569; // serial of 1970-01-01

/** Excel serial day number → JavaScript Date (UTC). */
export function dateFromSerial(serial: number, date1904 = false): Date {
  const s = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((s - EPOCH_1900) * 86400000));
}

/** JavaScript Date (taken as UTC) → Excel serial day number. */
export function serialFromDate(d: Date, date1904 = false): number {
  const s = d.getTime() / 86400000 + EPOCH_1900;
  return date1904 ? s - 1462 : s;
}

function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e11 || (abs > 0 && abs < 1e-9)) return n.toExponential(5).replace(/\.?0+e/, 'e').toUpperCase();
  return String(Number(n.toPrecision(10)));
}

/** Drops quoted literals and [..] blocks to see the bare number pattern. */
function bare(section: string): string {
  return section.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
}

function isDateFormat(section: string): boolean {
  return /[dyhs]|m{1,4}/i.test(bare(section)) && !/[0#?]/.test(bare(section));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function formatDate(serial: number, section: string): string {
  const d = dateFromSerial(serial);
  const fmt = section.replace(/\[[^\]]*\]/g, '');
  let out = '';
  for (let i = 0; i < fmt.length; ) {
    const rest = fmt.slice(i);
    const lit = /^"([^"]*)"/.exec(rest);
    if (lit) {
      out += lit[1];
      i += lit[0].length;
      continue;
    }
    const tok = /^(yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s)/i.exec(rest);
    if (tok) {
      const t = tok[1].toLowerCase();
      const prevIsHour = /h+[^a-z]*$/i.test(out.length ? fmt.slice(0, i) : '');
      switch (t) {
        case 'yyyy': out += pad(d.getUTCFullYear(), 4); break;
        case 'yy': out += pad(d.getUTCFullYear() % 100, 2); break;
        case 'mmmm': out += MONTHS[d.getUTCMonth()]; break;
        case 'mmm': out += MONTHS[d.getUTCMonth()].slice(0, 3); break;
        case 'mm': out += prevIsHour ? pad(d.getUTCMinutes(), 2) : pad(d.getUTCMonth() + 1, 2); break;
        case 'm': out += prevIsHour ? String(d.getUTCMinutes()) : String(d.getUTCMonth() + 1); break;
        case 'dd': out += pad(d.getUTCDate(), 2); break;
        case 'd': out += String(d.getUTCDate()); break;
        case 'hh': out += pad(d.getUTCHours(), 2); break;
        case 'h': out += String(d.getUTCHours()); break;
        case 'ss': out += pad(d.getUTCSeconds(), 2); break;
        case 's': out += String(d.getUTCSeconds()); break;
      }
      i += tok[0].length;
      continue;
    }
    if (rest[0] === '\\') {
      out += rest[1] ?? '';
      i += 2;
      continue;
    }
    out += rest[0];
    i += 1;
  }
  return out;
}

/**
 * Digit separators of the display locale, as Excel takes them from the system: en-US groups
 * with "," and marks decimals with "."; ru-RU groups with a non-breaking space and uses ",".
 * A format's own `,`/`.` are placeholders, so only the digits change, not the literal text.
 */
export interface Separators {
  group: string;
  decimal: string;
}
export const EN_SEPARATORS: Separators = Object.freeze({ group: ',', decimal: '.' });
export const RU_SEPARATORS: Separators = Object.freeze({ group: '\u00a0', decimal: ',' });

function localise(digits: string, sep: Separators): string {
  if (sep.group === ',' && sep.decimal === '.') return digits;
  return digits.replace(/[,.]/g, (c) => (c === ',' ? sep.group : sep.decimal));
}

function formatNumber(n: number, section: string, negativeSection: boolean, sep: Separators = EN_SEPARATORS): string {
  // normalise: [$₽-419] → "₽", other [..] dropped, \c → "c", _x → " ", *x → ""
  const norm = section
    .replace(/\[\$([^-\]]*)(-[^\]]*)?\]/g, '"$1"')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\(.)/g, '"$1"')
    .replace(/_./g, '" "')
    .replace(/\*./g, '');
  let head = '';
  let tail = '';
  let pattern = '';
  let percent = false;
  let seenPattern = false;
  for (let i = 0; i < norm.length; i++) {
    const ch = norm[i];
    if (ch === '"') {
      const close = norm.indexOf('"', i + 1);
      const text = norm.slice(i + 1, close < 0 ? norm.length : close);
      if (seenPattern) tail += text;
      else head += text;
      i = close < 0 ? norm.length : close;
      continue;
    }
    if ('0#?,.'.includes(ch) && (!seenPattern || tail === '')) {
      seenPattern = true;
      pattern += ch;
      continue;
    }
    if (ch === '%') percent = true;
    if (seenPattern) tail += ch;
    else head += ch;
  }
  const v = Math.abs(percent ? n * 100 : n);
  const dot = pattern.indexOf('.');
  const decimals = dot < 0 ? 0 : (pattern.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  let digits = v.toFixed(decimals);
  if (/[0#?],[0#?]/.test(pattern)) {
    const [int, frac] = digits.split('.');
    digits = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  const sign = n < 0 && !negativeSection && Number(digits.replace(/,/g, '')) !== 0 ? '-' : '';
  return `${sign}${head}${localise(digits, sep)}${tail}`;
}

/** The displayed text of a value in a number format. */
export function formatText(value: CellValue | undefined, format: string, sep: Separators = EN_SEPARATORS): string {
  if (value === undefined) return '';
  if (value instanceof CellError) return value.code;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (format === '@' || format === 'General' || format === '') return sep.decimal === '.' ? general(value) : general(value).replace('.', sep.decimal);
  const sections = format.split(';');
  let section = sections[0];
  let negativeSection = false;
  if (value < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    negativeSection = true;
  } else if (value === 0 && sections.length > 2 && sections[2] !== '') {
    section = sections[2];
  }
  if (isDateFormat(section)) return formatDate(value, section);
  if (!/[0#?]/.test(bare(section))) return section.replace(/"([^"]*)"/g, '$1');
  return formatNumber(value, section, negativeSection, sep);
}
