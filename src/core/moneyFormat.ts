import { formatAmount, Lang } from './format';

/**
 * Money as the workbook shows it: the currency and decimals of an Excel number format (the
 * amount column's, e.g. `#,##0.00 [$$-409]` or `#,##0.00 "₽"`), with the digits grouped the way
 * the user's language does (formatAmount). Only the first section of the format (positive
 * numbers) counts; colours, conditions, `_x` spacing and `*x` fills are ignored; `[$SYM-LCID]`,
 * quoted text and `\x` give the symbol. A format with no digits, `General`, a percentage or a
 * date gives no symbol.
 *
 * `compactAmount` shortens large amounts for chart axes and cards: `1.2M`, `1,2 млн`.
 *
 * @example parseMoneyFormat('#,##0.00 [$$-409]') // { prefix: '', suffix: ' $', decimals: 2 }
 * @example parseMoneyFormat('[$€-x-euro2] #,##0') // { prefix: '€ ', suffix: '', decimals: 0 }
 * @example formatMoney(1234567.5, 'ru', parseMoneyFormat('#,##0.00 "₽"')) // '1 234 568 ₽'
 * @example compactAmount(1234567, 'en') // '1.2M'
 */
export interface MoneyFormat {
  prefix: string;
  suffix: string;
  /** Decimals of the format; null when it has no digit placeholders. */
  decimals: number | null;
}

export const PLAIN_MONEY: MoneyFormat = Object.freeze({ prefix: '', suffix: '', decimals: null });

function firstSection(format: string): string {
  let inQuote = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '\\') i++;
    else if (ch === '"') inQuote = !inQuote;
    else if (ch === ';' && !inQuote) return format.slice(0, i);
  }
  return format;
}

export function parseMoneyFormat(format: string | null | undefined): MoneyFormat {
  if (!format || /^general$/i.test(format.trim()) || format.trim() === '@') return { ...PLAIN_MONEY };
  const s = firstSection(format);
  // tokens: literal text, or a digit placeholder run
  const parts: Array<{ kind: 'text' | 'digits'; text: string }> = [];
  const push = (kind: 'text' | 'digits', text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let percent = false;
  let dateLike = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      const end = s.indexOf('"', i + 1);
      push('text', s.slice(i + 1, end < 0 ? s.length : end));
      i = end < 0 ? s.length : end;
    } else if (ch === '\\') {
      push('text', s[i + 1] ?? '');
      i++;
    } else if (ch === '_' || ch === '*') {
      // _x: space as wide as x; *x: fill with x
      if (ch === '_') push('text', ' ');
      i++;
    } else if (ch === '[') {
      const end = s.indexOf(']', i + 1);
      const inner = s.slice(i + 1, end < 0 ? s.length : end);
      if (inner.startsWith('$')) push('text', inner.slice(1).split('-')[0]);
      i = end < 0 ? s.length : end;
    } else if ('0#?,.'.includes(ch)) {
      push('digits', ch);
    } else if (ch === '%') {
      percent = true;
    } else if (/[dmyhsDMYHS]/.test(ch)) {
      dateLike = true;
    } else if (/[eE]/.test(ch) && /[+-]/.test(s[i + 1] ?? '')) {
      push('digits', ch + s[i + 1]);
      i++;
    } else {
      push('text', ch);
    }
  }
  const digitIdx = parts.map((p, i) => (p.kind === 'digits' ? i : -1)).filter((i) => i >= 0);
  if (percent || dateLike || digitIdx.length === 0) return { ...PLAIN_MONEY };
  const first = digitIdx[0];
  const last = digitIdx[digitIdx.length - 1];
  const digits = parts
    .slice(first, last + 1)
    .filter((p) => p.kind === 'digits')
    .map((p) => p.text)
    .join('');
  const dot = digits.indexOf('.');
  const decimals = dot < 0 ? 0 : (digits.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  const tidy = (t: string) => t.replace(/\s+/g, ' ');
  let prefix = tidy(parts.slice(0, first).map((p) => p.text).join('')).trimStart();
  let suffix = tidy(parts.slice(last + 1).map((p) => p.text).join('')).trimEnd();
  // a bare sign or bracket is not a currency
  if (!/[^\s\-+()]/.test(prefix)) prefix = '';
  if (!/[^\s\-+()]/.test(suffix)) suffix = '';
  return { prefix, suffix, decimals };
}

/** An amount with the format's symbol; whole units from 1,000 up (as formatAmount). */
export function formatMoney(x: number, lang: Lang, fmt: MoneyFormat = PLAIN_MONEY, decimals?: number): string {
  return `${fmt.prefix}${formatAmount(x, lang, decimals)}${fmt.suffix}`;
}

const UNITS: Record<Lang, Array<[number, string]>> = {
  en: [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ],
  ru: [
    [1e12, '\u00a0трлн'],
    [1e9, '\u00a0млрд'],
    [1e6, '\u00a0млн'],
    [1e3, '\u00a0тыс.'],
  ],
};

/** A short amount: 1.2M, 45K, 950 (en); 1,2 млн, 45 тыс., 950 (ru). */
export function compactAmount(x: number, lang: Lang, fmt: MoneyFormat = PLAIN_MONEY): string {
  if (!Number.isFinite(x)) return formatAmount(x, lang);
  const a = Math.abs(x);
  for (const [unit, label] of UNITS[lang]) {
    if (a >= unit) {
      const v = x / unit;
      const d = Math.abs(v) >= 100 ? 0 : 1;
      const text = formatAmount(Math.round(v * 10 ** d) / 10 ** d, lang, d).replace(/[.,]0$/, '');
      return `${fmt.prefix}${text}${label}${fmt.suffix}`;
    }
  }
  return formatMoney(x, lang, fmt);
}

/**
 * The currency an Excel number format shows, as a letter writer names it: the symbol or word
 * before or after the digits, trimmed; '' when the format shows none.
 *
 * @example currencySymbol('#,##0.00 "₽"') // '₽'
 * @example currencySymbol('[$$-409]#,##0') // '$'
 * @example currencySymbol('#,##0 "руб."') // 'руб.'
 * @example currencySymbol('0.0%') // ''
 */
export function currencySymbol(format: string | null | undefined): string {
  const f = parseMoneyFormat(format);
  return (f.prefix.trim() || f.suffix.trim()).replace(/\s+/g, ' ');
}
