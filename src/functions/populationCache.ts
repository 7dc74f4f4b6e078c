import { isRangeNumber, numbersInRange } from '../core/rangeNumbers';
import { errorCodeOf, Grid, maybeError, rejectErrors } from './excelArgs';

/**
 * Content cache for the "all values" range argument.
 *
 * Filled down 10,000 rows, `=CLIENTS.PARETOSEGMENT(C2, C$2:C$100001)` is called 10,000 times
 * with the same 100,000 values, each time as a fresh array (Excel serialises every call's
 * arguments). Ranking them on every call would cost O(n log n) each; instead the numbers and
 * everything derived from them (the ranking, ABC boundaries per cut-offs) are kept per
 * *content*, in a small LRU:
 *
 * - key: the range's shape and a sample of 32 evenly spaced cells — O(1);
 * - check: one O(n) pass comparing every numeric cell with the cached numbers, exactly
 *   (no hash, so no collisions; cheaper than hashing and stops at the first difference);
 * - derived values are memoised on the entry, so the sort happens once per content.
 *
 * A range holding an error value is never cached: it misses (sameNumbers stops at the error) and
 * `population` throws the first error, as SUM does.
 *
 * A range whose content changed simply misses and replaces the entry. Entries are bounded in
 * number and in total cells, so a few full-column ranges cannot hold on to too much memory.
 */
export interface Population {
  /** The range's numbers (see numbersInRange). */
  numbers: Float64Array;
  memo: Map<string, unknown>;
}

interface Entry extends Population {
  key: string;
}

const MAX_ENTRIES = 8;
const MAX_CELLS = 4_000_000;
const SAMPLES = 32;

let entries: Entry[] = [];
let stats = { hits: 0, misses: 0 };

function sampleKey(grid: Grid): string {
  const rows = grid.length;
  const cols = rows > 0 ? grid[0].length : 0;
  const total = rows * cols;
  let key = `${rows}x${cols}`;
  if (total === 0) return key;
  for (let s = 0; s < SAMPLES; s++) {
    const pos = Math.floor((s * (total - 1)) / (SAMPLES - 1));
    const v = grid[Math.floor(pos / cols)]?.[pos % cols];
    key += isRangeNumber(v) ? `|${v}` : '|-';
  }
  return key;
}

/** True when the numeric cells of `grid`, in order, are exactly `numbers` and no cell holds an error. */
function sameNumbers(grid: Grid, numbers: Float64Array): boolean {
  const n = numbers.length;
  let j = 0;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (row.length === 1) {
      // a column: no inner loop
      const v = row[0];
      if (isRangeNumber(v)) {
        if (j === n || numbers[j] !== v) return false;
        j++;
      } else if (maybeError(v) && errorCodeOf(v)) return false;
      continue;
    }
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isRangeNumber(v)) {
        if (j === n || numbers[j] !== v) return false;
        j++;
      } else if (maybeError(v) && errorCodeOf(v)) return false;
    }
  }
  return j === n;
}

/**
 * The population of a range's numbers, from the cache when the same content was seen; an error
 * value in the range throws (named `name`, with its row and column).
 */
export function population(grid: Grid, name = 'allValues'): Population {
  const key = sampleKey(grid);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.key === key && sameNumbers(grid, e.numbers)) {
      if (i > 0) {
        entries.splice(i, 1);
        entries.unshift(e);
      }
      stats.hits++;
      return e;
    }
  }
  stats.misses++;
  rejectErrors(grid, name);
  const entry: Entry = { key, numbers: numbersInRange(grid), memo: new Map() };
  if (entry.numbers.length > MAX_CELLS) return entry; // too large to keep
  entries = entries.filter((e) => e.key !== key);
  entries.unshift(entry);
  let cells = 0;
  entries = entries.filter((e, i) => {
    cells += e.numbers.length;
    return i < MAX_ENTRIES && cells <= MAX_CELLS;
  });
  return entry;
}

/** A value derived from a population, computed once per content and `name`. */
export function derived<T>(p: Population, name: string, make: () => T): T {
  if (p.memo.has(name)) return p.memo.get(name) as T;
  const v = make();
  p.memo.set(name, v);
  return v;
}

/** Cache counters and a reset, for tests and the benchmark. */
export function populationCacheStats(): { hits: number; misses: number; entries: number } {
  return { ...stats, entries: entries.length };
}

export function clearPopulationCache(): void {
  entries = [];
  stats = { hits: 0, misses: 0 };
}
