import { cellAddress, columnIndex, columnLetter, EXCEL_ERRORS, excelErrorCode, isBlank, isExcelError, RU_EXCEL_ERRORS, showCell } from '../../src/core/cells';
import { parseDate } from '../../src/core/parseDate';
import { parseMoney } from '../../src/core/parseMoney';

describe('isExcelError', () => {
  it.each(['#N/A', '#VALUE!', '#DIV/0!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#BUSY!', ' #n/a '.trim(), '#n/a'])('recognises %s', (v) => {
    expect(isExcelError(v)).toBe(true);
  });

  it('knows every listed error', () => {
    for (const e of EXCEL_ERRORS) expect(isExcelError(e)).toBe(true);
  });

  it.each([['#'], ['#1'], ['#hashtag'], ['N/A'], ['VALUE!'], [''], [null], [undefined], [42], [true], [new Date(0)], ['#Н'], ['#итого']])('rejects %p', (v) => {
    expect(isExcelError(v)).toBe(false);
  });

  it('recognises the errors as Russian Excel writes them and reads them as the invariant code', () => {
    expect(Object.keys(RU_EXCEL_ERRORS).every((e) => isExcelError(e))).toBe(true);
    expect(isExcelError('#Н/Д')).toBe(true);
    expect(isExcelError('#знач!')).toBe(true);
    expect(excelErrorCode('#Н/Д')).toBe('#N/A');
    expect(excelErrorCode('#дел/0! ')).toBe('#DIV/0!');
    expect(excelErrorCode('#value!')).toBe('#VALUE!');
    expect(parseMoney('#Н/Д')).toEqual({ kind: 'error', code: '#N/A' });
    expect(parseMoney('#ЗНАЧ!')).toEqual({ kind: 'error', code: '#VALUE!' });
    expect(parseDate('#ССЫЛКА!')).toEqual({ kind: 'error', code: '#REF!' });
  });
});

describe('isBlank', () => {
  it.each([[null], [undefined], [''], ['   '], ['\u00a0'], ['\u202f\u2009 \t\n']])('%p is blank', (v) => {
    expect(isBlank(v)).toBe(true);
  });
  it.each([[0], [false], ['0'], [' x '], [new Date(0)], ['-']])('%p is not blank', (v) => {
    expect(isBlank(v)).toBe(false);
  });
});

describe('column letters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('%i ↔ %s', (i, s) => {
    expect(columnLetter(i)).toBe(s);
    expect(columnIndex(s)).toBe(i);
    expect(columnIndex(s.toLowerCase())).toBe(i);
  });

  it('round-trips every Excel column', () => {
    for (let i = 0; i < 16384; i++) expect(columnIndex(columnLetter(i))).toBe(i);
  });

  it.each([['XFE'], ['ZZZ'], ['A1'], [''], ['ABCD'], ['Ы']])('columnIndex(%p) is undefined', (s) => {
    expect(columnIndex(s)).toBeUndefined();
  });

  it('cellAddress is A1 style', () => {
    expect(cellAddress(0, 0)).toBe('A1');
    expect(cellAddress(6, 2)).toBe('C7');
    expect(cellAddress(99, 27)).toBe('AB100');
  });
});

describe('showCell', () => {
  it('renders cells for messages', () => {
    expect(showCell(null)).toBe('(empty)');
    expect(showCell(undefined)).toBe('(empty)');
    expect(showCell('')).toBe('(empty)');
    expect(showCell('abc')).toBe('"abc"');
    expect(showCell(12.5)).toBe('12.5');
    expect(showCell(false)).toBe('false');
    expect(showCell(new Date(Date.UTC(2025, 11, 31)))).toBe('2025-12-31');
  });

  it('shortens long text to 60 characters with an ellipsis', () => {
    const s = showCell('x'.repeat(100));
    expect(s).toBe(JSON.stringify('x'.repeat(57) + '…'));
  });
});
