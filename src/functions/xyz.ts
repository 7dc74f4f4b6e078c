import { numbersInRange } from '../core/rangeNumbers';
import { validateXyzCutoffs, XyzClass, xyzClass, XyzCutoffs } from '../core/xyzClass';
import { fail, Grid, readPair } from './excelArgs';
import { M } from './messages';

/** XYZ cut-offs from a two-number argument; unusable ones are #VALUE! naming the argument. */
export function readXyzCutoffs(grid: Grid, name: string): XyzCutoffs {
  const [x, y] = readPair(grid, name);
  const problem = validateXyzCutoffs({ x, y });
  if (problem) fail('#VALUE!', M.problem(name, problem));
  return { x, y };
}

/** XYZ class of a range of per-period values (core xyzClass); no class → #VALUE! saying why. */
export function xyzOf(periodValues: Grid, cutoffs: XyzCutoffs): XyzClass {
  const r = xyzClass(numbersInRange(periodValues), cutoffs);
  if (r.kind === 'class') return r.xyz;
  if (r.kind === 'tooFewPeriods') fail('#VALUE!', M.tooFewPeriods(r.periods));
  if (r.kind === 'zeroMean') fail('#VALUE!', M.zeroMean());
  fail('#VALUE!', M.negativeMean());
}
