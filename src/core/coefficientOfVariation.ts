/**
 * Coefficient of variation of a series, cv = σ / μ, with σ the *population* standard deviation
 * (Excel's STDEV.P) and μ the mean (AVERAGE), both over the numbers given:
 *
 *   μ = Σ x_i / n,   σ = √( Σ (x_i − μ)² / n )   (two passes, as STDEV.P, for accuracy)
 *
 * It measures how steady a series is relative to its level: 0 for a constant series, 0.1 when a
 * client's monthly sales typically stray 10% from their average. Undefined (NaN) when there are
 * no numbers or the mean is 0; negative when the mean is negative.
 * Source: https://en.wikipedia.org/wiki/Coefficient_of_variation ; compare simple-statistics
 * `coefficientOfVariation` (which uses the sample deviation).
 *
 * @example coefficientOfVariation([90, 110]) // 0.1
 * @example coefficientOfVariation([100, 100, 100]) // 0
 * @example coefficientOfVariation([0, 0]) // NaN
 */
export interface SeriesStats {
  n: number;
  mean: number;
  /** Population standard deviation (STDEV.P). */
  sd: number;
  /** sd / mean; NaN when n = 0 or mean = 0. */
  cv: number;
}

export function seriesStats(values: ArrayLike<number>): SeriesStats {
  const n = values.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, cv: NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    ss += d * d;
  }
  const sd = Math.sqrt(ss / n);
  return { n, mean, sd, cv: mean === 0 ? NaN : sd / mean };
}

export function coefficientOfVariation(values: ArrayLike<number>): number {
  return seriesStats(values).cv;
}
