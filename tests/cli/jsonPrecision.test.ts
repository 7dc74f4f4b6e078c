import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from '../helpers';
import { analysisSummary, analyzeGrid, gini, hhi, CellValue } from '../../src/core';

/**
 * `analyze --json` carries every figure at full double precision: the JSON holds exactly the
 * doubles the analysis computed (rounding is for the readable output only).
 */
let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'client-tiers-json-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

interface Summary {
  [k: string]: unknown;
  clients: number;
  total: number;
  top20Share: number;
  top10Share: number;
  gini: number;
  hhi: number;
  abc: unknown;
  tierRevenue: Record<string, number>;
  bars: Array<{ tier: string; minAmount: number | null }>;
}

async function analyzeCsv(name: string, text: string): Promise<Summary> {
  const file = path.join(tmp, name);
  await fs.writeFile(file, text, 'utf8');
  const r = await cli(['analyze', file, '--json', '--window-months', 'all']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

describe('--json keeps full precision', () => {
  test('HHI and shares of totals 1, 2, 4 (sevenths) are the exact doubles, not 3 or 6 decimals', async () => {
    const j = await analyzeCsv('sevenths.csv', 'Client,Revenue\nA,1\nB,2\nC,4\n');
    expect(j.clients).toBe(3);
    // HHI = (1² + 2² + 4²) / 7² · 10⁴ = 4285.714285714…: the double core computes, bit for bit
    expect(j.hhi).toBe(hhi([1, 2, 4]));
    expect(j.hhi).not.toBe(Math.round(j.hhi * 1000) / 1000);
    expect(Math.abs(j.hhi - 210000 / 49)).toBeLessThan(1e-9);
    expect(j.gini).toBe(gini([1, 2, 4]));
    expect(Math.abs(j.gini - 2 / 7)).toBeLessThan(1e-15); // Σ(2k−n−1)x_(k) / (n Σx) = (−2·1 + 0 + 2·4)/(3·7)
    expect(j.gini).not.toBe(Math.round(j.gini * 1e6) / 1e6);
    // top-20% of 3 clients: the largest one → 4/7
    expect(j.top20Share).toBe(4 / 7);
    expect(j.top10Share).toBe(1);
  });

  test('money keeps fractions of a cent (sums are not rounded to 2 decimals)', async () => {
    const j = await analyzeCsv('cents.csv', 'Client,Revenue\nA,1000.125\nB,0.001\nC,333.3333\n');
    const grid: CellValue[][] = [['Client', 'Revenue'], ['A', 1000.125], ['B', 0.001], ['C', 333.3333]];
    const expected = analysisSummary(analyzeGrid(grid, { windowMonths: 'all' }));
    expect(j.total).toBe(1000.125 + 333.3333 + 0.001);
    expect(j.total).toBe(expected.total);
    expect(j.abc).toEqual(expected.abc);
    expect(j.tierRevenue).toEqual(expected.tierRevenue);
    const revenues = Object.values(j.tierRevenue);
    expect(revenues).toContain(1000.125);
    expect(revenues.some((r) => r === 333.3333 || r === 333.3333 + 0.001)).toBe(true);
    expect(j.bars.find((b) => b.minAmount !== null)?.minAmount).toBe(1000.125);
  });

  test('the in-memory summary and the printed JSON agree to the last bit on a transaction log', async () => {
    const lines = ['Date,Invoice,Client,Amount'];
    const grid: CellValue[][] = [['Date', 'Invoice', 'Client', 'Amount']];
    for (let i = 0; i < 200; i++) {
      const amount = Math.round(((i * 7919) % 1000) * 13.37 + 0.01) / 100 + 1 / 3;
      const text = amount.toPrecision(17);
      const client = `C${i % 37}`;
      const date = `2025-0${1 + (i % 9)}-1${i % 10}`;
      lines.push(`${date},INV${i},${client},${text}`);
      grid.push([date, `INV${i}`, client, text]);
    }
    const j = await analyzeCsv('log.csv', lines.join('\n') + '\n');
    const s = analysisSummary(analyzeGrid(grid, { windowMonths: 'all' }));
    for (const k of ['total', 'top20Share', 'top10Share', 'gini', 'hhi', 'abc', 'tierRevenue', 'bars'] as const) expect(j[k]).toEqual(s[k]);
    expect(Number.isInteger(j.hhi * 1000)).toBe(false);
  });
});
