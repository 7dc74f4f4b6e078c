/**
 * Secondary bench, "analysis only (in memory)": the analysis from raw cell arrays (as Range.values gives them) to per-client
 * aggregates, ABC classes, tiers with reasons and concentration figures, on a full Excel sheet:
 * 1,048,575 transaction rows for ~100,000 clients. Also smaller sizes, to show that time and
 * memory grow linearly, and the real Online Retail log.
 *
 * It leaves out start-up, reading the file and CSV parsing, and its memory column is the heap
 * left after the call, not the peak: it is NOT what a user waits for. `bench/run.ts` (npm run
 * bench) measures the real command line as whole processes and records this one beside it,
 * labelled "analysis only (in memory)". Run alone: `node --expose-gc dist-cli/bench/analysisInMemory.js`.
 */
import { promises as fs, existsSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { analyzeGrid, CellValue, parseCsv, seededRandom } from '../src/core';

export interface InMemoryRow {
  name: string;
  rows: number;
  clients: number;
  ms: number;
  msMin: number;
  heapMB: number;
  rssMB: number;
  note: string;
}


/**
 * A transaction log as Excel hands it over: date serials, invoice text, client text, amounts.
 * `grouped`: one line per invoice item, the lines of an invoice together (1–9 lines, as in real
 * line-item exports such as Online Retail); otherwise every row is a different random client
 * (the worst case for look-ups).
 */
export function syntheticLog(rows: number, clients: number, seed = 1, grouped = true): CellValue[][] {
  const rnd = seededRandom(seed);
  const grid: CellValue[][] = new Array(rows + 1);
  grid[0] = ['Date', 'Invoice', 'Client', 'Amount'];
  const start = 45292; // 2024-01-01
  let r = 1;
  let invoice = 100000;
  while (r <= rows) {
    // Zipf-like client popularity: a few clients place many orders
    const c = Math.floor(clients * Math.pow(rnd(), 1.6));
    const lines = grouped ? 1 + Math.floor(rnd() * 9) : 1;
    const date = start + Math.floor(rnd() * 730);
    const inv = 'INV-' + invoice++;
    for (let k = 0; k < lines && r <= rows; k++, r++) {
      const amount = Math.round(Math.exp(1 + 2 * rnd() + 1.5 * rnd()) * 100) / 100;
      const client = grouped ? c : Math.floor(clients * Math.pow(rnd(), 1.6));
      grid[r] = [date, inv, 'Client ' + String(client).padStart(6, '0'), rnd() < 0.02 ? -amount : amount];
    }
  }
  // Range.values arrives as JSON: flat, distinct string objects per cell, as here
  return JSON.parse(JSON.stringify(grid)) as CellValue[][];
}

function gc(): void {
  const g = (global as unknown as { gc?: () => void }).gc;
  if (g) g();
}

function measure(name: string, grid: CellValue[][], note: string, repeats = 3): InMemoryRow {
  let best = Infinity;
  let total = 0;
  let clients = 0;
  let heap = 0;
  let rss = 0;
  for (let i = 0; i < repeats; i++) {
    gc();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    const t0 = process.hrtime.bigint();
    const a = analyzeGrid(grid, { windowMonths: 'all' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const after = process.memoryUsage();
    peakHeap = Math.max(peakHeap, after.heapUsed);
    heap = Math.max(heap, (peakHeap - before.heapUsed) / 2 ** 20);
    rss = Math.max(rss, after.rss / 2 ** 20);
    clients = a.clients.length;
    best = Math.min(best, ms);
    total += ms;
  }
  return { name, rows: grid.length - 1, clients, ms: total / repeats, msMin: best, heapMB: heap, rssMB: rss, note };
}

/** The in-memory cases; `full` rows for the full sheet (smaller for a quick check). */
export async function benchAnalysisInMemory(full = 1048575): Promise<InMemoryRow[]> {
  const results: InMemoryRow[] = [];
  for (const rows of [full >> 3, full >> 2, full >> 1].map((x) => Math.max(1000, x))) {
    const grid = syntheticLog(rows, Math.round((100000 * rows) / full));
    results.push(measure(`synthetic ${rows.toLocaleString('en')} rows`, grid, 'scaling check'));
  }
  {
    const grid = syntheticLog(full, 150000);
    results.push(measure(`synthetic ${full.toLocaleString('en')} rows (full sheet)`, grid, 'cells already in memory'));
  }
  {
    const grid = syntheticLog(full, 100000, 2, false);
    results.push(measure(`worst case: ${full.toLocaleString('en')} rows, client changes every row`, grid, 'no invoice grouping'));
  }
  const realFile = path.join(process.cwd(), 'tests', 'data', 'online-retail-customers.csv.gz');
  if (existsSync(realFile)) {
    const grid = parseCsv(gunzipSync(await fs.readFile(realFile)).toString('utf8'));
    results.push(measure('Online Retail (real, 406,829 rows, text cells)', grid, 'numbers and dates parsed from text'));
  }
  return results;
}

async function main(): Promise<void> {
  const results = await benchAnalysisInMemory();
  const extra: Array<{ name: string; ms: number; note: string }> = [];
  try {
    const fns = require('./functions') as { benchFunctions?: () => Promise<Array<{ name: string; ms: number; note: string }>> };
    if (fns.benchFunctions) extra.push(...(await fns.benchFunctions()));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
  }
  const dash: Array<{ name: string; ms: number; note: string }> = [];
  {
    const d = require('./dashboard') as { benchDashboard?: () => Promise<Array<{ name: string; ms: number; note: string }>> };
    if (d.benchDashboard) dash.push(...(await d.benchDashboard()));
  }
  const lines = [
    `Node ${process.version}, ${require('os').cpus().length} cores${(global as unknown as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for memory figures)'}`,
    '',
    `${'case'.padEnd(54)} ${'rows'.padStart(9)} ${'clients'.padStart(8)} ${'mean ms'.padStart(8)} ${'best ms'.padStart(8)} ${'heap MB'.padStart(8)} ${'rss MB'.padStart(7)}  note`,
  ];
  for (const r of results) {
    lines.push(
      `${r.name.padEnd(54)} ${String(r.rows).padStart(9)} ${String(r.clients).padStart(8)} ${r.ms.toFixed(0).padStart(8)} ${r.msMin.toFixed(0).padStart(8)} ${r.heapMB.toFixed(0).padStart(8)} ${r.rssMB.toFixed(0).padStart(7)}  ${r.note}`,
    );
  }
  const synth = results.filter((r) => r.name.startsWith('synthetic'));
  if (synth.length >= 2) {
    const perRow = synth.map((r) => ((r.heapMB * 2 ** 20) / r.rows).toFixed(0));
    lines.push('', `heap bytes per row by size: ${perRow.join(', ')} (flat = linear growth)`);
  }
  if (extra.length) {
    lines.push('', 'Custom functions:');
    for (const e of extra) lines.push(`  ${e.name.padEnd(60)} ${e.ms.toFixed(1).padStart(9)} ms  ${e.note}`);
  }
  if (dash.length) {
    lines.push('', 'Dashboard (100,000 clients):');
    for (const e of dash) lines.push(`  ${e.name.padEnd(60)} ${e.ms.toFixed(1).padStart(9)} ms  ${e.note}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
