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
 * - fingerprint: the range's shape and 32 evenly spaced cells — O(1), compared as values (no
 *   string is built); it only picks the candidate entry and turns most edits into an O(1) miss;
 * - check: one pass comparing every cell with the cached numbers, exactly (no hash, so no
 *   collisions), stopping at the first difference; columns go four cells per step;
 * - derived values are memoised on the entry, so the sort happens once per content.
 *
 * Why the check reads every cell, even though issue 17 asked for less than O(n) per call: an
 * answer that is never wrong cannot come from less. Excel passes each call a new array (it
 * serialises the arguments of every call, see learn.microsoft.com/office/dev/add-ins/excel/
 * custom-functions-parameter-options), so the identity of the array says nothing; and when a
 * user edits one cell of the range, Excel recalculates every dependent with the new array
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-overview: a function is
 * recalculated when its arguments change) — the first of those calls is the only moment the
 * edit can be seen, and nothing else will ever tell us about it. Any cell the check skips is a
 * cell an edit can hide in (a fingerprint of k cells misses an edit of any other n - k cells,
 * and a sum or hash of all cells costs the same pass as the compare). Nor can the same
 * object be trusted across calls without freezing the caller's array. So the fingerprint only
 * speeds up misses; every hit is one exact pass, about 1.5-2 ns per cell here, far below what
 * Excel itself spends deserialising the argument (JSON of 100,000 numbers: ~15 ms per call).
 * tests/functions/populationCache.test.ts checks that an edit of any one cell — also the cells
 * the fingerprint never samples — changes the answer.
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

interface Fingerprint {
  rows: number;
  cols: number;
  /** the sampled cells: the number, or undefined for anything that is not a range number */
  sample: Array<number | undefined>;
}

interface Entry extends Population {
  print: Fingerprint;
}

const MAX_ENTRIES = 8;
const MAX_CELLS = 4_000_000;
const SAMPLES = 32;

let entries: Entry[] = [];
let stats = { hits: 0, misses: 0 };

function fingerprint(grid: Grid): Fingerprint {
  const rows = grid.length;
  const cols = rows > 0 ? grid[0].length : 0;
  const total = rows * cols;
  const sample: Array<number | undefined> = [];
  if (total > 0) {
    for (let s = 0; s < SAMPLES; s++) {
      const pos = Math.floor((s * (total - 1)) / (SAMPLES - 1));
      const v = grid[Math.floor(pos / cols)]?.[pos % cols];
      sample.push(isRangeNumber(v) ? v : undefined);
    }
  }
  return { rows, cols, sample };
}

function samePrint(a: Fingerprint, b: Fingerprint): boolean {
  if (a.rows !== b.rows || a.cols !== b.cols || a.sample.length !== b.sample.length) return false;
  for (let i = 0; i < a.sample.length; i++) if (a.sample[i] !== b.sample[i]) return false;
  return true;
}

/** One cell against the next cached number: 1 = it was that number, 0 = not a number (skipped), -1 = a difference or an error value. */
function cellAgainst(v: unknown, numbers: Float64Array, j: number): 1 | 0 | -1 {
  if (typeof v === 'number') {
    if (v - v !== 0) return 0; // not finite: not a range number (see numbersInRange)
    return j < numbers.length && numbers[j] === v ? 1 : -1;
  }
  return maybeError(v) && errorCodeOf(v) ? -1 : 0;
}

/** True when the numeric cells of `grid`, in order, are exactly `numbers` and no cell holds an error. */
function sameNumbers(grid: Grid, numbers: Float64Array): boolean {
  const n = numbers.length;
  const rows = grid.length;
  let j = 0;
  let r = 0;
  while (r < rows) {
    const row = grid[r];
    if (row.length === 1) {
      // a column, four cells per step while they are the next four numbers (the hit path: every
      // cached number is finite, so === also says the cell is a range number)
      if (r + 4 <= rows && j + 4 <= n) {
        const b = grid[r + 1];
        const c = grid[r + 2];
        const d = grid[r + 3];
        if (row[0] === numbers[j] && b.length === 1 && b[0] === numbers[j + 1] && c.length === 1 && c[0] === numbers[j + 2] && d.length === 1 && d[0] === numbers[j + 3]) {
          r += 4;
          j += 4;
          continue;
        }
      }
      const k = cellAgainst(row[0], numbers, j);
      if (k < 0) return false;
      j += k;
    } else {
      for (let c = 0; c < row.length; c++) {
        const k = cellAgainst(row[c], numbers, j);
        if (k < 0) return false;
        j += k;
      }
    }
    r++;
  }
  return j === n;
}

/**
 * The population of a range's numbers, from the cache when the same content was seen; an error
 * value in the range throws (named `name`, with its row and column).
 */
export function population(grid: Grid, name = 'allValues'): Population {
  const print = fingerprint(grid);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (samePrint(e.print, print) && sameNumbers(grid, e.numbers)) {
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
  const entry: Entry = { print, numbers: numbersInRange(grid), memo: new Map() };
  if (entry.numbers.length > MAX_CELLS) return entry; // too large to keep
  entries = entries.filter((e) => !samePrint(e.print, print));
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
