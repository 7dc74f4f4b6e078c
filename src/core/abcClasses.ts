import { Message, MessageError, msg } from './messages';
import { rankPositive, Ranking } from './ranking';

/**
 * ABC (Pareto) classes. Clients are sorted by total descending (ties by normalised name); a
 * client is **A** if the cumulative share of the clients *before* it is below `a` (80%),
 * **B** if below `b` (95%), else **C**. So the client that crosses a cut-off belongs to the
 * higher class. Clients with total <= 0 get no class (`null`) and are reported as excluded.
 *
 * @example abcClasses([50, 30, 15, 5]) // ['A', 'A', 'B', 'C'] (before: 0, .5, .8, .95)
 */
export type AbcClass = 'A' | 'B' | 'C';

export interface AbcCutoffs {
  a: number;
  b: number;
}

export const DEFAULT_ABC: AbcCutoffs = Object.freeze({ a: 0.8, b: 0.95 });

export interface AbcResult {
  classes: Array<AbcClass | null>;
  /** Cumulative share including the client itself, by input index (0 for excluded). */
  cumShare: Float64Array;
  /** Rank (1 = largest) by input index, 0 for excluded. */
  rank: Uint32Array;
  excluded: number[];
  total: number;
  summary: Record<AbcClass, { clients: number; revenue: number }>;
}

/** The problem with the cut-offs (0 < a < b <= 1), or undefined. */
export function validateCutoffs(c: AbcCutoffs): Message | undefined {
  if (!(c.a > 0 && c.a < 1)) return msg('abc.cutoffA', { a: c.a });
  if (!(c.b > c.a && c.b <= 1)) return msg('abc.cutoffB', { a: c.a, b: c.b });
  return undefined;
}

export function abcClasses(values: ArrayLike<number>, keys?: ArrayLike<string>, cutoffs: AbcCutoffs = DEFAULT_ABC, ranked?: Ranking): AbcResult {
  const problem = validateCutoffs(cutoffs);
  if (problem) throw new MessageError(problem);
  const { order, excluded, total } = ranked ?? rankPositive(values, keys);
  const n = values.length;
  const classes: Array<AbcClass | null> = new Array(n).fill(null);
  const cumShare = new Float64Array(n);
  const rank = new Uint32Array(n);
  const summary: AbcResult['summary'] = { A: { clients: 0, revenue: 0 }, B: { clients: 0, revenue: 0 }, C: { clients: 0, revenue: 0 } };
  let before = 0;
  for (let r = 0; r < order.length; r++) {
    const i = order[r];
    const v = values[i];
    const shareBefore = before / total;
    const cls: AbcClass = shareBefore < cutoffs.a ? 'A' : shareBefore < cutoffs.b ? 'B' : 'C';
    classes[i] = cls;
    before += v;
    cumShare[i] = r === order.length - 1 ? 1 : before / total;
    rank[i] = r + 1;
    summary[cls].clients++;
    summary[cls].revenue += v;
  }
  return { classes, cumShare, rank, excluded, total, summary };
}
