import { CellValue, excelErrorCode, isBlank, isExcelError } from './cells';

/**
 * Money and number cells as managers type them.
 *
 * Accepts Excel numbers as they are, and text such as `1 234 567,89 ₽`, `1,234,567.89`,
 * `12 345 руб.`, `$1,200`, `(1 234)` (accounting negative), `−5`, `12,5%`, with ordinary,
 * non-breaking (U+00A0), narrow (U+202F) and thin (U+2009) spaces or apostrophes as digit
 * groups. A single comma followed by exactly three digits (`1,234`) is either 1234 (English)
 * or 1.234 (Russian): without a locale hint it is reported as `ambiguous`, never guessed
 * (a `$`/`£`/USD/GBP amount counts as an English hint: `$1,200` is 1200).
 *
 * @example parseMoney('1 234 567,89 ₽') // { kind: 'number', value: 1234567.89 }
 * @example parseMoney('(1 234)')        // { kind: 'number', value: -1234 }
 * @example parseMoney('1,234')          // { kind: 'ambiguous', candidates: [1234, 1.234] }
 */
export type NumberLocale = 'ru' | 'en';

export type NumberResult =
  | { kind: 'number'; value: number }
  | { kind: 'blank' }
  | { kind: 'error'; code: string }
  | { kind: 'text'; text: string }
  | { kind: 'ambiguous'; text: string; candidates: [number, number] };

const CURRENCY =
  /(?:₽|руб(?:лей|ля|ль)?\.?|р\.|rub\.?|rur|usd|eur|gbp|\$|€|£|¥|us\$|долл\.?|евро)/giu;
const SPACES = /[\s\u00a0\u2007\u2009\u202f'’]/g;

/** Parse one cell; `locale` resolves `1,234` (en → 1234, ru → 1.234). */
export function parseMoney(v: CellValue, locale?: NumberLocale): NumberResult {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', code: '#NUM!' };
  }
  if (isBlank(v)) return { kind: 'blank' };
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { kind: 'text', text: v.toISOString().slice(0, 10) };
  const raw = String(v);
  const fast = plainNumber(raw, locale);
  if (fast !== undefined) return { kind: 'number', value: fast };
  if (isExcelError(raw)) return { kind: 'error', code: excelErrorCode(raw) };
  return parseNumberText(raw, locale);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The common case without a regex: `1234`, `-12.30`, `1234,56` (at most 15 digits, no spaces,
 * signs other than a leading minus, currency or groups). Returns exactly what `parseMoney` gives
 * for such text — the digits as one integer (exact below 2^53) divided by a power of ten is the
 * correctly rounded decimal, as `Number("12.30")` is — or undefined for anything else, including
 * `1,234` when `locale` does not say which it is (that is parseMoney's `ambiguous`).
 */
export function plainNumber(s: string, locale?: NumberLocale): number | undefined {
  const n = s.length;
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  let v = 0;
  let digits = 0;
  let intDigits = -1;
  let sep = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      digits++;
    } else if ((c === 46 || c === 44) && sep === 0 && digits > 0) {
      sep = c;
      intDigits = digits;
    } else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  let x = v;
  if (sep !== 0) {
    const frac = digits - intDigits;
    if (frac === 0) return undefined;
    // "1,234": a decimal comma (ru) or a thousands group (en); "0,123" and "12345,678" are decimals
    const group = sep === 44 && frac === 3 && intDigits <= 3 && !(intDigits === 1 && s.charCodeAt(neg ? 1 : 0) === 48);
    if (group && locale === undefined) return undefined;
    if (!(group && locale === 'en')) x = v / POW10[frac];
  }
  return neg ? -x : x;
}

function parseNumberText(raw: string, locale?: NumberLocale): NumberResult {
  const text = raw;
  // a dollar or pound amount is written the English way: "$1,200" is 1200, not 1.2
  if (locale === undefined && /[$£]|usd|gbp/i.test(raw)) locale = 'en';
  let s = raw.trim().replace(/\u2212/g, '-');
  let negative = false;
  let percent = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(CURRENCY, ' ').trim();
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  // currency may sit between the sign and the digits: "-$1,200", "$-1,200"
  s = s.replace(CURRENCY, ' ').trim();
  if (s.startsWith('-') && !negative) {
    negative = true;
    s = s.slice(1).trim();
  }
  if (!/^[0-9][0-9\s\u00a0\u2007\u2009\u202f'’.,]*$/.test(s) && !/^[.,][0-9]+$/.test(s)) {
    return { kind: 'text', text };
  }
  const hadSpaces = /[\s\u00a0\u2007\u2009\u202f'’]/.test(s);
  if (hadSpaces && !/^\d{1,3}(?:[\s\u00a0\u2007\u2009\u202f'’]\d{3})*(?:[.,]\d+)?$/.test(s)) {
    return { kind: 'text', text };
  }
  s = s.replace(SPACES, '');
  const value = resolveSeparators(s, hadSpaces, locale);
  if (value === undefined) return { kind: 'text', text };
  const sign = (x: number) => (negative ? -x : x) / (percent ? 100 : 1);
  if (Array.isArray(value)) {
    return { kind: 'ambiguous', text, candidates: [sign(value[0]), sign(value[1])] };
  }
  return { kind: 'number', value: sign(value) };
}

const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(?:\\${sep}\\d{3})+$`);

function resolveSeparators(s: string, hadSpaces: boolean, locale?: NumberLocale): number | [number, number] | undefined {
  const commas = count(s, ',');
  const dots = count(s, '.');
  if (commas === 0 && dots === 0) return Number(s);
  if (commas > 0 && dots > 0) {
    const lastComma = s.lastIndexOf(',');
    const lastDot = s.lastIndexOf('.');
    const dec = lastComma > lastDot ? ',' : '.';
    const grp = dec === ',' ? '.' : ',';
    const [intPart, frac] = [s.slice(0, s.lastIndexOf(dec)), s.slice(s.lastIndexOf(dec) + 1)];
    if (count(frac, grp) > 0 || count(intPart, dec) > 0 || !GROUPED(grp).test(intPart) || frac === '') return undefined;
    return Number(intPart.split(grp).join('') + '.' + frac);
  }
  const sep = commas > 0 ? ',' : '.';
  const n = commas + dots;
  if (n > 1) {
    // "1,234,567" or "1.234.567": digit groups only
    return GROUPED(sep).test(s) ? Number(s.split(sep).join('')) : undefined;
  }
  const [intPart, frac] = s.split(sep);
  if (frac === '' || frac === undefined) return undefined;
  const asDecimal = Number((intPart || '0') + '.' + frac);
  if (sep === '.') return asDecimal; // a single dot is a decimal point in both languages
  // a single comma
  if (hadSpaces || frac.length !== 3 || intPart === '' || intPart === '0' || intPart.length > 3) return asDecimal;
  const asGroup = Number(intPart + frac);
  if (locale === 'en') return asGroup;
  if (locale === 'ru') return asDecimal;
  return [asGroup, asDecimal];
}

function count(s: string, ch: string): number {
  let c = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) c++;
  return c;
}

/**
 * Infer a column's number locale from its text cells: a comma decimal (`12,5`, `1 234,56`)
 * votes Russian, a comma group with a dot decimal (`1,234.56`) or several comma groups votes
 * English. Returns undefined when the column gives no evidence either way.
 */
export function inferNumberLocale(values: Iterable<CellValue>, limit = 5000): NumberLocale | undefined {
  let ru = 0;
  let en = 0;
  let seen = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    if (++seen > limit) break;
    const s = v.replace(SPACES, ' ').trim();
    if (/\d,\d{1,2}(?!\d)/.test(s) || /\d,\d{4,}/.test(s) || /\d \d{3},\d/.test(s) || /руб|₽/i.test(s)) ru++;
    else if (/\d,\d{3}\.\d/.test(s) || /\d,\d{3},\d{3}/.test(s) || /\d\.\d{1,2}(?!\d)/.test(s) || /\$/.test(s)) en++;
  }
  if (ru > en) return 'ru';
  if (en > ru) return 'en';
  return undefined;
}
