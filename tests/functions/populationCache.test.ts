/**
 * The content cache behind the "all values" arguments: the same values passed again (as a new
 * array, the way Excel passes every call's arguments) reuse the ranking; any change is seen.
 */
import fc from 'fast-check';
import { numbersInRange } from '../../src/core/rangeNumbers';
import { clearPopulationCache, derived, population, populationCacheStats } from '../../src/functions/populationCache';
import { paretoSegment, cumShare } from '../../src/functions/functions';
import { StubError, ErrorCode } from './harness';

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = { associate: () => undefined, Error: StubError, ErrorCode };
});

beforeEach(() => clearPopulationCache());

const col = (xs: unknown[]) => xs.map((x) => [x]);

test('same content in a fresh array is a hit; derived values are computed once', () => {
  const values = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1009);
  const p1 = population(col(values));
  let made = 0;
  derived(p1, 'x', () => ++made);
  const p2 = population(col([...values]));
  expect(p2).toBe(p1);
  expect(derived(p2, 'x', () => ++made)).toBe(1);
  expect(populationCacheStats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
});

test('a change anywhere — also between sampled cells — is a miss with the right answer', () => {
  const values = Array.from({ length: 10000 }, (_, i) => 1 + (i % 97));
  expect(paretoSegment([[50]], col(values))).toEqual([['A']]);
  const changed = [...values];
  changed[4321] = 1e9; // not one of the 32 sampled cells, same shape
  expect(paretoSegment([[50]], col(changed))).toEqual([['C']]); // the new giant takes 95%+ of the total
  expect(populationCacheStats().misses).toBe(2);
  // text and blanks are not numbers: they do not change the population
  const withText = col(values);
  withText.push(['Total'], [null]);
  expect(population(withText).numbers).toEqual(population(col(values)).numbers);
  // an error value is returned (as SUM does), even when the same numbers are cached
  const withError = col(values);
  withError.push([{ type: 'Error', basicValue: '#N/A' }]);
  let thrown: unknown;
  try {
    population(withError, 'allValues');
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toMatchObject({ code: '#N/A', message: { en: expect.stringMatching(/^allValues, row 10001, column 1: #N\/A\./) } });
});

test('filled down: 500 calls with the same 100,000 values rank them once', () => {
  const values = Array.from({ length: 100000 }, (_, i) => ((i * 2654435761) % 1000003) / 100);
  const range = col(values);
  const copy = col(values); // another array with the same content, as Excel passes to another call
  for (let i = 0; i < 500; i++) {
    paretoSegment([[values[i]]], range);
    cumShare(values[i], copy);
  }
  expect(populationCacheStats()).toMatchObject({ misses: 1, hits: 999 });
});

test('bounded: at most 8 ranges are kept, least recently used first out', () => {
  for (let k = 0; k < 12; k++) population(col([k, k + 1, k + 2]));
  expect(populationCacheStats().entries).toBe(8);
  population(col([11, 12, 13])); // still there
  expect(populationCacheStats().misses).toBe(12);
  population(col([0, 1, 2])); // evicted
  expect(populationCacheStats().misses).toBe(13);
});

test('a wrong call through the module still becomes an Excel error', () => {
  expect(() => paretoSegment([[5]], col([1, 2, 3]))).toThrow(StubError);
});

/** The cells the fingerprint reads (see populationCache): 32 evenly spaced positions, row-major. */
function sampledPositions(cells: number): Set<number> {
  const out = new Set<number>();
  for (let s = 0; s < 32; s++) out.add(Math.floor((s * (cells - 1)) / 31));
  return out;
}

/** What a function gives: its value, or the Excel error it throws (#N/A when the value is gone). */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return { thrown: e };
  }
}

const editValue = fc.oneof(
  fc.integer({ min: -1_000_000, max: 100_000_000 }).map((x) => x / 100), // another amount (or the same one)
  fc.constant(null), // cleared
  fc.constantFrom('Total', '12', '#N/A'), // text, text that looks like a number, an error as text
  fc.constant({ type: 'Error', basicValue: '#DIV/0!' }), // an error value
  fc.constantFrom(Infinity, NaN), // what only a program can pass: not a range number
);

test('an edit of any one cell is seen — also in the cells the fingerprint never samples (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 10_000_000 }).map((x) => x / 100), { minLength: 40, maxLength: 600 }),
      fc.constantFrom(1, 2, 3), // columns of the range
      fc.nat(),
      fc.boolean(), // pick among the cells the fingerprint skips
      editValue,
      (values, cols, at, unsampled, v) => {
        const cells = values.length - (values.length % cols);
        const grid = (xs: unknown[]) => Array.from({ length: cells / cols }, (_, r) => xs.slice(r * cols, r * cols + cols));
        const skipped = [...Array(cells).keys()].filter((p) => !sampledPositions(cells).has(p));
        const pos = unsampled && skipped.length ? skipped[at % skipped.length] : at % cells;
        clearPopulationCache();
        const before = grid(values);
        const cached = population(before);
        derived(cached, 'ranking', () => 'of the values before the edit');
        const edited = values.slice(0, cells) as unknown[];
        edited[pos] = v;
        const fresh = grid(edited);
        const isError = typeof v === 'object' && v !== null;
        if (isError || v === '#N/A') {
          expect(() => population(fresh)).toThrow();
          return;
        }
        const p = population(fresh);
        // exactly the numbers of the edited range, and the old ranking only when they are the same
        expect(Array.from(p.numbers)).toEqual(Array.from(numbersInRange(fresh)));
        if (p === cached) expect(Array.from(p.numbers)).toEqual(Array.from(numbersInRange(before)));
        // and the answers of the functions are those of a cold cache
        const value = values[0];
        const answers = () => [outcome(() => paretoSegment([[value]], fresh)), outcome(() => cumShare(value, fresh))];
        const warm = answers();
        clearPopulationCache();
        expect(warm).toEqual(answers());
      },
    ),
    { numRuns: 400 },
  );
});
