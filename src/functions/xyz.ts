import { isBlank } from '../core/cells';
import { isRangeNumber } from '../core/rangeNumbers';
import { validateXyzCutoffs, XyzClass, xyzClass, XyzCutoffs } from '../core/xyzClass';
import { fail, Grid, readPair, rejectErrors } from './excelArgs';
import { M } from './messages';

/** XYZ cut-offs from a two-number argument; unusable ones are #VALUE! naming the argument. */
export function readXyzCutoffs(grid: Grid, name: string): XyzCutoffs {
  const [x, y] = readPair(grid, name);
  const problem = validateXyzCutoffs({ x, y });
  if (problem) fail('#VALUE!', M.problem(name, problem));
  return { x, y };
}

/**
 * The per-period values of a range: numbers as they are, and a BLANK PERIOD IS A PERIOD WITHOUT
 * SALES (0). Excel desktop passes a blank cell as 0 and the web as null (office-js #4702, #5262);
 * a function cannot tell a typed 0 from a desktop blank, so both hosts must read blanks as 0 —
 * the usual reading of a period table, where a month without sales is left empty. Text and
 * logical values are skipped; an error value is returned (as SUM does). Pass exactly the
 * periods to judge: months before a client started, or not yet reached, count as no sales.
 *
 * XYZCLASS keeps this meaning (issue 12): the cells given are the series. The dashboard's
 * ABC × XYZ matrix (core abcXyzMatrix) builds each client's series itself — the complete months
 * or quarters since its first order — so to get the dashboard's class in a cell, pass the range
 * from the client's first period with sales to the last complete one (e.g. `C5:N5` for a client
 * who started in March of a Jan–Dec row).
 */
export function periodNumbers(periodValues: Grid, name = 'periodValues'): Float64Array {
  rejectErrors(periodValues, name);
  const out: number[] = [];
  for (const row of periodValues) {
    for (const v of row) {
      if (isRangeNumber(v)) out.push(v);
      else if (isBlank(v)) out.push(0);
    }
  }
  return Float64Array.from(out);
}

/** XYZ class of a range of per-period values (core xyzClass); no class → #VALUE! saying why. */
export function xyzOf(periodValues: Grid, cutoffs: XyzCutoffs): XyzClass {
  const r = xyzClass(periodNumbers(periodValues), cutoffs);
  if (r.kind === 'class') return r.xyz;
  if (r.kind === 'tooFewPeriods') fail('#VALUE!', M.tooFewPeriods(r.periods));
  if (r.kind === 'zeroMean') fail('#VALUE!', M.zeroMean());
  fail('#VALUE!', M.negativeMean());
}
