import { inferNumberLocale, parseMoney } from '../../src/core/parseMoney';

const num = (value: number) => ({ kind: 'number', value });

describe('parseMoney: numbers as typed', () => {
  it.each([
    ['1 234 567,89 ₽', 'ordinary space'],
    ['1\u00a0234\u00a0567,89 ₽', 'non-breaking space U+00A0'],
    ['1\u202f234\u202f567,89 ₽', 'narrow no-break space U+202F'],
    ['1\u2009234\u2009567,89 ₽', 'thin space U+2009'],
    ['1\u00a0234\u00a0567,89\u00a0₽', 'non-breaking space before ₽ too'],
  ])('%p (%s) → 1234567.89', (s) => {
    const r = parseMoney(s);
    expect(r.kind).toBe('number');
    if (r.kind === 'number') expect(r.value).toBeCloseTo(1234567.89, 6);
  });

  it.each<[string, number]>([
    ['1,234,567.89', 1234567.89],
    ['12 345 руб.', 12345],
    ['12 345 руб', 12345],
    ['12 345 рублей', 12345],
    ['12 345 р.', 12345],
    ['$1,200', 1200],
    ['-$1,200', -1200],
    ['$-1,200', -1200],
    ['US$ 1,200', 1200],
    ['1,200 USD', 1200],
    ['£1,200', 1200],
    ['$1,200.50', 1200.5],
    ['(1 234)', -1234],
    ['(1 234,50 ₽)', -1234.5],
    ['−5', -5],
    ['\u2212 1 234,5 руб.', -1234.5],
    ['-5', -5],
    ['+7', 7],
    ['5-', -5],
    ['0,5', 0.5],
    ['0.5', 0.5],
    [',5', 0.5],
    ['.5', 0.5],
    ['1.234.567', 1234567],
    ['1 234 567', 1234567],
    ["1'234'567", 1234567],
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['12 345,6', 12345.6],
    ['1 234,567', 1234.567],
    ['1.234', 1.234],
    ['0,123', 0.123],
    ['1,2345', 1.2345],
    ['12345,678', 12345.678],
    ['100 €', 100],
    ['EUR 100', 100],
    ['  42  ', 42],
  ])('%p → %p', (s, v) => {
    const r = parseMoney(s);
    expect(r.kind).toBe('number');
    if (r.kind === 'number') expect(r.value).toBeCloseTo(v, 9);
  });

  it.each<[string, number]>([
    ['12,5%', 0.125],
    ['12.5%', 0.125],
    ['100%', 1],
    ['-3%', -0.03],
    ['0,5 %', 0.005],
  ])('percent %p → %p', (s, v) => {
    const r = parseMoney(s);
    expect(r.kind).toBe('number');
    if (r.kind === 'number') expect(r.value).toBeCloseTo(v, 12);
  });

  it('passes finite Excel numbers through unchanged', () => {
    expect(parseMoney(1234.5)).toEqual(num(1234.5));
    expect(parseMoney(-0.01)).toEqual(num(-0.01));
    expect(parseMoney(0)).toEqual(num(0));
  });

  it.each([[NaN], [Infinity], [-Infinity]])('%p → #NUM! error', (v) => {
    expect(parseMoney(v)).toEqual({ kind: 'error', code: '#NUM!' });
  });
});

describe('parseMoney: 1,234 is ambiguous unless a locale decides', () => {
  it('reports both readings without a locale', () => {
    expect(parseMoney('1,234')).toEqual({ kind: 'ambiguous', text: '1,234', candidates: [1234, 1.234] });
  });

  it('keeps the sign in both candidates', () => {
    expect(parseMoney('-1,234')).toEqual({ kind: 'ambiguous', text: '-1,234', candidates: [-1234, -1.234] });
  });

  it('resolves with en → 1234 and ru → 1.234', () => {
    expect(parseMoney('1,234', 'en')).toEqual(num(1234));
    expect(parseMoney('1,234', 'ru')).toEqual(num(1.234));
  });

  it('is not ambiguous when the comma cannot be a thousands separator', () => {
    expect(parseMoney('0,123')).toEqual(num(0.123)); // 0 is never grouped
    expect(parseMoney('1234,567')).toEqual(num(1234.567)); // 4 digits before
    expect(parseMoney('1,23')).toEqual(num(1.23));
    expect(parseMoney('1 234,567')).toEqual(num(1234.567)); // space groups → comma is decimal
  });

  it('a locale does not change unambiguous numbers', () => {
    for (const loc of ['en', 'ru'] as const) {
      expect(parseMoney('1 234 567,89 ₽', loc)).toEqual(num(1234567.89));
      expect(parseMoney('1,234,567.89', loc)).toEqual(num(1234567.89));
      expect(parseMoney('0,5', loc)).toEqual(num(0.5));
    }
  });

  it('an explicit locale wins over the currency hint', () => {
    expect(parseMoney('$1,200', 'ru')).toEqual(num(1.2));
  });
});

describe('parseMoney: not numbers', () => {
  it.each([['#N/A'], ['#VALUE!'], ['#DIV/0!'], ['#REF!'], ['#n/a']])('%p → error kind with the code', (v) => {
    const r = parseMoney(v);
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.code).toBe(v.trim().toUpperCase());
  });

  it.each([[null], [undefined], [''], ['   '], ['\u00a0\u202f']])('%p → blank', (v) => {
    expect(parseMoney(v)).toEqual({ kind: 'blank' });
  });

  it('booleans are text, not 1/0', () => {
    expect(parseMoney(true)).toEqual({ kind: 'text', text: 'TRUE' });
    expect(parseMoney(false)).toEqual({ kind: 'text', text: 'FALSE' });
  });

  it('a date is text for a money column', () => {
    expect(parseMoney(new Date(Date.UTC(2025, 0, 2)))).toEqual({ kind: 'text', text: '2025-01-02' });
  });

  it.each([['abc'], ['12abc'], ['1 23'], ['12 3456'], ['1,234,56'], ['1.2.3'], ['1,234.5.6'], ['1e5'], ['-'], ['—'], ['₽'], ['12-34'], ['1..2'], ['1.'], ['1,']])(
    '%p → text (kept as typed)',
    (v) => {
      expect(parseMoney(v)).toEqual({ kind: 'text', text: v });
    },
  );
});

describe('inferNumberLocale', () => {
  it('votes Russian for comma decimals, space groups and roubles', () => {
    expect(inferNumberLocale(['1 234,50', '12,5', '100', null, 7])).toBe('ru');
    expect(inferNumberLocale(['500 руб.', '1 000'])).toBe('ru');
    expect(inferNumberLocale(['1\u00a0234\u00a0567,89 ₽'])).toBe('ru');
  });

  it('votes English for comma groups with dot decimals, several comma groups, dot decimals or $', () => {
    expect(inferNumberLocale(['1,234.56', '100'])).toBe('en');
    expect(inferNumberLocale(['1,234,567'])).toBe('en');
    expect(inferNumberLocale(['12.50'])).toBe('en');
    expect(inferNumberLocale(['$100'])).toBe('en');
  });

  it('gives undefined without evidence or with a tie', () => {
    expect(inferNumberLocale([])).toBeUndefined();
    expect(inferNumberLocale([1, 2, 3])).toBeUndefined();
    expect(inferNumberLocale(['100', '1,234'])).toBeUndefined();
    expect(inferNumberLocale(['12,5', '12.5'])).toBeUndefined();
  });

  it('follows the majority', () => {
    expect(inferNumberLocale(['12,5', '1,5', '2.5'])).toBe('ru');
    expect(inferNumberLocale(['12.5', '1.5', '2,5'])).toBe('en');
  });

  it('stops after `limit` text cells', () => {
    const values = ['1.5', '2.5', '3,5', '4,5', '5,5'];
    expect(inferNumberLocale(values, 2)).toBe('en');
    expect(inferNumberLocale(values)).toBe('ru');
  });
});
