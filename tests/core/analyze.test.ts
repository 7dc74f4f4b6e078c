import fc from 'fast-check';
import { ClientAgg } from '../../src/core/aggregate';
import { analysisSummary, analyzeClients, analyzeGrid } from '../../src/core/analyze';
import { CellValue } from '../../src/core/cells';
import { dayToIso, isoToDay } from '../../src/core/parseDate';
import { DEFAULT_RULES, parseRuleSet, RuleSet } from '../../src/core/rules';
import { clientsArb, permute } from './helpers/arbitraries';

const byName = <T extends { name: string }>(xs: T[]) => Object.fromEntries(xs.map((x) => [x.name, x]));

describe('analyzeGrid: a small Russian client sheet', () => {
  const grid: CellValue[][] = [
    ['Клиенты на 31.12.2025'],
    [],
    ['Клиент', 'Выручка', 'Статус клиента', 'Пересмотров ниже'],
    ['Альфа', '500 000', 'VIP', 0],
    ['Бета', '300\u00a0000 ₽', 'VIP', 1],
    ['Гамма', '100 000', 'Key', 0],
    ['Дельта', 60_000, '', ''],
    ['Эпсилон', '40 000,00', 'Standard', ''],
  ];
  const a = analyzeGrid(grid);
  const c = byName(a.clients);

  it('finds the table and reads the figures', () => {
    expect(a.table.headerRow).toBe(2);
    expect(a.table.shape).toBe('clients');
    expect(a.clients.map((x) => x.total)).toEqual([500_000, 300_000, 100_000, 60_000, 40_000]);
    expect(a.aggregation.issues).toEqual([]);
    expect(a.rules).toBe(DEFAULT_RULES);
  });

  it('ABC and concentration', () => {
    expect(a.clients.map((x) => x.abc)).toEqual(['A', 'A', 'B', 'B', 'C']);
    expect(a.clients.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(c['Бета'].share).toBeCloseTo(0.3, 12);
    expect(c['Бета'].cumShare).toBeCloseTo(0.8, 12);
    const k = a.concentration;
    expect(k.clients).toBe(5);
    expect(k.excluded).toBe(0);
    expect(k.total).toBe(1_000_000);
    expect(k.abc).toEqual({ A: { clients: 2, revenue: 800_000 }, B: { clients: 2, revenue: 160_000 }, C: { clients: 1, revenue: 40_000 } });
    expect(k.top20Share).toBe(0.5);
    expect(k.top10Share).toBe(1);
    expect(k.gini).toBeCloseTo(0.464, 12);
    expect(k.hhi).toBeCloseTo(3552, 9);
    expect(k.pareto[0]).toEqual({ x: 0, y: 0 });
    expect(k.pareto[k.pareto.length - 1]).toEqual({ x: 1, y: 1 });
  });

  it('bars and decisions with the carried-over state', () => {
    expect(a.bars.map((b) => b.minAmount)).toEqual([500_000, 300_000, null]);
    const d = (n: string) => [c[n].decision.tier, c[n].decision.status, c[n].decision.reviewsBelow];
    expect(d('Альфа')).toEqual(['VIP', 'keep', 0]);
    expect(d('Бета')).toEqual(['Key', 'down', 0]); // second review below VIP with 1 grace review
    expect(d('Гамма')).toEqual(['Key', 'grace', 1]);
    expect(d('Дельта')).toEqual(['Standard', 'new', 0]);
    expect(d('Эпсилон')).toEqual(['Standard', 'keep', 0]);
    expect(a.tiers).toEqual({ VIP: { clients: 1, revenue: 500_000 }, Key: { clients: 2, revenue: 400_000 }, Standard: { clients: 2, revenue: 100_000 } });
    expect(a.statuses).toEqual({ new: 1, up: 0, keep: 2, grace: 1, stepdown: 0, down: 1 });
    expect(c['Гамма'].decision.reason.ru).toContain('не хватает 200\u00a0000');
  });

  it('no dates → no window and no next review unless an as-of day is given', () => {
    expect(a.aggregation.window).toBeNull();
    expect(a.nextReviewDay).toBeNull();
    const b = analyzeGrid(grid, { asOfDay: isoToDay('2025-12-31') });
    // the next review is the first day of the next review period (H1 2026)
    expect(dayToIso(b.nextReviewDay!)).toBe('2026-01-01');
    expect(dayToIso(b.review!.graceUntilDay)).toBe('2025-12-31');
  });

  it('analysisSummary', () => {
    const s = analysisSummary(a);
    expect(s).toMatchObject({
      shape: 'clients',
      headerRow: 3,
      window: null,
      rules: 'Pareto 50/80',
      measure: 'revenue',
      clients: 5,
      excluded: 0,
      total: 1_000_000,
      abc: { A: { clients: 2, revenue: 800_000 }, B: { clients: 2, revenue: 160_000 }, C: { clients: 1, revenue: 40_000 } },
      top20Share: 0.5,
      top10Share: 1,
      gini: 0.464,
      hhi: 3552,
      tiers: { VIP: 1, Key: 2, Standard: 2 },
      tierRevenue: { VIP: 500_000, Key: 400_000, Standard: 100_000 },
      bars: [
        { tier: 'VIP', minAmount: 500_000, minOrders: null },
        { tier: 'Key', minAmount: 300_000, minOrders: null },
        { tier: 'Standard', minAmount: null, minOrders: null },
      ],
      statuses: { new: 1, up: 0, keep: 2, grace: 1, stepdown: 0, down: 1 },
      rowsRead: 5,
      rowsUsed: 5,
      rowsOutsideWindow: 0,
      duplicates: 0,
      issues: 0,
      issueSamples: [],
    });
    expect(s.columns.client).toEqual({ column: 'A', header: 'Клиент', confidence: expect.any(Number) });
    expect(s.columns.amount!.column).toBe('B');
    expect(s.columns.tier!.column).toBe('C');
    expect(s.columns.reviewsBelow!.column).toBe('D');
    expect(JSON.parse(JSON.stringify(s))).toEqual(s); // plain JSON
  });
});

describe('analyzeGrid: a small English transaction log', () => {
  const log: CellValue[][] = [
    ['InvoiceNo', 'InvoiceDate', 'Customer', 'Amount'],
    ['I1', '2025-01-10', 'Acme', '1,000.00'],
    ['I1', '2025-01-10', 'Acme', '500.00'],
    ['I2', '2025-03-05', 'ACME ', '2,500.00'],
    ['I3', '2025-02-01', 'Beta', '1,200.50'],
    ['I4', '2025-06-30', 'Gamma', '300'],
    ['I5', '2024-12-15', 'Gamma', '9,999.00'], // before the window
    ['I6', '2025-05-20', 'Gamma', '6,000.00'],
    ['I7', '2025-06-01', 'Beta', '-200'], // a return
    ['I8', 'someday', 'Beta', '5'], // B10: not a date
  ];
  const a = analyzeGrid(log);
  const c = byName(a.clients);

  it('window, totals, orders and last days', () => {
    expect(a.table.shape).toBe('transactions');
    expect(a.aggregation.window).toMatchObject({ to: '2025-06-30', months: 6 });
    expect(a.aggregation.numberLocale).toBe('en');
    expect(c.Acme).toMatchObject({ total: 4000, orders: 2 });
    expect(c.Beta.total).toBeCloseTo(1000.5, 9);
    expect(c.Beta.orders).toBe(1);
    expect(c.Gamma).toMatchObject({ total: 6300, orders: 2 });
    expect(dayToIso(c.Gamma.lastDay!)).toBe('2025-06-30');
    expect(dayToIso(c.Acme.lastDay!)).toBe('2025-03-05');
    expect(a.aggregation.rowsRead).toBe(9);
    expect(a.aggregation.rowsUsed).toBe(7);
    expect(a.aggregation.rowsOutsideWindow).toBe(1);
    expect(a.aggregation.issues.map((i) => i.address)).toEqual(['B10']);
    expect(a.aggregation.duplicates).toHaveLength(1);
    // without a review day the window's end (30 Jun, H1) is the review's: next review 1 Jul
    expect(dayToIso(a.nextReviewDay!)).toBe('2025-07-01');
  });

  it('ABC, concentration, bars and tiers', () => {
    const total = 11_300.5;
    expect(a.concentration.total).toBeCloseTo(total, 9);
    expect([c.Gamma.abc, c.Acme.abc, c.Beta.abc]).toEqual(['A', 'A', 'B']);
    expect(a.concentration.top20Share).toBeCloseTo(6300 / total, 12);
    expect(a.concentration.gini).toBeCloseTo((2 * 6300 - 2 * 1000.5) / (3 * total), 12);
    expect(a.concentration.hhi).toBeCloseTo(((6300 / total) ** 2 + (4000 / total) ** 2 + (1000.5 / total) ** 2) * 10000, 6);
    expect(a.bars.map((b) => b.minAmount)).toEqual([6300, 4000, null]);
    expect([c.Gamma.decision.tier, c.Acme.decision.tier, c.Beta.decision.tier]).toEqual(['VIP', 'Key', 'Standard']);
    expect(a.statuses.new).toBe(3);
    expect(c.Beta.decision.reason.en).toContain('short by 3,000') // 2,999.5 shown in whole units;
  });

  it('summary reports issues with their address', () => {
    const s = analysisSummary(a);
    expect(s.window).toEqual({ from: a.aggregation.window!.from, to: '2025-06-30', months: 6 });
    expect(s.issues).toBe(1);
    expect(s.issueSamples[0]).toMatch(/^B10: "someday" — not a date$/);
    expect(s.duplicates).toBe(1);
    expect(s.total).toBe(11_300.5);
  });

  it('previous state by client key applies where the log has no tier column', () => {
    const b = analyzeGrid(log, { previous: new Map([['gamma', { tier: 'Key' }], ['acme', { tier: 'VIP', reviewsBelow: 1 }]]) });
    const d = byName(b.clients);
    expect(d.Gamma.decision).toMatchObject({ tier: 'VIP', status: 'up' });
    expect(d.Acme.decision).toMatchObject({ tier: 'Key', status: 'down' });
    expect(d.Beta.decision.status).toBe('new');
  });

  it('rules with their own window and measure', () => {
    const r = parseRuleSet({ windowMonths: 1, tiers: [{ name: 'Top', criteria: { minAmount: 1000 } }, { name: 'Rest' }] });
    if (!r.ok) throw new Error(r.problems.join());
    const b = analyzeGrid(log, { rules: r.rules });
    // month ends stay month ends: the window is exactly June–November
    expect(b.aggregation.window!.from).toBe('2025-06-01');
    expect(byName(b.clients).Gamma.total).toBe(300); // 20 May is before 31 May
    expect(byName(b.clients).Acme.total).toBe(0);
    expect(b.concentration.excluded).toBe(2); // Acme 0, Beta −200
  });
});

describe('analyzeClients: nothing depends on the input order', () => {
  const rulesA = DEFAULT_RULES;
  const parsed = parseRuleSet({
    tiers: [
      { name: 'VIP', criteria: { paretoShare: 0.5, minOrders: 3 }, benefits: ['a', 'b'] },
      { name: 'Key', criteria: { minAmount: 500 } },
      { name: 'Std' },
    ],
    policy: { graceReviews: 1, benefitSteps: 1, hysteresisPct: 10 },
  });
  if (!parsed.ok) throw new Error(parsed.problems.join());
  const rulesB: RuleSet = parsed.rules;

  it.each([
    ['Pareto 50/80', rulesA],
    ['mixed criteria with policy', rulesB],
  ])('%s', (_name, rules) => {
    const tierNames = [...rules.tiers.map((t) => t.name), 'Gold', undefined];
    fc.assert(
      fc.property(
        clientsArb(40),
        fc.array(fc.tuple(fc.constantFrom(...tierNames), fc.integer({ min: 0, max: 3 })), { minLength: 40, maxLength: 40 }),
        fc.integer(),
        (base, state, seed) => {
          const clients: ClientAgg[] = base.map((b, i) => ({
            key: b.key,
            name: b.key,
            total: b.total,
            revenue: b.total,
            orders: b.orders,
            lastDay: null,
            rows: [i],
            previousTier: state[i][0],
            reviewsBelow: state[i][1],
          }));
          const view = (cs: ClientAgg[]) => {
            const r = analyzeClients(cs, rules);
            const per = Object.fromEntries(
              r.clients.map((x) => [x.key, { abc: x.abc, rank: x.rank, cum: x.cumShare, tier: x.decision.tier, status: x.decision.status, below: x.decision.reviewsBelow, reason: x.decision.reason }]),
            );
            const k = r.concentration;
            return { per, bars: r.bars, statuses: r.statuses, tiers: Object.fromEntries(Object.entries(r.tiers).map(([t, v]) => [t, v.clients])), gini: k.gini, hhi: k.hhi, top20: k.top20Share, abc: k.abc };
          };
          const a = view(clients);
          const b = view(permute(clients, seed));
          expect(b.per).toEqual(a.per);
          expect(b.bars).toEqual(a.bars);
          expect(b.statuses).toEqual(a.statuses);
          expect(b.tiers).toEqual(a.tiers);
          expect(b.top20).toBe(a.top20);
          // sums of integers: exact; only the last bits of the share arithmetic may differ
          expect(Math.abs(b.gini - a.gini)).toBeLessThan(1e-12);
          expect(Math.abs(b.hhi - a.hhi)).toBeLessThan(1e-9);
          expect(b.abc).toEqual(a.abc);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('tier counts add up to the clients, ABC counts to the positive ones', () => {
    fc.assert(
      fc.property(clientsArb(80), (base) => {
        const clients: ClientAgg[] = base.map((b) => ({ key: b.key, name: b.key, total: b.total, revenue: b.total, orders: b.orders, lastDay: null, rows: [] }));
        const r = analyzeClients(clients, rulesA);
        expect(Object.values(r.tiers).reduce((s, t) => s + t.clients, 0)).toBe(clients.length);
        expect(Object.values(r.statuses).reduce((s, n) => s + n, 0)).toBe(clients.length);
        const positive = clients.filter((c) => c.total > 0).length;
        expect(r.concentration.clients).toBe(positive);
        expect(r.concentration.abc.A.clients + r.concentration.abc.B.clients + r.concentration.abc.C.clients).toBe(positive);
        expect(r.concentration.excluded).toBe(clients.length - positive);
      }),
      { numRuns: 60 },
    );
  });
});
