import { numbersInRange } from '../core/rangeNumbers';
import { XyzClass, xyzClass, XyzCutoffs } from '../core/xyzClass';
import { fail, Grid } from './excelArgs';
import { M } from './messages';

/** XYZ class of a range of per-period values (core xyzClass); no class → #VALUE! saying why. */
export function xyzOf(periodValues: Grid, cutoffs: XyzCutoffs): XyzClass {
  const r = xyzClass(numbersInRange(periodValues), cutoffs);
  if (r.kind === 'class') return r.xyz;
  if (r.kind === 'tooFewPeriods') fail('#VALUE!', M.tooFewPeriods(r.periods));
  if (r.kind === 'zeroMean') fail('#VALUE!', M.zeroMean());
  fail('#VALUE!', M.negativeMean());
}
