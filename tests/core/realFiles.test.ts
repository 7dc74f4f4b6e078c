/**
 * Core behaviour on files from real offices (issue 11): encodings, delimiters, typed dates,
 * subtotal rows, table extent, two-row headers, ambiguous thousands, formulas without results.
 * The command line runs the generated corpus in tests/cli/realFiles.parse.test.ts; here are the
 * edge cases of each rule, in both languages.
 */
import { aggregate } from '../../src/core/aggregate';
import { analyzeGrid } from '../../src/core/analyze';
import { CellValue } from '../../src/core/cells';
import { detectDelimiter, parseCsv } from '../../src/core/csv';
import { decodeText } from '../../src/core/decodeText';
import { isTotalLabel, structuralSubtotals } from '../../src/core/aggregate';
import { MessageError, renderMessage } from '../../src/core/messages';
import { dayToIso, inferDateOrder, parseDate } from '../../src/core/parseDate';
import { detectTable, TableNotFoundError } from '../../src/core/table';
import { encode } from '../corpus/hostileFiles';

type Grid = CellValue[][];

const totals = (grid: Grid, options = {}) => Object.fromEntries(analyzeGrid(grid, { windowMonths: 'all', ...options }).clients.map((c) => [c.name, Math.round(c.total * 100) / 100]));

describe('decodeText', () => {
  const text = 'Клиент;Выручка, руб.\r\nООО «Ёлка»;1 234,50\r\n';
  it.each([
    ['utf-8', 'utf-8', false],
    ['utf-8-bom', 'utf-8', true],
    ['utf-16le', 'utf-16le', true],
    ['utf-16be', 'utf-16be', true],
    ['windows-1251', 'windows-1251', false],
  ] as const)('%s', (enc, encoding, bom) => {
    const d = decodeText(encode(text, enc));
    expect(d).toEqual({ text, encoding, bom });
  });

  it('UTF-16 without a BOM (NULs in every other byte)', () => {
    expect(decodeText(Buffer.from('Client\tRevenue\r\nA\t1\r\n', 'utf16le'))).toEqual({ text: 'Client\tRevenue\r\nA\t1\r\n', encoding: 'utf-16le', bom: false });
  });

  it('Western Windows-1252 (single accented letters) is not taken for Cyrillic', () => {
    const t = 'Client,Revenue\r\nCafé Müller,1200\r\nNestlé,300\r\nSão Paulo Ltda,5\r\n';
    expect(decodeText(encode(t, 'windows-1252'))).toEqual({ text: t, encoding: 'windows-1252', bom: false });
  });

  it('a 1C export in Windows-1251 with all-capital and mixed-case names', () => {
    const t = 'Контрагент;Сумма\r\nООО "ПРОМСТРОЙ";100\r\nИП Щукин Ю.Э.;200\r\n';
    const d = decodeText(encode(t, 'windows-1251'));
    expect(d.encoding).toBe('windows-1251');
    expect(parseCsv(d.text)).toEqual([
      ['Контрагент', 'Сумма'],
      ['ООО "ПРОМСТРОЙ"', '100'],
      ['ИП Щукин Ю.Э.', '200'],
    ]);
  });
});

describe('detectDelimiter: field counts that agree over the lines', () => {
  it('";" with "Выручка, руб." in the header and decimal commas', () => {
    expect(detectDelimiter('Клиент;Выручка, руб.\nА;1 234,50\nБ;2 000,00\n')).toBe(';');
    expect(detectDelimiter('Отчёт о продажах за 2025 г., руб.\nКлиент;Выручка, руб.;Менеджер\nА;271 795,72;Иванов\nБ;1 530 103,90;Петров\n')).toBe(';');
  });
  it('tab (Excel "Unicode text") with commas in names, and "|"', () => {
    expect(detectDelimiter('Client\tRevenue\nAcme, Inc.\t1,200.50\nBolt\t300\n')).toBe('\t');
    expect(detectDelimiter('Client|Revenue|Manager\nA, B|1,5|X\nC|2|Y\n')).toBe('|');
  });
  it("Excel's sep= line names the delimiter and is not a row", () => {
    expect(detectDelimiter('sep=;\nClient,Name;Revenue\n')).toBe(';');
    expect(parseCsv('sep=;\r\nClient;Revenue\r\nA, B;1\r\n')).toEqual([
      ['Client', 'Revenue'],
      ['A, B', '1'],
    ]);
  });
});

describe('parseDate: dates as people type them', () => {
  it.each([
    ['31 декабря 2025 г.', '2025-12-31'],
    ['1 марта 2025 года', '2025-03-01'],
    ['05 сент. 2025', '2025-09-05'],
    ['7 ФЕВРАЛЯ 2024', '2024-02-07'],
    ['31-12-2025', '2025-12-31'],
    ['31 Dec 2025', '2025-12-31'],
    ['Dec 31, 2025', '2025-12-31'],
    ['December 31 2025', '2025-12-31'],
    ['31-Dec-25', '2025-12-31'],
    ['2nd January 2025', '2025-01-02'],
    ['Sept 5, 2025 14:30', '2025-09-05'],
    ['2025/12/31', '2025-12-31'],
    ['2025 Dec 31', '2025-12-31'],
  ])('%s', (text, iso) => {
    const r = parseDate(text);
    expect(r.kind === 'date' ? dayToIso(r.day) : r).toBe(iso);
  });

  it('not dates: impossible days, unknown words, month and year only', () => {
    for (const t of ['31 февраля 2025', '30 Feb 2025', '31 Foo 2025', 'May 2025', 'ООО Ромашка', 'Total 2025']) expect(parseDate(t).kind).toBe('text');
  });

  it('dd-mm-yyyy is ambiguous like dd/mm/yyyy until the column decides', () => {
    expect(parseDate('03-04-2025').kind).toBe('ambiguous');
    expect(inferDateOrder(['03-04-2025', '31-12-2025'])).toBe('dmy');
    const r = parseDate('03-04-2025', 'dmy');
    expect(r.kind === 'date' && dayToIso(r.day)).toBe('2025-04-03');
  });
});

describe('subtotal and total rows', () => {
  it('by wording, in both languages, at the start of the client cell', () => {
    for (const t of ['Итого по менеджеру Иванов', 'Всего по клиентам', 'Итого:', ' ИТОГО', 'Итог', 'Общий итог', 'Total for region North', 'Subtotal', 'Sub-total West', 'Grand total', 'TOTAL', 'Total:', 'Totals', 'Sum'])
      expect([t, isTotalLabel(t)]).toEqual([t, true]);
  });

  it('clients whose names merely start with the same letters stay clients', () => {
    for (const t of ['Total Oil LLC', 'TotalEnergies', 'Sum Systems', 'Summit Ltd', 'Grandview', 'Всеволожский завод', 'Итоговая Компания', 'ООО Итого', 'Subtle Ltd', 'Gtotal'])
      expect([t, isTotalLabel(t)]).toEqual([t, false]);
  });

  it('by structure: group subtotals named after the manager, and the grand total', () => {
    const grid: Grid = [
      ['Клиент', 'Выручка'],
      ['ООО Альфа', 100],
      ['ООО Бета', 250.5],
      ['Иванов И.И.', 350.5],
      ['ООО Гамма', 40],
      ['ООО Дельта', 60],
      ['ООО Эпсилон', 7],
      ['Петров П.П.', 107],
      ['Все клиенты', 457.5],
    ];
    expect(totals(grid)).toEqual({ 'ООО Альфа': 100, 'ООО Бета': 250.5, 'ООО Гамма': 40, 'ООО Дельта': 60, 'ООО Эпсилон': 7 });
    const agg = aggregate(grid, detectTable(grid));
    expect(agg.issues.map((i) => [i.address, renderMessage(i, 'ru')])).toEqual([
      ['A4', 'промежуточный итог (равен сумме 2 строк над ним), пропущен'],
      ['A8', 'промежуточный итог (равен сумме 3 строк над ним), пропущен'],
      ['A9', 'промежуточный итог (равен сумме 5 строк над ним), пропущен'],
    ]);
  });

  it('one coincidence is not a pattern: a client equal to the two above stays a client', () => {
    const grid: Grid = [
      ['Client', 'Revenue'],
      ['Acme', 100],
      ['Bolt', 200],
      ['Crest', 300],
      ['Delta', 50],
    ];
    expect(totals(grid)).toEqual({ Acme: 100, Bolt: 200, Crest: 300, Delta: 50 });
    const three: Grid = grid.slice(0, 4);
    expect(totals(three)).toEqual({ Acme: 100, Bolt: 200, Crest: 300 });
  });

  it('a lone grand total at the bottom summing three or more rows is left out', () => {
    const grid: Grid = [
      ['Client', 'Revenue'],
      ['Acme', '1,200.00'],
      ['Bolt', '300.50'],
      ['Crest', '99.50'],
      ['All clients', '1,600.00'],
    ];
    expect(totals(grid)).toEqual({ Acme: 1200, Bolt: 300.5, Crest: 99.5 });
  });

  it('structuralSubtotals is one pass and ignores zero amounts', () => {
    // 5 = 0+0+0+0+5 is no subtotal: zeros are not rows summed
    const amounts = [0, 0, 0, 0, 5, 5, 0, 7, 17];
    expect([...structuralSubtotals(0, amounts.length, (r) => amounts[r], () => false)]).toEqual([[8, 3]]);
    expect([...structuralSubtotals(0, 7, (r) => amounts[r], () => false)]).toEqual([]);
  });

  it('worded totals inside a log are left out, a client named "Total Oil LLC" is kept', () => {
    const grid: Grid = [
      ['Date', 'Invoice', 'Client', 'Amount'],
      ['2025-12-01', 'A1', 'Total Oil LLC', 500],
      ['2025-12-02', 'A2', 'Acme', 100],
      ['2025-12-02', '', 'Total for December', 600],
    ];
    expect(totals(grid)).toEqual({ 'Total Oil LLC': 500, Acme: 100 });
  });
});

describe('table extent: a second table below the first', () => {
  const first: Grid = [
    ['Клиент', 'Выручка'],
    ['ООО Альфа', 100],
    ['ООО Бета', 200],
  ];
  const second: Grid = [
    ['Клиент', 'Выручка'],
    ['ООО Альфа', 999],
    ['ООО Старый', 50],
  ];
  it('a blank row, a title and a header end it', () => {
    const grid = [...first, [], ['Прошлый год'], ...second];
    const t = detectTable(grid);
    expect(t.endRow).toBe(3);
    expect(t.notes.map((n) => renderMessage(n, 'en'))).toContain('The table ends at the blank row 4; rows 5–8 below it (another table) were not read.');
    expect(totals(grid)).toEqual({ 'ООО Альфа': 100, 'ООО Бета': 200 });
  });
  it('a header straight under the data ends it', () => {
    const grid = [...first, ...second];
    const t = detectTable(grid);
    expect(t.endRow).toBe(3);
    expect(t.notes.map((n) => renderMessage(n, 'ru'))).toContain('Таблица заканчивается над второй строкой заголовков (строка 4); строки 4–6 (другая таблица) не прочитаны.');
  });
  it('a blank row inside the data followed by more data does not end it', () => {
    const grid = [...first, [], ['ООО Гамма', 300], [null, null], ['ООО Дельта', 1]];
    const t = detectTable(grid);
    expect(t.endRow).toBe(7);
    expect(t.notes).toEqual([]);
    expect(totals(grid)).toEqual({ 'ООО Альфа': 100, 'ООО Бета': 200, 'ООО Гамма': 300, 'ООО Дельта': 1 });
  });
});

describe('two-row headers', () => {
  it('a group title above "Январь | Февраль | Март": every month counted, the year from the title', () => {
    const grid: Grid = [
      ['Клиент', 'Выручка 2025', '', ''],
      ['', 'Январь', 'Февраль', 'Март'],
      ['ООО Альфа', 10, 20, 30],
      ['ООО Бета', '1 000,50', 0, 5],
    ];
    const t = detectTable(grid);
    expect([t.shape, t.firstDataRow, t.monthColumns.map((m) => m.month)]).toEqual(['monthly', 2, [2025 * 12, 2025 * 12 + 1, 2025 * 12 + 2]]);
    expect(totals(grid)).toEqual({ 'ООО Альфа': 60, 'ООО Бета': 1005.5 });
  });
  it('months crossing a year under one title', () => {
    const grid: Grid = [
      ['Client', 'Sales 2024/25', '', ''],
      ['Client', 'Nov', 'Dec', 'Jan'],
      ['Acme', 1, 2, 4],
    ];
    const t = detectTable(grid);
    expect(t.monthColumns.map((m) => m.month)).toEqual([2024 * 12 + 10, 2024 * 12 + 11, 2025 * 12]);
    expect(totals(grid)).toEqual({ Acme: 7 });
  });
  it('months without a year under "Клиент" with the year in a title above', () => {
    const grid: Grid = [['Продажи за 2025 год'], ['Клиент', 'Январь', 'Февраль'], ['ООО Альфа', 1, 2]];
    expect(totals(grid)).toEqual({ 'ООО Альфа': 3 });
  });
  it('months without any year are refused, naming the column', () => {
    const grid: Grid = [
      ['Клиент', 'Выручка по месяцам', ''],
      ['', 'Январь', 'Февраль'],
      ['ООО Альфа', 1, 2],
    ];
    expect(() => detectTable(grid)).toThrow(TableNotFoundError);
    expect(() => detectTable(grid)).toThrow(/Column B in header row 2 is a month without a year \("Январь"\)/);
  });
  it('a data row of numbers under the header is not a second header row', () => {
    const grid: Grid = [
      ['Client', 'Revenue', 'Last year'],
      ['Acme', 45000, 45100],
      ['Bolt', 46000, 46100],
    ];
    const t = detectTable(grid);
    expect([t.shape, t.firstDataRow]).toEqual(['clients', 1]);
  });
});

describe('"1,234" that nothing decides', () => {
  const grid: Grid = [
    ['Client', 'Revenue'],
    ['Acme', '1,234'],
    ['Bolt', '12,500'],
    ['Crest', '900'],
  ];
  it('most amounts ambiguous: refused, naming the column and the way out', () => {
    let err: unknown;
    try {
      analyzeGrid(grid);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MessageError);
    expect((err as MessageError).messages.en).toMatch(/^Column B \("Revenue"\): 2 amounts such as "1,234" read as 1234 \(English format\) or 1\.234 \(Russian format\)/);
    expect((err as MessageError).messages.ru).toMatch(/--number-locale ru или --number-locale en/);
  });
  it('the locale given decides', () => {
    expect(totals(grid, { numberLocale: 'en' })).toEqual({ Acme: 1234, Bolt: 12500, Crest: 900 });
    expect(totals(grid, { numberLocale: 'ru' })).toEqual({ Acme: 1.23, Bolt: 12.5, Crest: 900 });
  });
  it('a column that decides itself needs no choice', () => {
    expect(totals([...grid, ['Delta', '1,234.50']])).toEqual({ Acme: 1234, Bolt: 12500, Crest: 900, Delta: 1234.5 });
  });
});

describe('no amount read at all', () => {
  it('is refused rather than a zero total', () => {
    const grid: Grid = [
      ['Клиент', 'Сумма'],
      ['ООО Альфа', 'н/д'],
      ['ООО Бета', '#Н/Д'],
      ['ООО Гамма', null],
    ];
    expect(() => analyzeGrid(grid)).toThrow(/^Column B \("Сумма"\): none of its 2 amounts is a number/);
  });
});

describe('formulas without saved results', () => {
  const grid: Grid = [
    ['Клиент', 'Выручка'],
    ['ООО Альфа', null],
    ['ООО Бета', null],
  ];
  it('in the amount column: refused with how to fix it', () => {
    const cells = [
      { row: 1, col: 1 },
      { row: 2, col: 1 },
    ];
    expect(() => analyzeGrid(grid, { formulasWithoutValue: cells })).toThrow(/Column B \("Выручка"\): 2 cells \(first B2\) hold formulas without saved results.*Open it in Excel/);
  });
  it('outside the columns read (a comment column, the header): no matter', () => {
    const g: Grid = [
      ['Клиент', 'Выручка', 'Комментарий'],
      ['ООО Альфа', 5, null],
    ];
    expect(totals(g, { formulasWithoutValue: [{ row: 1, col: 2 }] })).toEqual({ 'ООО Альфа': 5 });
  });
});
