/**
 * The one ordering every Pareto figure uses: totals descending, ties by normalised client
 * name (then by input position, so the order is total even without names). Only totals > 0
 * take part; the others are returned as `excluded`.
 *
 * @example rankPositive([5, 0, 9, -1]) // { order: [2, 0], excluded: [1, 3], total: 14 }
 */
export interface Ranking {
  /** Input indices of totals > 0, largest first. */
  order: Uint32Array;
  /** Input indices of totals <= 0 or not finite, in input order. */
  excluded: number[];
  /** Sum of the positive totals, added in `order` (deterministic). */
  total: number;
}

export function rankPositive(values: ArrayLike<number>, keys?: ArrayLike<string>): Ranking {
  const n = values.length;
  const idx: number[] = [];
  const excluded: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v > 0 && Number.isFinite(v)) idx.push(i);
    else excluded.push(i);
  }
  // a plain array sorts with a comparator much faster than a typed array in V8
  if (keys) {
    idx.sort((a, b) => {
      const d = values[b] - values[a];
      if (d !== 0) return d;
      const ka = keys[a];
      const kb = keys[b];
      return ka < kb ? -1 : ka > kb ? 1 : a - b;
    });
  } else {
    idx.sort((a, b) => values[b] - values[a] || a - b);
  }
  const order = Uint32Array.from(idx);
  let total = 0;
  for (let i = 0; i < order.length; i++) total += values[order[i]];
  return { order, excluded, total };
}

/** Positive finite values sorted descending (for the order-only figures: Gini, HHI, top-N). */
export function sortedPositiveDesc(values: ArrayLike<number>): Float64Array {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > 0 && Number.isFinite(values[i])) m++;
  const out = new Float64Array(m);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > 0 && Number.isFinite(values[i])) out[j++] = values[i];
  out.sort();
  out.reverse();
  return out;
}
