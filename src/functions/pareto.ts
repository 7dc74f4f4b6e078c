import { AbcClass, AbcCutoffs, DEFAULT_ABC, validateCutoffs } from '../core/abcClasses';
import { abcBoundaries, AbcBoundaries, abcClassesByValue, abcClassOfValue } from '../core/abcByValue';
import { isRangeNumber, numbersInRange } from '../core/rangeNumbers';
import { cumulativeShareOfValue, shareOfValue } from '../core/shares';
import { ValueRanking, valueRanking } from '../core/valueRanking';
import { errorCell, errorCodeOf, fail, Grid, readNumber, readPair } from './excelArgs';
import { M } from './messages';
import { derived, population, Population } from './populationCache';

/**
 * The Pareto side of the custom functions: ABC segments of a whole range (spilled) or of one
 * value among all values, and shares — all answered from core's value ranking, cached by the
 * content of the "all values" range (see populationCache).
 */

/** ABC cut-offs from an optional two-number argument (default 80% / 95%); unusable ones are #VALUE! naming the argument. */
export function readAbcCutoffs(grid: Grid | undefined, name: string): AbcCutoffs {
  if (!grid) return DEFAULT_ABC;
  const [a, b] = readPair(grid, name);
  const problem = validateCutoffs({ a, b });
  if (problem) fail('#VALUE!', M.problem(name, problem));
  return { a, b };
}

export function rankingOf(p: Population): ValueRanking {
  return derived(p, 'ranking', () => valueRanking(p.numbers));
}

function boundariesOf(p: Population, cutoffs: AbcCutoffs): AbcBoundaries {
  return derived(p, `abc:${cutoffs.a}:${cutoffs.b}`, () => abcBoundaries(rankingOf(p), cutoffs));
}

/**
 * ABC class of every cell of a range, in the range's shape: A/B/C for numbers > 0, "" for
 * numbers <= 0, blanks and text (no class), and an input error value repeated in its own cell
 * (it takes no part in the totals; #REF!, #NAME? and errors a function cannot return become
 * #VALUE! with a message). The spill keeps one answer per input cell, so the error stays in
 * sight on its row, unlike an aggregate (GINI, CUMSHARE, …) which would hide it: those return it.
 */
export function segmentsOfRange(grid: Grid, cutoffs: AbcCutoffs): Array<Array<string | CustomFunctions.Error>> {
  const classes = abcClassesByValue(numbersInRange(grid), cutoffs);
  let k = 0;
  const segment = (v: unknown): string | CustomFunctions.Error => {
    if (isRangeNumber(v)) return classes[k++] ?? '';
    const code = typeof v === 'string' || (v !== null && typeof v === 'object') ? errorCodeOf(v) : undefined;
    return code ? errorCell(code) : '';
  };
  const out: Array<Array<string | CustomFunctions.Error>> = new Array(grid.length);
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (row.length === 1) {
      out[r] = [segment(row[0])]; // a column: one small literal per row is the fast path
    } else {
      const o: Array<string | CustomFunctions.Error> = [];
      for (let c = 0; c < row.length; c++) o.push(segment(row[c]));
      out[r] = o;
    }
  }
  return out;
}

/** The value argument of a one-value form: a blank counts as 0, an error propagates. */
export function readValue(v: unknown, name = 'value'): number {
  return readNumber(v, name, 0);
}

/** ABC class of the first client with `value` among `all`: "" for value <= 0; #N/A when not among them. */
export function segmentOfValue(value: number, all: Grid, cutoffs: AbcCutoffs, rangeName: string): AbcClass | '' {
  const p = population(all, rangeName);
  const cls = abcClassOfValue(rankingOf(p), boundariesOf(p, cutoffs), value);
  if (cls === undefined) fail('#N/A', M.notAmong('value', value, rangeName));
  return cls ?? '';
}

export function cumulativeShare(value: number, all: Grid): number {
  const s = cumulativeShareOfValue(rankingOf(population(all, 'allValues')), value);
  if (s === undefined) fail('#N/A', M.notAmong('value', value, 'allValues'));
  return s;
}

export function revenueShare(value: number, all: Grid): number {
  return shareOfValue(rankingOf(population(all, 'allValues')), value);
}

/** Positive values sorted largest first, for Gini, HHI and top shares; an error in the range propagates. */
export function sortedDesc(values: Grid, name = 'values'): Float64Array {
  return rankingOf(population(values, name)).desc;
}
