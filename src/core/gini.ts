import { sortedPositiveDesc } from './ranking';

/**
 * Population Gini coefficient of the positive totals:
 *
 *   G = Σ_i Σ_j |x_i − x_j| / (2 n² μ)
 *
 * computed in O(n log n) from the ascending order x_(1) ≤ … ≤ x_(n):
 *
 *   G = Σ_k (2k − n − 1) x_(k) / (n Σ x)
 *
 * 0 when everyone has the same, (n−1)/n when one client has everything; so always in [0, 1).
 * Totals <= 0 are left out, as everywhere in the Pareto figures.
 * Source: https://en.wikipedia.org/wiki/Gini_coefficient#Calculation
 *
 * @example gini([1, 1, 1, 1]) // 0
 * @example gini([0, 0, 0, 10]) // 0 (only one positive client)
 * @example gini([1, 2, 3, 4]) // 0.25
 */
export function gini(values: ArrayLike<number>): number {
  return giniSortedDesc(sortedPositiveDesc(values));
}

/** Gini of values already sorted descending and positive. */
export function giniSortedDesc(desc: ArrayLike<number>): number {
  const n = desc.length;
  if (n === 0) return 0;
  let sum = 0;
  let weighted = 0;
  // ascending rank k = n - i for descending index i
  for (let i = 0; i < n; i++) {
    const k = n - i;
    sum += desc[i];
    weighted += (2 * k - n - 1) * desc[i];
  }
  const g = weighted / (n * sum);
  return g < 0 ? 0 : g;
}
