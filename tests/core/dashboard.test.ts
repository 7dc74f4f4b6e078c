import { formatAmount } from '../../src/core/format';
import { seededRandom } from '../../src/core/seededRandom';
import fc from 'fast-check';
import { ClientAgg } from '../../src/core/aggregate';
import { analyzeClients } from '../../src/core/analyze';
import { abcXyzMatrix, seriesMonths } from '../../src/core/abcXyzMatrix';
import { buildDashboard, rankedClients } from '../../src/core/dashboard';
import { dashboardKpis, hhiThresholds } from '../../src/core/dashboardKpis';
import { giniSortedDesc } from '../../src/core/gini';
import { lorenzChart } from '../../src/core/lorenzChart';
import { paretoChart } from '../../src/core/paretoChart';
import { sortedPositiveDesc } from '../../src/core/ranking';
import { DEFAULT_RULES, RuleSet } from '../../src/core/rules';
import { readTierHistory, tierMix } from '../../src/core/tierMix';
import { compactAmount, formatMoney, parseMoneyFormat } from '../../src/core/moneyFormat';
import { dayFromParts, dayToSerial } from '../../src/core/parseDate';

/** The exact Pareto crossing by brute force: first k with cum/total >= 0.8 (tolerance 1e-12). */
function crossing(desc: ArrayLike<number>, mark = 0.8) {
  let total = 0;
  for (let i = 0; i < desc.length; i++) total += desc[i];
  let cum = 0;
  for (let k = 1; k <= desc.length; k++) {
    cum += desc[k - 1];
    if (cum / total >= mark - 1e-12) return { clients: k, x: k / desc.length, y: k === desc.length ? 1 : cum / total };
  }
  return null;
}

function cumShare(desc: ArrayLike<number>, k: number): number {
  let total = 0;
  let cum = 0;
  for (let i = 0; i < desc.length; i++) {
    total += desc[i];
    if (i < k) cum += desc[i];
  }
  return k >= desc.length ? 1 : cum / total;
}

const client = (key: string, total: number, extra: Partial<ClientAgg> = {}): ClientAgg => ({ key, name: key.toUpperCase(), total, revenue: total, orders: 1, lastDay: null, rows: [], ...extra });

/** A long-tailed book: client i has 1e6 / (i+1)^1.1 (deterministic). */
function longTail(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => Math.round(1e6 / Math.pow(i + 1, 1.1)) + 1);
}

describe('paretoChart', () => {
  it('one bar per client for a short book, with names, and the exact crossing', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const d = paretoChart([50, 30, 10, 5, 5], { clientAt: (i) => ({ key: names[i], name: names[i].toUpperCase() }) });
    expect(d.banded).toBe(false);
    expect(d.bands.map((b) => [b.from, b.to, b.amount, b.mean, b.name])).toEqual([
      [1, 1, 50, 50, 'A'],
      [2, 2, 30, 30, 'B'],
      [3, 3, 10, 10, 'C'],
      [4, 4, 5, 5, 'D'],
      [5, 5, 5, 5, 'E'],
    ]);
    expect(d.crossing).toEqual({ clients: 2, x: 0.4, y: 0.8 });
    expect(d.bands.map((b) => b.vital)).toEqual([true, true, false, false, false]);
    expect(d.line[0]).toEqual({ x: 0, y: 0 });
    expect(d.line[d.line.length - 1]).toEqual({ x: 1, y: 1 });
    expect(d.line).toContainEqual({ x: 0.4, y: 0.8 });
  });

  it('an empty or all-zero book has no bars and the diagonal endpoints', () => {
    for (const desc of [[], new Float64Array(0)]) {
      const d = paretoChart(desc);
      expect(d.bands).toEqual([]);
      expect(d.crossing).toBeNull();
      expect(d.line).toEqual([
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ]);
    }
  });

  it('100,000 clients: at most N bands, all clients covered once, sums add up, line exact at every point', () => {
    const desc = longTail(100_000);
    const d = paretoChart(desc, { maxBands: 40 });
    expect(d.banded).toBe(true);
    expect(d.bands.length).toBeLessThanOrEqual(40);
    expect(d.bands[0].from).toBe(1);
    expect(d.bands[d.bands.length - 1].to).toBe(100_000);
    for (let i = 1; i < d.bands.length; i++) expect(d.bands[i].from).toBe(d.bands[i - 1].to + 1);
    const sum = d.bands.reduce((s, b) => s + b.amount, 0);
    expect(sum / d.total).toBeCloseTo(1, 12);
    // endpoints and the crossing are exact
    const exact = crossing(desc)!;
    expect(d.crossing).toEqual(exact);
    expect(d.line[0]).toEqual({ x: 0, y: 0 });
    expect(d.line[d.line.length - 1]).toEqual({ x: 1, y: 1 });
    expect(d.line).toContainEqual({ x: exact.x, y: exact.y });
    // no band straddles the crossing
    expect(d.bands.some((b) => b.to === exact.clients)).toBe(true);
    expect(d.bands.filter((b) => b.vital).every((b) => b.to <= exact.clients)).toBe(true);
    // every line point lies on the exact curve (spot-check against a brute-force sum)
    for (const p of [d.line[1], d.line[5], d.line[Math.floor(d.line.length / 2)], d.line[d.line.length - 2]]) {
      const k = Math.round(p.x * 100_000);
      expect(p.y).toBeCloseTo(cumShare(desc, k), 12);
    }
    // the head of the curve is sampled at 1, 2, 4, … clients
    expect(d.line[1]).toEqual({ x: 1 / 100_000, y: desc[0] / d.total });
    // a band's bar is its mean; largest first and smallest last
    const b = d.bands[3];
    expect(b.mean).toBeCloseTo(b.amount / b.clients, 6);
    expect(b.max).toBe(desc[b.from - 1]);
    expect(b.min).toBe(desc[b.to - 1]);
  });

  it('property: bands ≤ maxBands, line increasing in x, crossing equal to brute force', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 400 }), fc.integer({ min: 2, max: 50 }), (values, maxBands) => {
        const desc = sortedPositiveDesc(values);
        const d = paretoChart(desc, { maxBands, linePoints: 30 });
        expect(d.bands.length).toBeLessThanOrEqual(maxBands);
        expect(d.bands.reduce((s, b) => s + b.clients, 0)).toBe(desc.length);
        expect(d.crossing).toEqual(crossing(desc));
        const c = d.crossing!;
        expect(d.line).toContainEqual({ x: c.x, y: c.y });
        for (let i = 1; i < d.line.length; i++) {
          expect(d.line[i].x).toBeGreaterThan(d.line[i - 1].x);
          expect(d.line[i].y).toBeGreaterThanOrEqual(d.line[i - 1].y - 1e-15);
        }
        expect(d.line[0]).toEqual({ x: 0, y: 0 });
        expect(d.line[d.line.length - 1]).toEqual({ x: 1, y: 1 });
      }),
      { numRuns: 200 },
    );
  });
});

describe('lorenzChart', () => {
  it('the mirror of the Pareto curve, with the Gini and the bottom half', () => {
    const d = lorenzChart([50, 30, 10, 5, 5]);
    expect(d.gini).toBeCloseTo(0.46, 12);
    expect(d.bottomHalfShare).toBeCloseTo(0.1, 12);
    expect(d.equality).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ]);
    expect(d.line.map((p) => [p.x, Math.round(p.y * 1e12) / 1e12])).toEqual([
      [0, 0],
      [0.2, 0.05],
      [0.4, 0.1],
      [0.6, 0.2],
      [0.8, 0.5],
      [1, 1],
    ]);
  });

  it('100,000 clients: endpoints exact, convex below the diagonal, Gini as core computes it', () => {
    const desc = longTail(100_000);
    const d = lorenzChart(desc);
    expect(d.line[0]).toEqual({ x: 0, y: 0 });
    expect(d.line[d.line.length - 1]).toEqual({ x: 1, y: 1 });
    expect(d.line.length).toBeLessThan(300);
    expect(d.gini).toBe(giniSortedDesc(desc));
    for (const p of d.line) expect(p.y).toBeLessThanOrEqual(p.x + 1e-12);
    // points are exact: share of the k smallest = 1 - share of the n - k largest
    const p = d.line[Math.floor(d.line.length / 3)];
    const k = Math.round(p.x * 100_000);
    expect(p.y).toBeCloseTo(1 - cumShare(desc, 100_000 - k), 12);
  });
});

describe('dashboardKpis', () => {
  it('the Revenue card is on the shares\' base (positive totals); with negatives both are shown, labelled', () => {
    // random books with returns (negative totals) and ties: the card always equals the share base
    const rnd = seededRandom(44);
    for (let k = 0; k < 50; k++) {
      const clients = Array.from({ length: 2 + Math.floor(rnd() * 30) }, (_, i) => client(`c${i}`, rnd() < 0.2 ? -Math.round(rnd() * 500) : rnd() < 0.2 ? 100 : Math.round(rnd() * 1000)));
      const kp = dashboardKpis(analyzeClients(clients, DEFAULT_RULES));
      const positive = clients.reduce((s, c) => s + (c.total > 0 ? c.total : 0), 0);
      const all = clients.reduce((s, c) => s + c.revenue, 0);
      expect(kp.revenueCard.value).toBeCloseTo(positive, 6);
      expect(kp.revenueCard.value).toBeCloseTo(kp.total, 6);
      if (Math.abs(all - positive) >= 0.005) {
        expect(kp.revenueCard.note.en).toContain(`all clients: ${formatAmount(all, 'en')}`);
        expect(kp.revenueCard.note.ru).toContain(`по всем клиентам: ${formatAmount(all, 'ru')}`);
      } else expect(kp.revenueCard.note).toEqual({ en: '', ru: '' });
    }
  });

  it('figures from the analysis; HHI band under 2023 and 2010; headline by book size', () => {
    // 4 clients: HHI = 40² + 30² + 20² + 10² = 3000
    const a = analyzeClients([client('a', 400), client('b', 300), client('c', 200), client('d', 100), client('z', 0)], DEFAULT_RULES);
    const k = dashboardKpis(a);
    expect(k.clients).toBe(4);
    expect(k.excluded).toBe(1);
    expect(k.total).toBe(1000);
    expect(k.revenue).toBe(1000);
    expect(k.top20Clients).toBe(1);
    expect(k.top20Share).toBeCloseTo(0.4, 12);
    expect(k.top10Clients).toBe(4);
    expect(k.top10Share).toBe(1);
    expect(k.hhi).toBeCloseTo(3000, 9);
    expect(k.hhiBand).toBe('high');
    expect(k.hhiEquivalentClients).toBeCloseTo(10000 / 3000, 9);
    expect(k.headline).toBe('hhi');
    expect(hhiThresholds(2023)).toEqual({ moderate: 1000, high: 1800 });
    expect(hhiThresholds(2010)).toEqual({ moderate: 1500, high: 2500 });
    // 2000 is high in 2023 (> 1,800), moderate in 2010 (1,500–2,500)
    const five = analyzeClients([client('a', 30), client('b', 30), client('c', 20), client('d', 10), client('e', 10)], DEFAULT_RULES);
    expect(dashboardKpis(five).hhi).toBeCloseTo(2400, 9);
    expect(dashboardKpis(five, { guidelines: 2023 }).hhiBand).toBe('high');
    expect(dashboardKpis(five, { guidelines: 2010 }).hhiBand).toBe('moderate');
    // a book of thousands: HHI tiny, top shares are the headline
    const big = analyzeClients(Array.from({ length: 2000 }, (_, i) => client(`c${i}`, 1000 + i)), DEFAULT_RULES);
    const kb = dashboardKpis(big);
    expect(kb.hhi).toBeLessThan(10);
    expect(kb.hhiBand).toBe('unconcentrated');
    expect(kb.headline).toBe('topShares');
    expect(kb.top20Clients).toBe(400);
  });

  it('clients at risk are the grace warnings; planned downgrades the downs', () => {
    // previous VIPs now far below: the first review warns, the second (reviewsBelow 1) moves down
    const clients = [client('big', 10000), client('mid', 2000), client('w', 10, { previousTier: 'VIP', reviewsBelow: 0 }), client('d', 10, { previousTier: 'VIP', reviewsBelow: 1 })];
    const a = analyzeClients(clients, DEFAULT_RULES);
    const k = dashboardKpis(a);
    expect(k.atRisk).toBe(a.statuses.grace);
    expect(k.plannedDowngrades).toBe(a.statuses.down);
    expect(k.atRisk).toBeGreaterThan(0);
    expect(k.plannedDowngrades).toBeGreaterThan(0);
  });
});

describe('tierMix and movements from the Tier history', () => {
  const rules: RuleSet = DEFAULT_RULES;
  const day = (y: number, m: number, d: number) => dayToSerial(dayFromParts(y, m, d)!);
  const history = [
    ['Review date', 'Client', 'From', 'To', 'Status', 'Figure', 'Bar', 'Reviews below', 'Rule set'],
    [day(2025, 6, 30), 'A', '', 'VIP', 'New', 5000, '', 0, 'x'],
    [day(2025, 6, 30), 'B', '', 'Key', 'New', 900, '', 0, 'x'],
    [day(2025, 6, 30), 'Gone', '', 'Key', 'New', 800, '', 0, 'x'],
    [day(2025, 6, 30), 'C', '', 'Standard', 'New', 10, '', 0, 'x'],
    // an earlier review of A, and a Russian header row between the two sheets
    [day(2024, 12, 31), 'A', '', 'Key', 'New', 10, '', 0, 'x'],
    ['Дата пересмотра', 'Клиент', 'Было', 'Стало', 'Статус', 'Показатель', 'Планка', 'Пересмотров ниже', 'Правила'],
  ];

  it('reads English and Russian history rows, skipping a second header', () => {
    const rows = readTierHistory(history);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ key: 'a', name: 'A', from: '', to: 'VIP', status: 'new', figure: 5000 });
    expect(rows[0].day).toBe(dayFromParts(2025, 6, 30));
    const ru = readTierHistory([
      ['Дата пересмотра', 'Клиент', 'Было', 'Стало', 'Статус'],
      ['31.12.2025', 'ООО  «Ромашка»', 'VIP', 'Key', 'Понижение'],
    ]);
    expect(ru).toEqual([{ day: dayFromParts(2025, 12, 31), key: 'ооо «ромашка»', name: 'ООО «Ромашка»', from: 'VIP', to: 'Key', status: 'down', figure: undefined }]);
    expect(readTierHistory([['no', 'history']])).toEqual([]);
    expect(readTierHistory(undefined)).toEqual([]);
  });

  it('previous tiers from the history: up, down, same, new, left; the mix then and now', () => {
    // now: A 100 (was VIP), B 5000 (was Key), C 10 (was Standard), N 900 (new); Gone left
    const a = analyzeClients([client('a', 100), client('b', 5000), client('c', 10), client('n', 900)], rules);
    const m = tierMix(a, history);
    const tierOf = (k: string) => a.clients.find((c) => c.key === k)!.decision.tier;
    expect(tierOf('b')).toBe('VIP');
    expect(m.movements.source).toBe('history');
    expect(m.movements.lastReviewDay).toBe(dayFromParts(2025, 6, 30));
    expect(m.movements.applied).toBe(false);
    expect(m.movements.new).toBe(1);
    expect(m.movements.left).toBe(1);
    expect(m.movements.up).toBe(1); // B: Key → VIP
    expect(m.movements.up + m.movements.down + m.movements.same + m.movements.new + m.movements.other).toBe(4);
    expect(m.movements.flows).toContainEqual({ from: 'Key', to: null, clients: 1, revenue: 0 });
    expect(m.movements.flows).toContainEqual({ from: 'Key', to: 'VIP', clients: 1, revenue: 5000 });
    // then: VIP 1 (A), Key 2 (B, Gone), Standard 1 (C)
    expect(Object.fromEntries(m.rows.map((r) => [r.tier, r.previous]))).toEqual({ VIP: 1, Key: 2, Standard: 1 });
    expect(m.rows.reduce((s, r) => s + r.clients, 0)).toBe(4);
    expect(m.rows.reduce((s, r) => s + r.revenueShare, 0)).toBeCloseTo(1, 12);
    const vip = m.rows.find((r) => r.tier === 'VIP')!;
    expect(vip.clients).toBe(a.tiers.VIP.clients);
    expect(vip.revenue).toBe(a.tiers.VIP.revenue);
    // two recorded reviews, oldest first
    expect(m.movements.reviews.map((r) => [r.day, r.clients, r.new])).toEqual([
      [dayFromParts(2024, 12, 31), 1, 1],
      [dayFromParts(2025, 6, 30), 4, 4],
    ]);
  });

  it("previous tiers the review used win over the history; no history and no previous tier: all new, nothing known", () => {
    const a = analyzeClients([client('a', 100, { previousTier: 'Standard' }), client('b', 5000)], rules);
    const m = tierMix(a, history);
    expect(m.movements.source).toBe('review');
    expect(m.movements.flows).toContainEqual({ from: 'Standard', to: a.clients[0].decision.tier, clients: 1, revenue: 100 });
    const none = tierMix(analyzeClients([client('a', 100), client('b', 5000)], rules));
    expect(none.movements.source).toBe('none');
    expect(none.movements.new).toBe(2);
    expect(none.rows.every((r) => r.previous === null)).toBe(true);
  });

  it('recognises a review that was already applied', () => {
    const a = analyzeClients([client('a', 100, { previousTier: 'VIP' }), client('b', 5000, { previousTier: 'Key' })], rules);
    const d = day(2026, 1, 15);
    const rows = [history[0], ...a.clients.map((c) => [d, c.name, c.decision.previousTier ?? '', c.decision.tier, 'x', c.total, '', 0, 'x'])];
    expect(tierMix(a, rows).movements.applied).toBe(true);
  });
});

describe('abcXyzMatrix', () => {
  const jan25 = 2025 * 12;
  const periods = (...v: number[]) => new Map(v.map((x, i) => [jan25 + i, x] as [number, number]));

  it('counts clients per ABC × XYZ over every month of the window (missing months are 0)', () => {
    const window = { fromDay: dayFromParts(2024, 12, 31)!, toDay: dayFromParts(2025, 4, 30)! }; // Jan–Apr 2025
    expect(seriesMonths([], window)).toEqual({ first: jan25, last: jan25 + 3 });
    const m = abcXyzMatrix(
      [
        { abc: 'A', revenue: 400, periods: periods(100, 100, 100, 100) }, // cv 0 → X
        { abc: 'A', revenue: 400, periods: periods(80, 120, 80, 120) }, // cv 0.2 → Y
        { abc: 'B', revenue: 100, periods: new Map([[jan25, 100]]) }, // 100,0,0,0 → Z
        { abc: 'C', revenue: 0, periods: periods(10, -10) }, // mean 0 → no class
        { abc: null, revenue: -5, periods: periods(-5) }, // out of ABC
        { abc: 'C', revenue: 10, periods: undefined }, // no sales in the window: zero mean
      ],
      window,
    );
    expect(m.available).toBe(true);
    expect(m.months).toEqual({ first: jan25, last: jan25 + 3, count: 4 });
    expect(m.cells.A.X).toEqual({ clients: 1, revenue: 400 });
    expect(m.cells.A.Y).toEqual({ clients: 1, revenue: 400 });
    expect(m.cells.B.Z).toEqual({ clients: 1, revenue: 100 });
    expect(m.unclassified.C.clients).toBe(2);
    expect(m.reasons).toEqual({ tooFewPeriods: 0, zeroMean: 2, negativeMean: 0 });
    expect(m.classified).toBe(3);
  });

  it('without per-period values there is no matrix; a window without a start spans the data up to its end', () => {
    expect(abcXyzMatrix([{ abc: 'A', revenue: 1 }]).available).toBe(false);
    const m = abcXyzMatrix([{ abc: 'A', revenue: 1, periods: new Map([[jan25 + 5, 1], [jan25 + 2, 1]]) }], { fromDay: -Infinity, toDay: dayFromParts(2025, 6, 30)! });
    expect(m.months).toEqual({ first: jan25 + 2, last: jan25 + 5, count: 4 });
  });
});

describe('buildDashboard', () => {
  it('puts the pieces together from one analysis', () => {
    const clients = Array.from({ length: 500 }, (_, i) => client(`c${i}`, Math.round(1e6 / (i + 1)), { periods: new Map([[24300, 1], [24301, 2]]) }));
    const a = analyzeClients(clients, DEFAULT_RULES);
    const d = buildDashboard(a, { maxBands: 30 });
    const { desc } = rankedClients(a.clients);
    expect(desc.length).toBe(500);
    expect(d.pareto.bands.length).toBeLessThanOrEqual(30);
    expect(d.pareto.total).toBeCloseTo(a.concentration.total, 6);
    expect(d.pareto.bands[0].key).toBeUndefined(); // banded: no single names
    expect(d.lorenz.gini).toBeCloseTo(a.concentration.gini, 12);
    expect(d.kpis.top20Share).toBe(a.concentration.top20Share);
    expect(d.matrix.available).toBe(true);
    expect(d.segments.mostValuable).toBe(a.tiers.VIP.clients);
    expect(d.segments.mostValuable + d.segments.key + d.segments.others).toBe(500);
    expect(d.plan.clients).toBe(500);
  });
});

describe('money in the workbook format', () => {
  it('reads the currency and decimals of Excel number formats', () => {
    expect(parseMoneyFormat('#,##0.00 [$$-409]')).toEqual({ prefix: '', suffix: ' $', decimals: 2 });
    expect(parseMoneyFormat('#,##0.00 "₽"')).toEqual({ prefix: '', suffix: ' ₽', decimals: 2 });
    expect(parseMoneyFormat('[$€-x-euro2] #,##0')).toEqual({ prefix: '€ ', suffix: '', decimals: 0 });
    expect(parseMoneyFormat('$#,##0.00;[Red]($#,##0.00)')).toEqual({ prefix: '$', suffix: '', decimals: 2 });
    expect(parseMoneyFormat('_-* #,##0\\ "₽"_-;\\-* #,##0\\ "₽"_-')).toEqual({ prefix: '', suffix: ' ₽', decimals: 0 });
    for (const f of ['General', '0.0%', 'yyyy-mm-dd', '@', '', undefined]) expect(parseMoneyFormat(f)).toEqual({ prefix: '', suffix: '', decimals: null });
  });

  it('formats amounts with the symbol, grouped by language; compact for charts', () => {
    expect(formatMoney(1234567.5, 'ru', parseMoneyFormat('#,##0.00 "₽"'))).toBe('1\u00a0234\u00a0568 ₽');
    expect(formatMoney(1234567.5, 'en', parseMoneyFormat('$#,##0.00'))).toBe('$1,234,568');
    expect(compactAmount(1234567, 'en')).toBe('1.2M');
    expect(compactAmount(45000, 'en')).toBe('45K');
    expect(compactAmount(1234567, 'ru', parseMoneyFormat('#,##0 "₽"'))).toBe('1,2\u00a0млн ₽');
    expect(compactAmount(950, 'en')).toBe('950');
  });
});
