import { monthFromHeader } from '../../src/core/monthHeader';

const ym = (y: number, m: number) => y * 12 + m - 1;

describe('monthFromHeader', () => {
  it.each([
    ['2025-01', ym(2025, 1)],
    ['2025-02', ym(2025, 2)],
    ['2025.12', ym(2025, 12)],
    ['2025/3', ym(2025, 3)],
    ['01.2025', ym(2025, 1)],
    ['12-2024', ym(2024, 12)],
    ['Jan 2025', ym(2025, 1)],
    ['January 2025', ym(2025, 1)],
    ['Sept 2025', ym(2025, 9)],
    ['dec-24', ym(2024, 12)],
    ["Mar'25", ym(2025, 3)],
    ['Янв 2025', ym(2025, 1)],
    ['янв 2025', ym(2025, 1)],
    ['Январь 2025', ym(2025, 1)],
    ['Февраль 2025 г.', ym(2025, 2)],
    ['май 2025', ym(2025, 5)],
    ['мая 2025', ym(2025, 5)],
    ['янв.25', ym(2025, 1)],
    ['Дек. 2024', ym(2024, 12)],
    ['  Ноябрь 2025  ', ym(2025, 11)],
  ])('%p → month index', (h, m) => {
    expect(monthFromHeader(h)).toBe(m);
  });

  it('the documented example: Январь 2025 is 24300', () => {
    expect(monthFromHeader('Январь 2025')).toBe(24300);
  });

  it('reads Date header cells (UTC) and date serials between 2000 and 2100', () => {
    expect(monthFromHeader(new Date(Date.UTC(2025, 1, 1)))).toBe(ym(2025, 2));
    expect(monthFromHeader(45658)).toBe(ym(2025, 1)); // 2025-01-01
    expect(monthFromHeader(45689)).toBe(ym(2025, 2)); // 2025-02-01
  });

  it.each([['Клиент'], ['Revenue'], ['2025'], ['13.2025'], ['2025-13'], ['Foo 2025'], [''], [null], [undefined], [true], [12], [45658.5], [100000]])(
    '%p is not a month',
    (h) => {
      expect(monthFromHeader(h)).toBeUndefined();
    },
  );
});

/**
 * Month columns named without a year and with no year anywhere ("Клиент | Янв | … | Июн"):
 * read as the latest such months up to the day given (the pane gives today), with a note; without
 * a day, refused with the message that asks for the year. Then the analysis and XYZ run on them.
 */
describe('month columns without a year', () => {
  const { detectTable, TableNotFoundError } = jest.requireActual<typeof import('../../src/core/table')>('../../src/core/table');
  const { analyzeGrid } = jest.requireActual<typeof import('../../src/core/analyze')>('../../src/core/analyze');
  const { abcXyzMatrix } = jest.requireActual<typeof import('../../src/core/abcXyzMatrix')>('../../src/core/abcXyzMatrix');
  const { dayFromParts } = jest.requireActual<typeof import('../../src/core/parseDate')>('../../src/core/parseDate');
  const today = (y: number, m: number, d: number) => dayFromParts(y, m, d)!;
  const ru = [
    ['Клиент', 'Янв', 'Фев', 'Мар', 'Апр', 'Май', 'Июн'],
    ['ООО «Альфа»', 100, 100, 100, 100, 100, 100],
    ['ООО «Бета»', null, null, 90, 110, 90, 110],
    ['ИП Гамма', 500, null, null, 480, null, null],
  ];
  const en = [['Customer', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'], ...ru.slice(1)];

  it.each([
    ['ru', ru],
    ['en', en],
  ])('%s headers: months of the latest such run up to today, with a note', (_, grid) => {
    const t = detectTable(grid, { today: today(2026, 12, 2) });
    expect(t.shape).toBe('monthly');
    expect(t.monthColumns.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6].map((mo) => ym(2026, mo)));
    expect(t.notes.map((n) => n.code)).toContain('table.monthsYearAssumed');
    // in March 2026, June 2026 is still to come: the run is January–June 2025
    expect(detectTable(grid, { today: today(2026, 3, 15) }).monthColumns[0].month).toBe(ym(2025, 1));
  });

  it('a run across the new year ("Ноя | Дек | Янв | Фев") keeps its order', () => {
    const grid = [['Клиент', 'Ноябрь', 'Декабрь', 'Январь', 'Февраль'], ['А', 1, 2, 3, 4]];
    expect(detectTable(grid, { today: today(2026, 3, 1) }).monthColumns.map((m) => m.month)).toEqual([ym(2025, 11), ym(2025, 12), ym(2026, 1), ym(2026, 2)]);
  });

  it('without a day to go by, the table is refused with the message asking for the year', () => {
    expect(() => detectTable(ru)).toThrow(TableNotFoundError);
    expect(() => detectTable(ru)).toThrow(/month without a year \("Янв"\)/);
  });

  it('a year in a title above still decides (no assumption, no note)', () => {
    const t = detectTable([['Продажи 2024'], ...ru], { today: today(2026, 12, 2) });
    expect(t.monthColumns[0].month).toBe(ym(2024, 1));
    expect(t.notes.map((n) => n.code)).not.toContain('table.monthsYearAssumed');
  });

  it('the analysis reads them; XYZ counts each client from its first month with sales', () => {
    const a = analyzeGrid(ru, { detect: { today: today(2026, 12, 2) }, windowMonths: 'all', periods: true });
    const byName = new Map(a.clients.map((c) => [c.name, c]));
    expect(byName.get('ООО «Бета»')!.firstMonth).toBe(ym(2026, 3));
    const m = abcXyzMatrix(a.clients, a.aggregation.window);
    expect(m.span!.count).toBe(6);
    expect(Array.from(m.clientPeriods)).toEqual(a.clients.map((c) => (c.name === 'ООО «Бета»' ? 4 : 6)));
    // Альфа: steady (X); Бета: 90/110 since March (cv 10 %, X); Гамма: two orders in six months (Z)
    expect(m.cells.A.X.clients + m.cells.B.X.clients + m.cells.C.X.clients).toBe(2);
    expect(m.cells.A.Z.clients + m.cells.B.Z.clients + m.cells.C.Z.clients).toBe(1);
  });
});
