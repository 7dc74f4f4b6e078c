/**
 * The analysis on data nobody here made up: the UCI "Online Retail" log (406,829 lines).
 * Every figure is checked against an independent computation written here from the
 * definitions — plain loops, parseFloat, an O(n²) pairwise Gini — and the command line is run
 * on the real file.
 */
import { promises as fs } from 'fs';
import { gunzipSync } from 'zlib';
import { analyzeGrid, parseCsv, Analysis } from '../../src/core';
import { cli, DATA } from '../helpers';

interface Brute {
  totals: Map<string, number>;
  orders: Map<string, Set<string>>;
}

let rows: string[][];
let brute: Brute;
let analysis: Analysis;

beforeAll(async () => {
  const text = gunzipSync(await fs.readFile(DATA)).toString('utf8');
  rows = parseCsv(text);
  // independent aggregation: split lines by hand, not with the core's parser
  const totals = new Map<string, number>();
  const orders = new Map<string, Set<string>>();
  const lines = text.trim().split('\n');
  for (let i = 1; i < lines.length; i++) {
    const [inv, , cust, , amount] = lines[i].trim().split(',');
    const a = parseFloat(amount);
    totals.set(cust, (totals.get(cust) ?? 0) + a);
    if (a > 0) {
      if (!orders.has(cust)) orders.set(cust, new Set());
      orders.get(cust)!.add(inv);
    }
  }
  brute = { totals, orders };
  analysis = analyzeGrid(rows, { windowMonths: 'all' });
});

test('the file is the documented one', () => {
  expect(rows.length - 1).toBe(406829);
  expect(rows[0]).toEqual(['InvoiceNo', 'InvoiceDate', 'CustomerID', 'Country', 'Amount']);
  expect(analysis.table.shape).toBe('transactions');
  expect(analysis.table.columns.client!.header).toBe('CustomerID');
  expect(analysis.table.columns.orderId!.header).toBe('InvoiceNo');
  expect(analysis.aggregation.issueCount).toBe(0);
  expect(analysis.aggregation.window!.to).toBe('2011-12-09');
});

test('per-client totals and order counts match the brute force', () => {
  expect(analysis.clients.length).toBe(brute.totals.size);
  expect(brute.totals.size).toBeGreaterThan(4300);
  for (const c of analysis.clients) {
    expect(c.total).toBeCloseTo(brute.totals.get(c.name)!, 6);
    expect(c.orders).toBe(brute.orders.get(c.name)?.size ?? 0);
  }
});

test('excluded clients, ABC, top-20%, HHI and Gini match independent computations', () => {
  const positive = [...brute.totals.entries()].filter(([, v]) => v > 0);
  const excluded = brute.totals.size - positive.length;
  const c = analysis.concentration;
  expect(c.clients).toBe(positive.length);
  expect(c.excluded).toBe(excluded);
  expect(excluded).toBeGreaterThan(0); // some customers net to zero or below after returns
  const total = positive.reduce((s, [, v]) => s + v, 0);
  expect(c.total).toBeCloseTo(total, 4);

  // ABC by the definition: sort desc (ties by id), class by the share *before* the client
  const sorted = [...positive].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const count = { A: 0, B: 0, C: 0 } as Record<string, number>;
  let before = 0;
  const cls = new Map<string, string>();
  for (const [id, v] of sorted) {
    const k = before / total < 0.8 ? 'A' : before / total < 0.95 ? 'B' : 'C';
    count[k]++;
    cls.set(id, k);
    before += v;
  }
  expect({ A: c.abc.A.clients, B: c.abc.B.clients, C: c.abc.C.clients }).toEqual(count);
  for (const r of analysis.clients) expect(r.abc).toBe(cls.get(r.name) ?? null);

  // top 20% = ceil(0.2 n) largest
  const k = Math.ceil(0.2 * sorted.length);
  const top = sorted.slice(0, k).reduce((s, [, v]) => s + v, 0);
  expect(c.top20Share).toBeCloseTo(top / total, 10);

  // HHI
  const h = sorted.reduce((s, [, v]) => s + (100 * v / total) ** 2, 0);
  expect(c.hhi).toBeCloseTo(h, 8);
  expect(c.hhi).toBeGreaterThan(40);
  expect(c.hhi).toBeLessThan(50); // "about 45", as DESIGN says

  // Gini, pairwise O(n²): Σ_i Σ_j |x_i − x_j| / (2 n² mean)
  const xs = sorted.map(([, v]) => v);
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += Math.abs(xs[i] - xs[j]);
  const mean = total / n;
  expect(c.gini).toBeCloseTo(sum / (2 * n * n * mean), 10);
});

test('Pareto tiers: VIP and Key bars are the marginal clients of 50% and 80%', () => {
  const sorted = analysis.clients.filter((x) => x.total > 0).sort((a, b) => b.total - a.total);
  const total = analysis.concentration.total;
  const bar = (share: number) => {
    let before = 0;
    let last = Infinity;
    for (const x of sorted) {
      if (before / total >= share) break;
      last = x.total;
      before += x.total;
    }
    return last;
  };
  expect(analysis.bars[0].minAmount).toBe(bar(0.5));
  expect(analysis.bars[1].minAmount).toBe(bar(0.8));
  const vip = analysis.clients.filter((x) => x.decision.tier === 'VIP');
  expect(vip.every((x) => x.total >= bar(0.5))).toBe(true);
  expect(analysis.clients.filter((x) => x.total >= bar(0.5)).length).toBe(vip.length);
  expect(analysis.tiers.VIP.revenue / total).toBeGreaterThanOrEqual(0.5);
});

test('the command line on the real file prints the same figures', async () => {
  const r = await cli(['analyze', DATA, '--json', '--window-months', 'all']);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  const c = analysis.concentration;
  expect(j.clients).toBe(c.clients);
  expect(j.excluded).toBe(c.excluded);
  expect(j.total).toBeCloseTo(c.total, 2);
  expect(j.gini).toBeCloseTo(c.gini, 6);
  expect(j.hhi).toBeCloseTo(c.hhi, 3);
  expect(j.top20Share).toBeCloseTo(c.top20Share, 6);
  expect(j.abc.A.clients).toBe(c.abc.A.clients);
  expect(j.tiers.VIP).toBe(analysis.tiers.VIP.clients);
  // the default half-year window ends at the last invoice date
  const six = JSON.parse((await cli(['analyze', DATA, '--json'])).out);
  expect(six.window).toEqual({ from: '2011-06-10', to: '2011-12-09', months: 6 });
  expect(six.rowsOutsideWindow).toBeGreaterThan(100000);
});
