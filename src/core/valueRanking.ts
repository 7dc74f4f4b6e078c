import { sortedPositiveDesc } from './ranking';

/**
 * Ranking by value: the positive finite values sorted largest first (`desc`, as
 * sortedPositiveDesc) with their running sums `prefix[k] = desc[0] + … + desc[k−1]`, added in
 * this order, and `total = prefix[m]`.
 *
 * This is rankPositive's order (largest first, ties in input order) seen from the values alone:
 * clients with equal values are adjacent, so everything that depends only on a client's
 * position in that order — ABC class, cumulative share — can be answered for a single value by
 * binary search. The first client (in input order) with value v sits at rank `countAbove(v)`,
 * the number of values strictly greater than v. The running sums are added in the same order
 * as rankPositive and abcClasses add them, so shares match those functions to the last bit.
 *
 * @example valueRanking([5, 0, 9, 5]) // { desc: [9, 5, 5], prefix: [0, 9, 14, 19], total: 19 }
 * @example countAbove(valueRanking([5, 0, 9, 5]), 5) // 1
 */
export interface ValueRanking {
  /** Positive finite values, largest first. */
  desc: Float64Array;
  /** prefix[k] = sum of the k largest values; length desc.length + 1. */
  prefix: Float64Array;
  total: number;
}

export function valueRanking(values: ArrayLike<number>): ValueRanking {
  const desc = sortedPositiveDesc(values);
  const m = desc.length;
  const prefix = new Float64Array(m + 1);
  for (let k = 0; k < m; k++) prefix[k + 1] = prefix[k] + desc[k];
  return { desc, prefix, total: prefix[m] };
}

/** Number of values strictly greater than `v` (the rank, from 0, of the first client with value v). O(log n). */
export function countAbove(ranking: ValueRanking, v: number): number {
  const d = ranking.desc;
  let lo = 0;
  let hi = d.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d[mid] > v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when `v` is one of the ranked (positive) values. */
export function hasValue(ranking: ValueRanking, v: number): boolean {
  const k = countAbove(ranking, v);
  return k < ranking.desc.length && ranking.desc[k] === v;
}
