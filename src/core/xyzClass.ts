import { AbcClass } from './abcClasses';
import { seriesStats } from './coefficientOfVariation';
import { Message, MessageError, msg } from './messages';

/**
 * XYZ class: how steady a client's purchases are, from the coefficient of variation (cv =
 * STDEV.P / AVERAGE, see coefficientOfVariation) of its per-period values (e.g. monthly revenue):
 * **X** when cv <= 10% (steady), **Y** when cv <= 25% (fluctuating), **Z** above (irregular).
 * The cut-offs are configurable (0 < x < y). A tolerance of 1e-12 keeps a cv that is 10% up to
 * rounding (0.10000000000000002) in X.
 *
 * No class is given, with the reason, when there are fewer than two periods (nothing to vary),
 * when the mean is 0 (no sales in these periods) or negative (returns exceed sales).
 * Combined with ABC, the class reads like `AX`: a large, steady client.
 *
 * @example xyzClass([90, 110])      // { kind: 'class', xyz: 'X', cv: 0.1, … }
 * @example xyzClass([50, 150])      // { kind: 'class', xyz: 'Z', cv: 0.5, … }
 * @example xyzClass([0, 0, 0])      // { kind: 'zeroMean', periods: 3 }
 */
export type XyzClass = 'X' | 'Y' | 'Z';

export interface XyzCutoffs {
  x: number;
  y: number;
}

export const DEFAULT_XYZ: XyzCutoffs = Object.freeze({ x: 0.1, y: 0.25 });

export const XYZ_TOLERANCE = 1e-12;

export type XyzResult =
  | { kind: 'class'; xyz: XyzClass; cv: number; mean: number; sd: number; periods: number }
  | { kind: 'tooFewPeriods'; periods: number }
  | { kind: 'zeroMean'; periods: number }
  | { kind: 'negativeMean'; periods: number; mean: number };

/** The problem with the cut-offs (0 < x < y, finite), or undefined. */
export function validateXyzCutoffs(c: XyzCutoffs): Message | undefined {
  if (!(c.x > 0 && Number.isFinite(c.x))) return msg('xyz.cutoffX', { x: c.x });
  if (!(c.y > c.x && Number.isFinite(c.y))) return msg('xyz.cutoffY', { x: c.x, y: c.y });
  return undefined;
}

export function xyzClass(values: ArrayLike<number>, cutoffs: XyzCutoffs = DEFAULT_XYZ): XyzResult {
  const problem = validateXyzCutoffs(cutoffs);
  if (problem) throw new MessageError(problem);
  const s = seriesStats(values);
  if (s.n < 2) return { kind: 'tooFewPeriods', periods: s.n };
  if (s.mean === 0) return { kind: 'zeroMean', periods: s.n };
  if (s.mean < 0) return { kind: 'negativeMean', periods: s.n, mean: s.mean };
  const xyz: XyzClass = s.cv <= cutoffs.x + XYZ_TOLERANCE ? 'X' : s.cv <= cutoffs.y + XYZ_TOLERANCE ? 'Y' : 'Z';
  return { kind: 'class', xyz, cv: s.cv, mean: s.mean, sd: s.sd, periods: s.n };
}

/** The combined ABC-XYZ class, e.g. abcXyzClass('A', 'X') === 'AX'. */
export function abcXyzClass(abc: AbcClass, xyz: XyzClass): string {
  return abc + xyz;
}
