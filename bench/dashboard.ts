/**
 * Dashboard bench (issue 6): building everything the dashboard shows for 100,000 clients, from
 * an analysis already made (as in the pane: the review's analysis is reused, no second pass over
 * the sheet). Synthetic clients with a long-tailed revenue, 12 months of per-period values each,
 * the previous tier for most of them, and a Tier history of the same size.
 *
 * `benchDashboard()` returns one row per builder (best of a few runs, ms); run this file
 * directly (`node --expose-gc dist-cli/bench/dashboard.js` after `npm run build:cli`) to print them.
 * "Interactive" means the whole build stays well under the ~100 ms a click may take.
 */
import { performance } from 'perf_hooks';
import {
  abcXyzMatrix,
  analysisSegments,
  analyzeClients,
  buildDashboard,
  CellValue,
  ClientAgg,
  DEFAULT_RULES,
  dashboardKpis,
  lorenzChart,
  paretoChart,
  programmePlan,
  rankedClients,
  seededRandom,
  tierMix,
} from '../src/core';

export interface BenchRow {
  name: string;
  ms: number;
  note: string;
}


/** n clients: log-normal revenue over 12 months (Jan–Dec 2025), some silent months, previous tiers. */
export function syntheticClients(n: number, seed = 6): ClientAgg[] {
  const rnd = seededRandom(seed);
  const first = 2025 * 12;
  const tiers = ['VIP', 'Key', 'Standard', 'Standard', 'Standard'];
  const out: ClientAgg[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const scale = Math.exp(6 + 2.2 * (rnd() + rnd() + rnd() - 1.5));
    const periods = new Map<number, number>();
    let total = 0;
    for (let m = 0; m < 12; m++) {
      if (rnd() < 0.25) continue;
      const v = Math.round(scale * (0.5 + rnd()) * 100) / 100;
      periods.set(first + m, v);
      total += v;
    }
    out[i] = {
      key: `client ${i}`,
      name: `Client ${i}`,
      total,
      revenue: total,
      orders: periods.size,
      lastDay: null,
      rows: [],
      previousTier: rnd() < 0.8 ? tiers[Math.floor(rnd() * tiers.length)] : undefined,
      periods,
    };
  }
  return out;
}

/** A Tier history sheet of one earlier review for these clients (as readOwnedSheet returns it). */
export function syntheticHistory(clients: ClientAgg[]): CellValue[][] {
  const rows: CellValue[][] = [['Review date', 'Client', 'From', 'To', 'Status', 'Figure', 'Bar', 'Reviews below', 'Rule set']];
  for (const c of clients) if (c.previousTier) rows.push([45838, c.name, '', c.previousTier, 'New', c.total, '', 0, 'Pareto 50/80']);
  return rows;
}

function gc(): void {
  const g = (global as unknown as { gc?: () => void }).gc;
  if (g) g();
}

function best(fn: () => unknown, repeats: number): number {
  let min = Infinity;
  for (let i = 0; i < repeats; i++) {
    gc();
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

export async function benchDashboard(clientsCount = 100_000, repeats = 5): Promise<BenchRow[]> {
  const clients = syntheticClients(clientsCount);
  const history = syntheticHistory(clients);
  // best of three after a collection, like every other figure (the first, cold call of a
  // process that has just run the other benches mostly measures the garbage collector)
  const analyzeMs = best(() => analyzeClients(clients, DEFAULT_RULES), 3);
  const analysis = analyzeClients(clients, DEFAULT_RULES);
  const window = { fromDay: Date.UTC(2024, 11, 31) / 86400000, toDay: Date.UTC(2025, 11, 31) / 86400000 };
  const a = { ...analysis, aggregation: { window: { ...window, from: '2025-01-01', to: '2025-12-31', months: 12 as const } } };
  const { desc, ranked } = rankedClients(a.clients);
  const n = clientsCount.toLocaleString('en-US');
  const rows: BenchRow[] = [
    { name: `analyzeClients, ${n} clients (reference, not part of the dashboard)`, ms: analyzeMs, note: 'the review already did this; best of 3' },
    { name: 'rankedClients', ms: best(() => rankedClients(a.clients), repeats), note: 'clients in rank order, O(n)' },
    { name: 'paretoChart (≤ 40 bands)', ms: best(() => paretoChart(desc, { maxBands: 40, clientAt: (i) => ranked[i] }), repeats), note: 'bands + exact line + 80% crossing' },
    { name: 'lorenzChart', ms: best(() => lorenzChart(desc), repeats), note: 'exact points + Gini' },
    { name: 'dashboardKpis', ms: best(() => dashboardKpis(a), repeats), note: 'figures from the analysis' },
    { name: `tierMix (history of ${(history.length - 1).toLocaleString('en-US')} rows)`, ms: best(() => tierMix(a, history), repeats), note: 'movements since the last review' },
    { name: 'abcXyzMatrix (12 months)', ms: best(() => abcXyzMatrix(a.clients, window), repeats), note: 'XYZ class per client' },
    { name: 'programme plan', ms: best(() => programmePlan(analysisSegments(a)), repeats), note: 'segments + staff' },
    { name: `buildDashboard, ${n} clients (all of the above)`, ms: best(() => buildDashboard(a, { history }), repeats), note: 'what the Dashboard tab computes once per review' },
  ];
  return rows;
}

if (require.main === module) {
  void benchDashboard().then((rows) => {
    const w = Math.max(...rows.map((r) => r.name.length));
    for (const r of rows) console.log(`${r.name.padEnd(w)}  ${r.ms.toFixed(1).padStart(8)} ms  ${r.note}`);
  });
}
