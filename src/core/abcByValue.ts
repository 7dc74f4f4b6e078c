import { AbcClass, AbcCutoffs, DEFAULT_ABC, validateCutoffs } from './abcClasses';
import { MessageError } from './messages';
import { countAbove, ValueRanking, valueRanking } from './valueRanking';

/**
 * ABC classes from a value ranking: exactly the classes of abcClasses (without client names, so
 * ties in input order), without sorting client indices — one numeric sort serves a whole column
 * (1,048,575 values) and then any single value in O(log n).
 *
 * abcClasses gives the client at rank k (0-based) the class A if the share before it,
 * prefix[k] / total, is below `a`, B if below `b`, else C. That share grows with k, so the classes
 * are fixed by two boundaries: `firstB`, the first rank whose share before is at least `a`, and
 * `firstC`, the first whose share is at least `b` (the number of clients when there is none).
 * The client that crosses a cut-off is the last of the higher class.
 *
 * A value tied across a boundary (several clients with the same amount) is split the way
 * abcClasses splits it: the earlier clients in input order take the higher class.
 * `abcClassOfValue` answers for the *first* client with that value.
 *
 * @example abcClassesByValue([50, 30, 15, 5]) // ['A', 'A', 'B', 'C'] (as abcClasses)
 * @example abcClassOfValue(valueRanking([50, 30, 15, 5]), abcBoundaries(valueRanking([50, 30, 15, 5])), 15) // 'B'
 */
export interface AbcBoundaries {
  cutoffs: AbcCutoffs;
  /** First rank in class B (or the client count). */
  firstB: number;
  /** First rank in class C (or the client count). */
  firstC: number;
}

function firstRankAtLeast(ranking: ValueRanking, share: number): number {
  const { prefix, total } = ranking;
  let lo = 0;
  let hi = ranking.desc.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (prefix[mid] / total < share) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Class boundaries for the cut-offs; throws MessageError for invalid cut-offs, as abcClasses. */
export function abcBoundaries(ranking: ValueRanking, cutoffs: AbcCutoffs = DEFAULT_ABC): AbcBoundaries {
  const problem = validateCutoffs(cutoffs);
  if (problem) throw new MessageError(problem);
  return { cutoffs, firstB: firstRankAtLeast(ranking, cutoffs.a), firstC: firstRankAtLeast(ranking, cutoffs.b) };
}

/** Class of the client at rank `k` (0-based). */
export function abcClassAtRank(b: AbcBoundaries, k: number): AbcClass {
  return k < b.firstB ? 'A' : k < b.firstC ? 'B' : 'C';
}

/**
 * Class of the first client with value `v`: null when v <= 0 (no class, as abcClasses),
 * undefined when v is not one of the ranked values.
 */
export function abcClassOfValue(ranking: ValueRanking, b: AbcBoundaries, v: number): AbcClass | null | undefined {
  if (!(v > 0)) return null;
  const k = countAbove(ranking, v);
  if (k >= ranking.desc.length || ranking.desc[k] !== v) return undefined;
  return abcClassAtRank(b, k);
}

/** abcClasses(values, undefined, cutoffs).classes in O(n log n) with a numeric sort. */
export function abcClassesByValue(values: ArrayLike<number>, cutoffs: AbcCutoffs = DEFAULT_ABC, ranking: ValueRanking = valueRanking(values)): Array<AbcClass | null> {
  const b = abcBoundaries(ranking, cutoffs);
  const m = ranking.desc.length;
  // The only values whose clients can fall in two classes are those at the boundaries.
  const vB = b.firstB < m ? ranking.desc[b.firstB] : NaN;
  const vC = b.firstC < m ? ranking.desc[b.firstC] : NaN;
  const seen = new Map<number, number>();
  const n = values.length;
  const out: Array<AbcClass | null> = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!(v > 0 && v - v === 0)) {
      out[i] = null;
    } else if (v === vB || v === vC) {
      const before = seen.get(v) ?? 0;
      seen.set(v, before + 1);
      out[i] = abcClassAtRank(b, countAbove(ranking, v) + before);
    } else {
      // all clients with this value lie on one side of each boundary
      out[i] = b.firstB === m || v > vB ? 'A' : b.firstC === m || v > vC ? 'B' : 'C';
    }
  }
  return out;
}
