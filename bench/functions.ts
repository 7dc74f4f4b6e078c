/**
 * Benchmark of the CLIENTS.* custom functions, called directly from the compiled functions
 * module (no Excel, no Office globals: a minimal CustomFunctions stub stands in for the runtime).
 *
 * - PARETOSEGMENT spilled over 400,000 cells (a header, ~10% blanks, totals): about 4.5 MB as
 *   Excel marshals it, near the 5 MB a call can receive (a whole column is refused, see
 *   src/functions/excelArgs.ts readRange).
 * - PARETOSEGMENT in its one-value form filled down 10,000 rows against the same 100,000-value
 *   range. Excel passes every call its own array: here two arrays with the same content take
 *   turns, so a cache keyed by the array object could not hit; the content cache checks each in
 *   one exact O(n) pass (see src/functions/populationCache.ts for why not less) and reuses the
 *   ranking, so only the first call sorts.
 * - CUMSHARE filled down the same way.
 *
 * Used by bench/run.ts: `const rows = await benchFunctions()`.
 */
export interface BenchRow {
  name: string;
  ms: number;
  note: string;
}

function installRuntimeStub(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (g.CustomFunctions !== undefined) return;
  class StubError {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }
  g.CustomFunctions = {
    associate: () => undefined,
    Error: StubError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
  };
}

/** Deterministic client totals: a long-tailed (log-uniform) distribution, cents rounded. */
function totals(n: number, seed: number): number[] {
  const out = new Array<number>(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    out[i] = Math.round(Math.exp((s / 0x7fffffff) * 12) * 100) / 100;
  }
  return out;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
}

export async function benchFunctions(): Promise<BenchRow[]> {
  installRuntimeStub();
  const fns = await import('../src/functions/functions');
  const cache = await import('../src/functions/populationCache');
  const rows: BenchRow[] = [];

  // 1. Full-column spill
  const N = 400000;
  const values = totals(N, 20240601);
  const column: unknown[][] = values.map((v, i) => [i === 0 ? 'Revenue' : i % 10 === 0 ? null : v]);
  const runs: number[] = [];
  let spilled = 0;
  for (let r = 0; r < 3; r++) {
    gc();
    const { ms, value } = time(() => fns.paretoSegment(column));
    runs.push(ms);
    spilled = value.length;
  }
  rows.push({
    name: 'PARETOSEGMENT spill, 400,000 cells',
    ms: Math.min(...runs),
    note: `best of 3 (${runs.map((x) => x.toFixed(0)).join(' / ')} ms); ${spilled.toLocaleString('en-US')} rows spilled`,
  });

  // 2. One-value form filled down 10,000 rows against the same 100,000-value range
  const M = 100000;
  const CALLS = 10000;
  const all: unknown[][] = totals(M, 77).map((v) => [v]);
  // another array with the same content (as JSON.parse of Excel's message would give it)
  const other: unknown[][] = JSON.parse(JSON.stringify(all)) as unknown[][];
  const arg = (i: number) => (i % 2 === 0 ? all : other);
  cache.clearPopulationCache();
  gc();
  const first = time(() => fns.paretoSegment([[all[0][0]]], arg(0)));
  const rest = time(() => {
    for (let i = 1; i < CALLS; i++) fns.paretoSegment([[all[i][0]]], arg(i));
  });
  const st = cache.populationCacheStats();
  rows.push({
    name: 'PARETOSEGMENT one value, filled down 10,000 × 100k range',
    ms: first.ms + rest.ms,
    note: `first call ${first.ms.toFixed(1)} ms (ranking), then ${((rest.ms / (CALLS - 1)) * 1000).toFixed(0)} µs per call (exact O(n) content check, cached ranking); cache ${st.hits} hits / ${st.misses} miss`,
  });

  // 3. CUMSHARE filled down the same way (shares the cached ranking with PARETOSEGMENT)
  gc();
  const cum = time(() => {
    for (let i = 0; i < CALLS; i++) fns.cumShare(all[i][0], arg(i));
  });
  rows.push({
    name: 'CUMSHARE one value, filled down 10,000 × 100k range',
    ms: cum.ms,
    note: `${((cum.ms / CALLS) * 1000).toFixed(0)} µs per call`,
  });
  cache.clearPopulationCache();
  return rows;
}
