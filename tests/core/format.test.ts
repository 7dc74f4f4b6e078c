import { formatAmount, formatDay, formatPercent, langFromLocale, ruPlural } from '../../src/core/format';
import { isoToDay } from '../../src/core/parseDate';
import { parseMoney } from '../../src/core/parseMoney';

const NB = '\u00a0';

describe('formatAmount', () => {
  it.each<[number, string, string]>([
    [1234567.891, '1,234,568', `1${NB}234${NB}568`],
    [1234567, '1,234,567', `1${NB}234${NB}567`],
    [1000, '1,000', `1${NB}000`],
    [999.999, '1,000', `1${NB}000`],
    [999.5, '999.5', '999,5'],
    [12.5, '12.5', '12,5'],
    [12.345, '12.35', '12,35'],
    [12, '12', '12'],
    [0.5, '0.5', '0,5'],
    [0, '0', '0'],
    [0.004, '0', '0'],
    [-1234.4, '−1,234', `−1${NB}234`],
    [-12.5, '−12.5', '−12,5'],
    [-0.004, '0', '0'], // no "−0"
  ])('%p → en %p, ru %p', (x, en, ru) => {
    expect(formatAmount(x, 'en')).toBe(en);
    expect(formatAmount(x, 'ru')).toBe(ru);
  });

  it('explicit decimals keep trailing zeros', () => {
    expect(formatAmount(1234.5, 'en', 2)).toBe('1,234.50');
    expect(formatAmount(1234.5, 'ru', 2)).toBe(`1${NB}234,50`);
    expect(formatAmount(12, 'en', 2)).toBe('12.00');
    expect(formatAmount(12.345, 'en', 0)).toBe('12');
  });

  it('uses the true minus sign and U+00A0 groups (never a plain space) in Russian', () => {
    const s = formatAmount(-9876543.21, 'ru');
    expect(s).toBe(`−9${NB}876${NB}543`);
    expect(s).not.toMatch(/ /);
    expect(s.startsWith('\u2212')).toBe(true);
  });

  it('non-finite values', () => {
    expect(formatAmount(Infinity, 'en')).toBe('∞');
    expect(formatAmount(-Infinity, 'ru')).toBe('−∞');
    expect(formatAmount(NaN, 'en')).toBe('—');
  });

  it('what it writes, parseMoney reads back', () => {
    for (const x of [0, 0.5, 12.25, 999.99, 1000, 123456, 1234567, -1234567, -0.75])
      for (const lang of ['en', 'ru'] as const) {
        const r = parseMoney(formatAmount(x, lang), lang);
        expect(r).toEqual({ kind: 'number', value: Math.abs(x) >= 1000 ? Math.round(x) : x });
      }
  });
});

describe('formatPercent', () => {
  it('en and ru', () => {
    expect(formatPercent(0.4567, 'en')).toBe('45.7%');
    expect(formatPercent(0.4567, 'ru')).toBe(`45,7${NB}%`);
    expect(formatPercent(1, 'en', 0)).toBe('100%');
    expect(formatPercent(0.12345, 'en', 2)).toBe('12.35%');
    expect(formatPercent(0, 'ru', 0)).toBe(`0${NB}%`);
    expect(formatPercent(NaN, 'en')).toBe('—');
  });
});

describe('formatDay', () => {
  it('ru is dd.mm.yyyy, en is d Mon yyyy', () => {
    expect(formatDay(isoToDay('2025-12-31')!, 'ru')).toBe('31.12.2025');
    expect(formatDay(isoToDay('2025-12-31')!, 'en')).toBe('31 Dec 2025');
    expect(formatDay(isoToDay('2025-01-05')!, 'ru')).toBe('05.01.2025');
    expect(formatDay(isoToDay('2025-01-05')!, 'en')).toBe('5 Jan 2025');
    expect(formatDay(isoToDay('2024-02-29')!, 'en')).toBe('29 Feb 2024');
  });
});

describe('ruPlural', () => {
  const m: [string, string, string] = ['месяц', 'месяца', 'месяцев'];
  it.each<[number, string]>([
    [0, 'месяцев'],
    [1, 'месяц'],
    [2, 'месяца'],
    [3, 'месяца'],
    [4, 'месяца'],
    [5, 'месяцев'],
    [11, 'месяцев'],
    [12, 'месяцев'],
    [14, 'месяцев'],
    [21, 'месяц'],
    [22, 'месяца'],
    [25, 'месяцев'],
    [101, 'месяц'],
    [111, 'месяцев'],
    [112, 'месяцев'],
    [121, 'месяц'],
  ])('%i %s', (n, form) => {
    expect(ruPlural(n, m)).toBe(form);
  });
});

describe('langFromLocale', () => {
  it.each([
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['RU-ru', 'ru'],
    ['be-BY', 'ru'],
    ['kk-KZ', 'ru'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
    ['rus', 'en'],
  ])('%p → %s', (tag, lang) => {
    expect(langFromLocale(tag)).toBe(lang);
  });
});
