import { CellValue } from '../../src/core/cells';
import { aggregate, ClientAgg } from '../../src/core/aggregate';
import { dayToIso, dayToSerial, isoToDay } from '../../src/core/parseDate';
import { detectTable } from '../../src/core/table';

type Grid = CellValue[][];
const day = (iso: string) => isoToDay(iso)!;
const serial = (iso: string) => dayToSerial(day(iso));
const byName = (clients: ClientAgg[]) => Object.fromEntries(clients.map((c) => [c.name, c]));
const run = (grid: Grid, options: Parameters<typeof aggregate>[2] = {}) => aggregate(grid, detectTable(grid), options);

describe('aggregate: transaction log window (asOf − N months, asOf]', () => {
  const grid: Grid = [
    ['Дата', 'Клиент', 'Сумма'],
    ['30.06.2025', 'A', 1], // boundary day: 31.12.2025 − 6 months = 30.06.2025 → outside
    ['01.07.2025', 'A', 10], // first day inside
    [serial('2025-12-31'), 'A', 100], // asOf itself → inside
    ['2025-09-15', 'B', 1000],
    ['2025-06-29', 'B', 10000], // outside
  ];

  it('defaults asOf to the latest date and excludes the boundary day', () => {
    const a = run(grid);
    expect(a.window).toEqual({ fromDay: day('2025-06-30'), toDay: day('2025-12-31'), from: '2025-07-01', to: '2025-12-31', months: 6 });
    const c = byName(a.clients);
    expect(c.A.total).toBe(110);
    expect(c.B.total).toBe(1000);
    expect(a.rowsRead).toBe(5);
    expect(a.rowsUsed).toBe(3);
    expect(a.rowsOutsideWindow).toBe(2);
  });

  it('an explicit asOf excludes later rows and includes rows on asOf', () => {
    const a = run(grid, { asOfDay: day('2025-09-15') });
    expect(a.window!.from).toBe('2025-03-16');
    expect(a.window!.to).toBe('2025-09-15');
    const c = byName(a.clients);
    expect(c.A.total).toBe(11);
    expect(c.B.total).toBe(11000);
    expect(a.rowsOutsideWindow).toBe(1);
  });

  it('windowMonths changes the window; month ends clamp (31 Aug − 6 = 28 Feb)', () => {
    const g: Grid = [
      ['Date', 'Client', 'Amount'],
      ['2025-02-28', 'A', 1],
      ['2025-03-01', 'A', 2],
      ['2025-08-31', 'A', 4],
    ];
    const a = run(g, { windowMonths: 6 });
    expect(a.window!.from).toBe('2025-03-01');
    expect(a.clients[0].total).toBe(6);
    const b = run(g, { windowMonths: 1 });
    expect(b.window!.from).toBe('2025-08-01');
    expect(b.clients[0].total).toBe(4);
  });

  it("windowMonths 'all' takes every dated row", () => {
    const a = run(grid, { windowMonths: 'all' });
    expect(a.window!.months).toBe('all');
    expect(a.window!.from).toBe('');
    expect(a.window!.fromDay).toBe(Number.NEGATIVE_INFINITY);
    const c = byName(a.clients);
    expect(c.A.total).toBe(111);
    expect(c.B.total).toBe(11000);
    expect(a.rowsOutsideWindow).toBe(0);
  });

  it('date serials are read like parseDate reads them (also before March 1900)', () => {
    const a = run(
      [
        ['Date', 'Client', 'Amount'],
        [1, 'Old', 1],
        [45657.75, 'New', 2],
      ],
      { windowMonths: 'all' },
    );
    const c = byName(a.clients);
    expect(dayToIso(c.Old.lastDay!)).toBe('1900-01-01');
    expect(dayToIso(c.New.lastDay!)).toBe('2024-12-31');
  });

  it('lastDay is the latest day inside the window', () => {
    const c = byName(run(grid).clients);
    expect(dayToIso(c.A.lastDay!)).toBe('2025-12-31');
    expect(dayToIso(c.B.lastDay!)).toBe('2025-09-15');
  });

  it('a client with rows only outside the window is listed with total 0 and no last day', () => {
    const c = byName(run(grid, { asOfDay: day('2025-06-29'), windowMonths: 1 }).clients);
    expect(c.A.total).toBe(0);
    expect(c.A.lastDay).toBeNull();
    expect(c.B.total).toBe(10000);
  });
});

describe('aggregate: orders', () => {
  it('counts distinct invoice numbers when there is an invoice column', () => {
    const g: Grid = [
      ['InvoiceNo', 'InvoiceDate', 'Customer', 'Amount'],
      ['I1', '2025-01-10', 'Acme', 1000],
      ['I1', '2025-01-10', 'Acme', 500], // second line of the same invoice
      [' I1 ', '2025-01-11', 'Acme', 5], // same number with spaces
      ['I2', '2025-03-05', 'Acme', 2500],
      ['C9', '2025-03-06', 'Acme', -300], // a return is no order
      ['I3', '2025-02-01', 'Beta', 1200.5],
      [null, '2025-02-02', 'Beta', 10], // no number → not counted
    ];
    const c = byName(run(g).clients);
    expect(c.Acme.orders).toBe(2);
    expect(c.Acme.total).toBe(3705);
    expect(c.Beta.orders).toBe(1);
    expect(c.Beta.total).toBe(1210.5);
  });

  it('counts an invoice once per client when its lines are scattered or shared by clients', () => {
    const g: Grid = [
      ['InvoiceNo', 'InvoiceDate', 'Customer', 'Amount'],
      ['I1', '2025-01-10', 'Acme', 100],
      ['I2', '2025-01-10', 'Beta', 100],
      ['I1', '2025-01-10', 'Acme', 100], // I1 again after another invoice
      ['I1', '2025-01-10', 'Beta', 100], // the same number under another client
      ['I1', '2025-01-10', 'Acme', 100], // and back to Acme
      ['I1', '2025-01-10', 'Beta', 100], // and to Beta
      [7, '2025-01-11', 'Gamma', 100], // numeric invoice numbers
      [7, '2025-01-11', 'Acme', 100],
      [7, '2025-01-12', 'Gamma', 100],
      ['7', '2025-01-12', 'Gamma', 100], // "7" typed as text is the same invoice 7
      [8, '2025-01-12', 'Gamma', 100],
    ];
    const c = byName(run(g).clients);
    expect(c.Acme.orders).toBe(2); // I1, 7
    expect(c.Beta.orders).toBe(2); // I2, I1
    expect(c.Gamma.orders).toBe(2); // 7, 8
    expect(c.Acme.total).toBe(400);
  });

  it('counts rows with a positive amount when there is no invoice column', () => {
    const g: Grid = [
      ['Date', 'Client', 'Amount'],
      ['2025-01-10', 'Acme', 1000],
      ['2025-01-10', 'Acme', 500],
      ['2025-01-11', 'Acme', -200],
      ['2025-01-12', 'Acme', 0],
    ];
    const c = byName(run(g).clients);
    expect(c.Acme.orders).toBe(2);
    expect(c.Acme.total).toBe(1300);
  });

  it('sums an orders column in a client-per-row sheet', () => {
    const g: Grid = [
      ['Клиент', 'Выручка', 'Заказы'],
      ['A', 100, 3],
      ['a', 50, '2'],
    ];
    expect(run(g).clients[0].orders).toBe(5);
  });
});

describe('aggregate: client names', () => {
  it('merges spellings after trim, space collapse and case, and reports them', () => {
    const g: Grid = [
      ['Дата', 'Клиент', 'Сумма'],
      ['01.12.2025', 'ООО  «Ромашка» ', 100],
      ['02.12.2025', 'ооо «ромашка»', 200],
      ['03.12.2025', 'ООО\u00a0«Ромашка»', 300],
      ['04.12.2025', 'ИП Петров', 50],
    ];
    const a = run(g);
    expect(a.clients).toHaveLength(2);
    const r = a.clients[0];
    expect(r.key).toBe('ооо «ромашка»');
    expect(r.name).toBe('ООО «Ромашка»');
    expect(r.total).toBe(600);
    expect(r.orders).toBe(3);
    expect(a.duplicates).toHaveLength(1);
    expect(a.duplicates[0].name).toBe('ООО «Ромашка»');
    expect(a.duplicates[0].spellings).toEqual(['ООО «Ромашка»', 'ооо «ромашка»']);
  });

  it('reports a client on several rows of a client-per-row sheet', () => {
    const g: Grid = [
      ['Client', 'Revenue'],
      ['Acme', 100],
      ['Beta', 5],
      ['Acme', 50],
    ];
    const a = run(g);
    const c = byName(a.clients);
    expect(c.Acme.total).toBe(150);
    expect(c.Acme.rows).toEqual([1, 3]);
    expect(a.duplicates).toEqual([{ name: 'Acme', spellings: ['Acme'], rows: 2 }]);
  });

  it('numeric customer ids become text keys', () => {
    const g: Grid = [
      ['CustomerID', 'InvoiceDate', 'Amount'],
      [12345, '2025-01-01', 10],
      ['12345', '2025-01-02', 5],
    ];
    const a = run(g);
    expect(a.clients).toHaveLength(1);
    expect(a.clients[0].key).toBe('12345');
    expect(a.clients[0].total).toBe(15);
  });
});

describe('aggregate: unreadable cells and returns', () => {
  const grid: Grid = [
    ['Дата', 'Клиент', 'Сумма'],
    ['01.12.2025', 'A', '1 000,50'],
    ['02.12.2025', 'A', 'abc'], // C3
    ['03.12.2025', 'A', '#VALUE!'], // C4
    ['04.12.2025', 'A', -500.5], // a return
    ['xx', 'B', 7], // A6
    ['05.12.2025', '', 7], // B7
    ['06.12.2025', true, 7], // B8
    ['07.12.2025', '#N/A', 7], // B9
    ['08.12.2025', 'B', 20],
    ['08.12.2025', 'B', ''], // blank amount: skipped silently
    ['09.12.2025', '', ''], // empty row in the middle: nothing to report
  ];
  const a = run(grid);

  it('negatives reduce totals', () => {
    expect(byName(a.clients).A.total).toBeCloseTo(500, 9);
    expect(byName(a.clients).A.revenue).toBeCloseTo(500, 9);
  });

  it('reports each unreadable cell by address and leaves it out', () => {
    const byAddress = Object.fromEntries(a.issues.map((i) => [i.address, i]));
    expect(Object.keys(byAddress).sort()).toEqual(['A6', 'B7', 'B8', 'B9', 'C3', 'C4']);
    expect(byAddress.C3).toMatchObject({ row: 2, col: 2, value: '"abc"', problem: 'not a number' });
    expect(byAddress.C4.problem).toMatch(/#VALUE!/);
    expect(byAddress.A6.problem).toBe('not a date');
    expect(byAddress.B7.problem).toMatch(/without a client/);
    expect(byAddress.B8.problem).toMatch(/not a client name/);
    expect(byAddress.B9.problem).toMatch(/Excel error/);
    expect(a.issueCount).toBe(6);
    expect(byName(a.clients).B.total).toBe(20);
  });

  it('caps the issue list at maxIssues but counts all', () => {
    const b = run(grid, { maxIssues: 2 });
    expect(b.issues).toHaveLength(2);
    expect(b.issueCount).toBe(6);
  });

  it('infers the number locale from the amount column, or takes the given one', () => {
    expect(a.numberLocale).toBe('ru');
    const g: Grid = [
      ['Date', 'Client', 'Amount'],
      ['2025-01-01', 'A', '1,234'],
      ['2025-01-02', 'A', '1,000.50'],
    ];
    const en = run(g);
    expect(en.numberLocale).toBe('en');
    expect(en.clients[0].total).toBeCloseTo(2234.5, 9);
    const ru = run(g.slice(0, 2), { numberLocale: 'ru' });
    expect(ru.clients[0].total).toBeCloseTo(1.234, 12);
  });

  it('an ambiguous amount without any locale evidence is reported, not guessed', () => {
    const b = run([
      ['Date', 'Client', 'Amount'],
      ['2025-01-01', 'A', '1,234'],
      ['2025-01-02', 'A', 10],
    ]);
    expect(b.numberLocale).toBeUndefined();
    expect(b.clients[0].total).toBe(10);
    expect(b.issues).toHaveLength(1);
    expect(b.issues[0].address).toBe('C2');
    expect(b.issues[0].problem).toMatch(/ambiguous number: 1234 or 1\.234/);
  });

  it('ambiguous slash dates are reported unless the column decides the order', () => {
    const g: Grid = [
      ['Date', 'Client', 'Amount'],
      ['03/04/2025', 'A', 1],
      ['04/05/2025', 'A', 2],
    ];
    const b = run(g);
    expect(b.issues.map((i) => i.address)).toEqual(['A2', 'A3']);
    expect(b.issues[0].problem).toMatch(/ambiguous date/);
    const withEvidence = run([...g, ['13/05/2025', 'A', 4]]);
    expect(withEvidence.dateOrder).toBe('dmy');
    expect(withEvidence.issues).toEqual([]);
    expect(withEvidence.clients[0].total).toBe(7);
    const forced = run(g, { dateOrder: 'mdy' });
    expect(forced.issues).toEqual([]);
    expect(dayToIso(forced.clients[0].lastDay!)).toBe('2025-04-05');
  });
});

describe('aggregate: measure', () => {
  it('margin measure totals the margin column and keeps revenue', () => {
    const g: Grid = [
      ['Дата', 'Клиент', 'Выручка', 'Маржа'],
      ['01.12.2025', 'A', 1000, 200],
      ['02.12.2025', 'A', '500', '100,5'],
    ];
    const a = run(g, { measure: 'margin' });
    expect(a.measure).toBe('margin');
    expect(a.clients[0].total).toBeCloseTo(300.5, 9);
    expect(a.clients[0].revenue).toBe(1500);
  });

  it('margin measure without a margin column is an error naming the column', () => {
    expect(() =>
      run(
        [
          ['Client', 'Revenue'],
          ['A', 1],
        ],
        { measure: 'margin' },
      ),
    ).toThrow(/no margin column/);
  });
});

describe('aggregate: client-per-row state', () => {
  const grid: Grid = [
    ['Клиент', 'Выручка', 'Менеджер', 'Статус клиента', 'Пересмотров ниже', 'Статус пересмотра', 'Email'],
    ['Альфа', '1 000 000', 'Иванов', 'VIP', 1, 'Предупреждение', 'a@x.ru'],
    ['Бета', 500_000, 'Петров', ' Key ', '', '', ''],
    ['альфа ', 100, 'Сидоров', 'Key', 'x', '', ''],
    ['Гамма', 10, '', '', -1, '', ''],
  ];
  const a = run(grid);
  const c = byName(a.clients);

  it('carries the first non-blank previous tier, status, reviews below, manager and email', () => {
    expect(c['Альфа']).toMatchObject({ previousTier: 'VIP', previousStatus: 'Предупреждение', reviewsBelow: 1, manager: 'Иванов', email: 'a@x.ru', total: 1_000_100 });
    expect(c['Бета'].previousTier).toBe('Key');
    expect(c['Бета'].reviewsBelow).toBeUndefined();
    expect(c['Гамма'].previousTier).toBeUndefined();
    expect(a.window).toBeNull();
  });

  it('reports a reviews-below cell that is not a whole number ≥ 0', () => {
    expect(a.issues.map((i) => i.address)).toEqual(['E5']);
    expect(c['Гамма'].reviewsBelow).toBeUndefined();
  });

  it('a transaction log carries the last manager per client', () => {
    const b = run([
      ['Date', 'Client', 'Amount', 'Manager'],
      ['2025-01-01', 'A', 1, 'Ann'],
      ['2025-01-02', 'A', 1, 'Bob'],
      ['2025-01-03', 'A', 1, ''],
    ]);
    expect(b.clients[0].manager).toBe('Bob');
  });
});

describe('aggregate: monthly columns and periods', () => {
  const grid: Grid = [
    ['Клиент', 'Янв 2025', 'Фев 2025', 'Мар 2025', 'Апр 2025'],
    ['A', 1, 2, 3, 4],
    ['B', '1 000', null, 'x', 5],
  ];

  it('sums the months in the window ending at the last month', () => {
    const a = run(grid, { windowMonths: 2 });
    expect(a.window).toMatchObject({ from: '2025-03-01', to: '2025-04-30', months: 2 });
    const c = byName(a.clients);
    expect(c.A.total).toBe(7);
    expect(c.B.total).toBe(5);
    expect(a.issues.map((i) => i.address)).toEqual(['D3']);
  });

  it("'all' and an asOf inside the months", () => {
    const all = byName(run(grid, { windowMonths: 'all' }).clients);
    expect(all.A.total).toBe(10);
    expect(all.B.total).toBe(1005);
    const feb = run(grid, { windowMonths: 1, asOfDay: day('2025-02-15') });
    expect(feb.window).toMatchObject({ from: '2025-02-01', to: '2025-02-28' });
    expect(byName(feb.clients).A.total).toBe(2);
  });

  it('an asOf before every month column gives an empty window, not a crash', () => {
    const all = run(grid, { windowMonths: 'all', asOfDay: day('2024-06-15') });
    expect(all.window).toMatchObject({ from: '2024-06-01', to: '2024-06-30', months: 'all' });
    expect(all.clients.map((c) => c.total)).toEqual([0, 0]);
    const three = run(grid, { windowMonths: 3, asOfDay: day('2024-06-15') });
    expect(three.window).toMatchObject({ from: '2024-04-01', to: '2024-06-30' });
    expect(three.clients.map((c) => c.total)).toEqual([0, 0]);
  });

  it('periods keeps the amount per month', () => {
    const a = run(grid, { windowMonths: 'all', periods: true });
    const c = byName(a.clients);
    expect([...c.A.periods!]).toEqual([
      [2025 * 12, 1],
      [2025 * 12 + 1, 2],
      [2025 * 12 + 2, 3],
      [2025 * 12 + 3, 4],
    ]);
    expect([...c.B.periods!]).toEqual([
      [2025 * 12, 1000],
      [2025 * 12 + 3, 5],
    ]);
    expect(run(grid).clients[0].periods).toBeUndefined();
  });

  it('periods in a transaction log bucket by calendar month', () => {
    const a = run(
      [
        ['Date', 'Client', 'Amount'],
        ['2025-01-31', 'A', 1],
        ['2025-02-01', 'A', 2],
        ['2025-02-28', 'A', 4],
      ],
      { periods: true },
    );
    expect([...a.clients[0].periods!]).toEqual([
      [2025 * 12, 1],
      [2025 * 12 + 1, 6],
    ]);
  });
});

describe('total rows', () => {
  it('"Итого" and "Total" rows under a table are left out and reported', () => {
    const grid = [
      ['Клиент', 'Выручка'],
      ['ООО Альфа', 100],
      ['ООО Бета', 50],
      ['Итого:', 150],
      ['Total', 150],
    ];
    const agg = aggregate(grid, detectTable(grid));
    expect(agg.clients.map((c) => c.name)).toEqual(['ООО Альфа', 'ООО Бета']);
    expect(agg.issues.map((i) => [i.address, i.problem])).toEqual([
      ['A4', 'a total row, left out'],
      ['A5', 'a total row, left out'],
    ]);
  });
});

describe('aggregate: Excel errors in the client column', () => {
  it('leaves out #N/A and Russian #Н/Д in place of a client name and names the cell', () => {
    const g: Grid = [
      ['Дата', 'Клиент', 'Сумма'],
      ['2025-01-10', 'ООО «Ромашка»', 100],
      ['2025-01-10', 'ООО «Ромашка»', 1], // a client twice: a transaction log
      ['2025-01-11', '#Н/Д', 50],
      ['2025-01-12', '#N/A', 25],
      ['2025-01-13', ' #ЗНАЧ! ', 10],
    ];
    const a = run(g);
    expect(a.shape).toBe('transactions');
    expect(a.clients.map((c) => c.name)).toEqual(['ООО «Ромашка»']);
    expect(a.issues.map((i) => [i.address, i.code])).toEqual([
      ['B4', 'cell.errorForClientName'],
      ['B5', 'cell.errorForClientName'],
      ['B6', 'cell.errorForClientName'],
    ]);
    // one row per client: the same cells are no client names either
    const perClient = run([['Клиент', 'Выручка'], ['ООО «Ромашка»', 100], ['#Н/Д', 50], [' #ЗНАЧ! ', 10]]);
    expect(perClient.shape).toBe('clients');
    expect(perClient.clients.map((c) => c.name)).toEqual(['ООО «Ромашка»']);
    expect(perClient.issues.map((i) => [i.address, i.code])).toEqual([
      ['A3', 'cell.notClientName'],
      ['A4', 'cell.notClientName'],
    ]);
  });
});
