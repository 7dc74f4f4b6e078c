import { dayParts } from './parseDate';

/** The two languages of every text a user sees. */
export type Lang = 'en' | 'ru';

/** Pick the language from an Office/BCP-47 tag: ru, ru-RU, be, kk, ky, uz, tg → ru; anything else en. */
export function langFromLocale(tag: string | undefined | null): Lang {
  const t = (tag ?? '').toLowerCase();
  return /^(ru|be|kk|ky|uz|tg)\b/.test(t) ? 'ru' : 'en';
}

/**
 * Money and counts for messages, deterministic on every machine (no Intl):
 * English `1,234,567.89`, Russian `1 234 567,89` (non-breaking space groups). Amounts of 1,000
 * and above are shown in whole units; smaller ones keep up to two decimals.
 *
 * @example formatAmount(1234567.891, 'ru') // '1 234 568'
 */
export function formatAmount(x: number, lang: Lang, decimals?: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : '—';
  const d = decimals ?? (Math.abs(x) >= 1000 ? 0 : 2);
  const neg = x < 0;
  const fixed = Math.abs(x).toFixed(d);
  let [int, frac] = fixed.split('.');
  if (frac && decimals === undefined) frac = frac.replace(/0+$/, '');
  const group = lang === 'ru' ? '\u00a0' : ',';
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const s = frac ? `${int}${lang === 'ru' ? ',' : '.'}${frac}` : int;
  return neg && s !== '0' ? `−${s}` : s;
}

/** A share as a percentage: 0.4567 → `45.7%` / `45,7 %`. */
export function formatPercent(share: number, lang: Lang, decimals = 1): string {
  if (!Number.isFinite(share)) return '—';
  const s = (share * 100).toFixed(decimals);
  return lang === 'ru' ? `${s.replace('.', ',')}\u00a0%` : `${s}%`;
}

/** A day number as `31.12.2025` (ru) or `31 Dec 2025` (en). */
export function formatDay(day: number, lang: Lang): string {
  const p = dayParts(day);
  if (lang === 'ru') return `${String(p.day).padStart(2, '0')}.${String(p.month).padStart(2, '0')}.${p.year}`;
  const m = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][p.month - 1];
  return `${p.day} ${m} ${p.year}`;
}

/** Russian plural form: plural(5, ['месяц','месяца','месяцев']) → 'месяцев'. */
export function ruPlural(n: number, forms: [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b > 1 && b < 5) return forms[1];
  if (b === 1) return forms[0];
  return forms[2];
}
