import {
  columnIndex,
  columnLetters,
  entryFor,
  formatAddress,
  formatText,
  RU_SEPARATORS,
  parseRef,
  quoteSheetName,
  CellError,
  WorkbookModel,
  dateFromSerial,
  serialFromDate,
} from '../../src/workbench/standin';
import { charsToPoints, pointsToChars } from '../../src/workbench/standin/xlsxModel';

describe('A1 addresses', () => {
  it.each([
    ['A1', { r0: 0, c0: 0, r1: 0, c1: 0 }],
    ['$B$2:c10', { r0: 1, c0: 1, r1: 9, c1: 2 }],
    ['C10:B2', { r0: 1, c0: 1, r1: 9, c1: 2 }],
    ['A:C', { r0: 0, c0: 0, r1: 1048575, c1: 2 }],
    ['3:5', { r0: 2, c0: 0, r1: 4, c1: 16383 }],
    ['XFD1048576', { r0: 1048575, c0: 16383, r1: 1048575, c1: 16383 }],
  ])('parses %s', (ref, rect) => expect(parseRef(ref)).toEqual(rect));

  it.each(['', 'A0', 'XFE1', 'A1048577', 'A1:B', 'A1,B2', 'Sheet1', '1A'])('rejects %p', (ref) => expect(parseRef(ref)).toBeNull());

  it('converts column letters both ways', () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(['A', 'z', 'AA', 'XFD', 'XFE', 'A1'].map(columnIndex)).toEqual([0, 25, 26, 16383, -1, -1]);
  });

  it('quotes sheet names as Excel prints them', () => {
    expect(['Clients', 'Клиенты', 'Tier history', "O'Brien", '2024', 'A1', 'R1C1', 'Sales_2024'].map(quoteSheetName)).toEqual([
      'Clients',
      'Клиенты',
      "'Tier history'",
      "'O''Brien'",
      "'2024'",
      "'A1'",
      "'R1C1'",
      'Sales_2024',
    ]);
    expect(formatAddress('Tier history', { r0: 0, c0: 0, r1: 9, c1: 2 })).toBe("'Tier history'!A1:C10");
  });
});

describe('entry rules (what typing a value does)', () => {
  it.each([
    ['=SUM(A1:A3)', 'General', { kind: 'formula', formula: '=SUM(A1:A3)' }],
    ['=SUM(A1:A3)', '@', { kind: 'value', value: '=SUM(A1:A3)' }],
    ['+7', 'General', { kind: 'value', value: 7 }],
    ['-1e3', 'General', { kind: 'value', value: -1000 }],
    ['+7 999 123-45-67', 'General', { kind: 'formula', formula: '=+7 999 123-45-67' }],
    ['-', 'General', { kind: 'value', value: '-' }],
    ['true', 'General', { kind: 'value', value: true }],
    ['#N/A', 'General', { kind: 'value', value: new CellError('#N/A') }],
    ['', '@', { kind: 'clear' }],
    [null, 'General', { kind: 'skip' }],
    [Number.NaN, 'General', { kind: 'skip' }],
    ['ООО «Ромашка»', 'General', { kind: 'value', value: 'ООО «Ромашка»' }],
  ])('%p in a %p cell', (input, format, entry) => expect(entryFor(input, format)).toEqual(entry));

  it('refuses objects and over-long text', () => {
    expect(() => entryFor({}, 'General')).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => entryFor('x'.repeat(32768), 'General')).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });
});

describe('displayed text', () => {
  it.each([
    [1234.5, 'General', '1234.5'],
    [0.1 + 0.2, 'General', '0.3'],
    [10667961, '#,##0.00 "₽"', '10,667,961.00 ₽'],
    [48182, '#,##0.00 [$$-409]', '48,182.00 $'],
    [-5, '0.00;(0.00)', '(5.00)'],
    [0.125, '0.0%', '12.5%'],
    [45965, 'dd.mm.yyyy', '04.11.2025'],
    [45965, 'yyyy-mm-dd', '2025-11-04'],
    [45965.5, 'hh:mm', '12:00'],
    [42, '@', '42'],
    [true, 'General', 'TRUE'],
    [new CellError('#DIV/0!'), 'General', '#DIV/0!'],
  ])('%p in %p → %p', (value, format, text) => expect(formatText(value, format)).toBe(text));

  it.each([
    [10667961, '#,##0.00 "₽"', '10\u00a0667\u00a0961,00 ₽'],
    [48182, '#,##0.00 [$$-409]', '48\u00a0182,00 $'],
    [1234.5, 'General', '1234,5'],
    [0.125, '0.0%', '12,5%'],
    [-5, '0.00;(0.00)', '(5,00)'],
    [45965, 'dd.mm.yyyy', '04.11.2025'],
    [999, '#,##0', '999'],
  ])('%p in %p → %p with Russian separators', (value, format, text) => expect(formatText(value, format, RU_SEPARATORS)).toBe(text));

  it('converts serials and dates', () => {
    expect(serialFromDate(new Date(Date.UTC(2025, 10, 4)))).toBe(45965);
    expect(dateFromSerial(45965).toISOString()).toBe('2025-11-04T00:00:00.000Z');
  });
});

describe('the model', () => {
  it('stores cells compactly and reports the used range', () => {
    const m = new WorkbookModel();
    const s = m.addSheet('Data');
    expect(s.usedRange()).toBeNull();
    s.setValue(500000, 3, 'far');
    s.setNumberFormat(10, 7, '0.00');
    expect(s.usedRange(true)).toEqual({ r0: 500000, c0: 3, r1: 500000, c1: 3 });
    expect(s.usedRange(false)).toEqual({ r0: 10, c0: 3, r1: 500000, c1: 7 });
    s.clearContents({ r0: 0, c0: 0, r1: 1048575, c1: 16383 });
    expect(s.usedRange(true)).toBeNull();
    expect(() => m.addSheet('data')).toThrow(/already exists/);
    expect(() => m.addSheet('bad[name]')).toThrow(/Bad sheet name/);
  });

  it('converts column widths between characters and points', () => {
    expect(charsToPoints(8.43)).toBe(48);
    expect(pointsToChars(48)).toBeCloseTo(8.43, 1);
  });
});
