import { promises as fs } from 'fs';
import { gunzipSync } from 'zlib';
import { abcXyzMatrix, clientXyz, seriesPeriods, XyzPeriod } from '../../src/core/abcXyzMatrix';
import { analyzeGrid } from '../../src/core/analyze';
import { CellValue } from '../../src/core/cells';
import { parseCsv } from '../../src/core/csv';
import { dayFromParts } from '../../src/core/parseDate';
import { seededRandom } from '../../src/core/seededRandom';
import { DATA } from '../helpers';

const ym = (y: number, m: number) => y * 12 + m - 1;
const day = (y: number, m: number, d: number) => dayFromParts(y, m, d)!;
const months = (first: number, ...v: number[]) => new Map(v.map((x, i) => [first + i, x] as [number, number]));

describe('XYZ over the periods since the first sale', () => {
  // review window: Jan–Dec 2025, whole months
  const year25 = { fromDay: day(2024, 12, 31), toDay: day(2025, 12, 31) };

  it('a client that started in March is judged on March–December, not on the empty months before', () => {
    const started = { abc: 'A' as const, revenue: 1000, firstMonth: ym(2025, 3), periods: months(ym(2025, 3), 100, 100, 100, 100, 100, 100, 100, 100, 100, 100) };
    const m = abcXyzMatrix([started], year25);
    expect(m.cells.A.X.clients).toBe(1);
    expect(m.clientPeriods[0]).toBe(10);
    // the same amounts judged over the whole year (as XYZCLASS over 12 cells would): irregular
    expect(clientXyz({ periods: started.periods, firstMonth: ym(2025, 1) }, { first: ym(2025, 1), last: ym(2025, 12) }).kind === 'class' && clientXyz({ periods: started.periods, firstMonth: ym(2025, 1) }, { first: ym(2025, 1), last: ym(2025, 12) })).toMatchObject({ xyz: 'Z' });
  });

  it('a client that buys once a quarter is Z by month and X by quarter', () => {
    const quarterly = { abc: 'B' as const, revenue: 400, firstMonth: ym(2025, 1), periods: new Map([[ym(2025, 2), 100], [ym(2025, 5), 100], [ym(2025, 8), 105], [ym(2025, 11), 95]]) };
    expect(abcXyzMatrix([quarterly], year25, { x: 0.1, y: 0.25, period: 'month' }).cells.B.Z.clients).toBe(1);
    const q = abcXyzMatrix([quarterly], year25, { x: 0.1, y: 0.25, period: 'quarter' });
    expect(q.cells.B.X.clients).toBe(1);
    expect(q.span).toEqual({ first: 2025 * 4, last: 2025 * 4 + 3, count: 4 });
    expect(q.months).toEqual({ first: ym(2025, 1), last: ym(2025, 12), count: 12 });
    expect(q.clientPeriods[0]).toBe(4);
  });

  it('a first sale before the window: the whole window counts, empty months included', () => {
    const old = { abc: 'A' as const, revenue: 600, firstMonth: ym(2023, 6), periods: months(ym(2025, 7), 100, 100, 100, 100, 100, 100) };
    const m = abcXyzMatrix([old], year25);
    expect(m.clientPeriods[0]).toBe(12);
    expect(m.cells.A.Z.clients).toBe(1);
  });

  it('only complete periods: a window ending on 9 December leaves December out, one starting on the 10th leaves that month out', () => {
    expect(seriesPeriods([], { fromDay: day(2010, 12, 9), toDay: day(2011, 12, 9) })).toEqual({ first: ym(2011, 1), last: ym(2011, 11) });
    expect(seriesPeriods([], { fromDay: day(2010, 12, 9), toDay: day(2011, 12, 9) }, 'quarter')).toEqual({ first: 2011 * 4, last: 2011 * 4 + 2 });
    expect(seriesPeriods([], { fromDay: day(2024, 12, 31), toDay: day(2025, 3, 31) }, 'quarter')).toEqual({ first: 2025 * 4, last: 2025 * 4 });
    // no bounded start: from the first period the data covers whole (data from December: quarters from January)
    const data = [{ abc: 'A' as const, revenue: 1, periods: months(ym(2010, 12), 1, 1) }];
    expect(seriesPeriods(data, { fromDay: -Infinity, toDay: day(2011, 12, 9) })).toEqual({ first: ym(2010, 12), last: ym(2011, 11) });
    expect(seriesPeriods(data, { fromDay: -Infinity, toDay: day(2011, 12, 9) }, 'quarter')).toEqual({ first: 2011 * 4, last: 2011 * 4 + 2 });
    // no window at all: the periods of the data
    expect(seriesPeriods(data, null)).toEqual({ first: ym(2010, 12), last: ym(2011, 1) });
  });

  it('a client whose first sale is in the last period has one period: no class, counted as too few', () => {
    const m = abcXyzMatrix([{ abc: 'C', revenue: 5, firstMonth: ym(2025, 12), periods: months(ym(2025, 12), 5) }], year25);
    expect(m.reasons.tooFewPeriods).toBe(1);
    expect(m.clientPeriods[0]).toBe(1);
    expect(m.periodsPerClient).toEqual({ min: 1, median: 1, max: 1 });
  });

  it('cut-offs are the caller’s: the same client is Z, Y or X as they widen; bad cut-offs are refused', () => {
    const c = { abc: 'A' as const, revenue: 400, firstMonth: ym(2025, 1), periods: months(ym(2025, 1), ...Array.from({ length: 12 }, (_, i) => (i % 2 ? 70 : 130))) }; // cv 30 %
    expect(abcXyzMatrix([c], year25).cells.A.Z.clients).toBe(1);
    expect(abcXyzMatrix([c], year25, { x: 0.1, y: 0.3 }).cells.A.Y.clients).toBe(1);
    expect(abcXyzMatrix([c], year25, { x: 0.35, y: 0.5 }).cells.A.X.clients).toBe(1);
    expect(() => abcXyzMatrix([c], year25, { x: 0.3, y: 0.2 })).toThrow();
    expect(() => abcXyzMatrix([c], year25, { x: 0, y: 0.2 })).toThrow();
  });
});

/**
 * Generated B2B logs: clients that start at any month, buy every 1, 2 or 3 months (sometimes
 * skipping an order, sometimes returning goods), with a review window that may cut months. The
 * matrix from the analysis (core's aggregate → abcXyzMatrix) equals a brute force written here
 * from the definition, day by day.
 */
describe('XYZ from a generated log equals a brute force from the definition', () => {
  /** `fromDay` null: the window has no start (all of the log). */
  function brute(orders: Map<string, Array<[number, number]>>, abc: Map<string, string | null>, fromDay: number | null, toDay: number, period: XyzPeriod, x: number, y: number): Map<string, string> {
    const k = period === 'quarter' ? 3 : 1;
    const periodOf = (d: number) => {
      const dt = new Date(d * 86400000);
      return Math.floor((dt.getUTCFullYear() * 12 + dt.getUTCMonth()) / k);
    };
    const startOf = (p: number) => Date.UTC(Math.floor((p * k) / 12), (p * k) % 12, 1) / 86400000;
    // complete periods of the window; without a start, from the first the data covers whole
    let first: number;
    if (fromDay !== null) {
      first = periodOf(fromDay + 1);
      if (startOf(first) !== fromDay + 1) first++;
    } else {
      const firstDay = Math.min(...[...orders.values()].flat().map(([d]) => d));
      const dt = new Date(firstDay * 86400000);
      const month = dt.getUTCFullYear() * 12 + dt.getUTCMonth();
      first = Math.floor(month / k);
      if (month % k !== 0) first++;
    }
    let last = periodOf(toDay);
    if (startOf(last + 1) - 1 !== toDay) last--;
    const out = new Map<string, string>();
    for (const [client, list] of orders) {
      const cls = abc.get(client);
      if (!cls) continue;
      const firstSale = Math.min(...list.filter(([d]) => d <= toDay).map(([d]) => d));
      const from = Math.max(first, periodOf(firstSale));
      const values: number[] = [];
      for (let p = from; p <= last; p++) values.push(list.filter(([d]) => (fromDay === null || d > fromDay) && d <= toDay && periodOf(d) === p).reduce((s, [, a]) => s + a, 0));
      if (values.length < 2) {
        out.set(client, `${cls}-few`);
        continue;
      }
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      if (mean <= 0) {
        out.set(client, `${cls}-${mean === 0 ? 'zero' : 'neg'}`);
        continue;
      }
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
      const cv = sd / mean;
      out.set(client, cls + (cv <= x + 1e-12 ? 'X' : cv <= y + 1e-12 ? 'Y' : 'Z'));
    }
    return out;
  }

  it.each([1, 2, 3, 4, 5, 6])('seed %i: by month and by quarter, default and edited cut-offs', (seed) => {
    const rnd = seededRandom(seed);
    const start = day(2023, 1, 1);
    const end = day(2025, 6, 30) - Math.floor(rnd() * 40); // the log may end mid-month
    const grid: CellValue[][] = [['Date', 'Client', 'Invoice', 'Amount']];
    const orders = new Map<string, Array<[number, number]>>();
    let inv = 1;
    for (let c = 0; c < 120; c++) {
      const name = `Client ${c}`;
      const every = 1 + Math.floor(rnd() * 3);
      let d = start + Math.floor(rnd() * 800);
      const list: Array<[number, number]> = [];
      const base = 100 + Math.floor(rnd() * 5000);
      while (d <= end) {
        if (rnd() > 0.1) {
          const amount = Math.round(base * (0.8 + 0.4 * rnd()) * 100) / 100;
          list.push([d, amount]);
          if (rnd() < 0.05) list.push([d + 3, -Math.round(amount * 30) / 100]);
        }
        d += every * 30 + Math.floor(rnd() * 9) - 4;
      }
      const kept = list.filter(([dd]) => dd <= end);
      if (kept.length === 0) continue;
      orders.set(name, kept);
      for (const [dd, a] of kept) grid.push([dd + 25569, name, `INV${inv++}`, a]);
    }
    const asOfDay = end;
    for (const windowMonths of [12, 'all'] as const) {
      const a = analyzeGrid(grid, { windowMonths, asOfDay, periods: true });
      const window = a.aggregation.window!;
      const abc = new Map(a.clients.map((c) => [c.name, c.abc]));
      for (const period of ['month', 'quarter'] as const) {
        for (const [x, y] of [[0.1, 0.25], [0.2, 0.5]]) {
          const expected = brute(orders, abc, Number.isFinite(window.fromDay) ? window.fromDay : null, window.toDay, period, x, y);
          const m = abcXyzMatrix(a.clients, window, { x, y, period });
          const want = new Map<string, number>();
          for (const v of expected.values()) want.set(v, (want.get(v) ?? 0) + 1);
          for (const cls of ['A', 'B', 'C'] as const) for (const z of ['X', 'Y', 'Z'] as const) expect([cls + z, m.cells[cls][z].clients]).toEqual([cls + z, want.get(cls + z) ?? 0]);
          const few = [...expected.values()].filter((v) => v.endsWith('-few')).length;
          expect(m.reasons.tooFewPeriods).toBe(few);
        }
      }
    }
  });
});

/**
 * The real log (UCI Online Retail, 2010-12-01 … 2011-12-09, 4,372 customers): with the series
 * over all months of the log every client was Z or unclassified. Now the classes rest on the
 * complete periods since each client's first order; the counts are checked against a brute force
 * over the raw lines (split by hand, not core's parser) and printed for the record.
 */
describe('Online Retail', () => {
  let lines: string[];
  beforeAll(async () => {
    lines = gunzipSync(await fs.readFile(DATA)).toString('utf8').trim().split('\n');
  });

  it.each(['month', 'quarter'] as const)('by %s: X, Y and Z clients as the definition gives them', (period) => {
    const grid = parseCsv(lines.join('\n'));
    const a = analyzeGrid(grid, { windowMonths: 'all', periods: true });
    const m = abcXyzMatrix(a.clients, a.aggregation.window, { x: 0.1, y: 0.25, period });
    // brute force: complete periods from the first one the data covers whole to the last before 2011-12-09
    const k = period === 'quarter' ? 3 : 1;
    // data from 2010-12-01: months from December 2010, quarters from Q1 2011 (Q4 2010 has one month of data)
    const first = period === 'quarter' ? Math.floor(ym(2011, 1) / 3) : ym(2010, 12);
    // the last complete period before 2011-12-09: November, or Q3 (Q4 is cut on 9 December)
    const last = period === 'quarter' ? Math.floor(ym(2011, 9) / 3) : ym(2011, 11);
    const byClient = new Map<string, { first: number; amounts: Map<number, number> }>();
    for (let i = 1; i < lines.length; i++) {
      const [, date, cust, , amount] = lines[i].trim().split(',');
      const p = Math.floor((+date.slice(0, 4) * 12 + +date.slice(5, 7) - 1) / k);
      const e = byClient.get(cust) ?? { first: Infinity, amounts: new Map<number, number>() };
      e.first = Math.min(e.first, p);
      e.amounts.set(p, (e.amounts.get(p) ?? 0) + parseFloat(amount));
      byClient.set(cust, e);
    }
    const abc = new Map(a.clients.map((c) => [c.name, c.abc]));
    const want: Record<string, number> = { X: 0, Y: 0, Z: 0, none: 0 };
    for (const [cust, e] of byClient) {
      if (!abc.get(cust)) continue;
      const values: number[] = [];
      for (let p = Math.max(first, e.first); p <= last; p++) values.push(e.amounts.get(p) ?? 0);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      if (values.length < 2 || !(mean > 0)) {
        want.none++;
        continue;
      }
      const cv = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length) / mean;
      want[cv <= 0.1 + 1e-12 ? 'X' : cv <= 0.25 + 1e-12 ? 'Y' : 'Z']++;
    }
    const got = { X: 0, Y: 0, Z: 0, none: 0 };
    for (const cls of ['A', 'B', 'C'] as const) {
      for (const z of ['X', 'Y', 'Z'] as const) got[z] += m.cells[cls][z].clients;
      got.none += m.unclassified[cls].clients;
    }
    expect(got).toEqual(want);
    expect(m.span!.count).toBe(period === 'quarter' ? 3 : 12);
    // the point of the change: steady buyers exist in this log
    expect(got.X + got.Y).toBeGreaterThan(0);
    process.stdout.write(`Online Retail XYZ by ${period}: ${JSON.stringify(got)}, periods per client ${JSON.stringify(m.periodsPerClient)}, reasons ${JSON.stringify(m.reasons)}\n`);
  });
});
