import { countAbove, ValueRanking } from './valueRanking';

/**
 * Shares of one client's value among all client values (a value ranking):
 *
 * - **share** = v / T, T the sum of the positive values; 0 for v <= 0 or T = 0 (such clients are
 *   excluded from the Pareto figures, as in analyzeClients).
 * - **cumulative share** = (sum of the clients ranked before the client + v) / T, the `cumShare`
 *   of abcClasses for the *first* client with that value (ties in input order); exactly 1 for the
 *   last ranked client; 0 for v <= 0; undefined when v is not one of the values.
 *
 * @example shareOfValue(valueRanking([50, 30, 15, 5]), 15)           // 0.15
 * @example cumulativeShareOfValue(valueRanking([50, 30, 15, 5]), 15) // 0.95
 */
export function shareOfValue(ranking: ValueRanking, v: number): number {
  return v > 0 && v - v === 0 && ranking.total > 0 ? v / ranking.total : 0;
}

export function cumulativeShareOfValue(ranking: ValueRanking, v: number): number | undefined {
  if (!(v > 0)) return 0;
  const m = ranking.desc.length;
  const k = countAbove(ranking, v);
  if (k >= m || ranking.desc[k] !== v) return undefined;
  return k === m - 1 ? 1 : ranking.prefix[k + 1] / ranking.total;
}
