/**
 * Lorenz and Pareto curve points for charts.
 *
 * The Pareto curve runs over clients sorted largest first: point k is (k/n, share of the k
 * largest). The Lorenz curve is the same data from the smallest: (k/n, share of the k smallest).
 * Both start at (0, 0) and end at (1, 1). `maxPoints` downsamples a long curve by keeping evenly
 * spaced points **and** always the endpoints and the point where the cumulative share first
 * reaches `mark` (80%), so the chart's 80% crossing is exact.
 */
export interface CurvePoint {
  /** Share of clients, 0..1. */
  x: number;
  /** Cumulative share of revenue, 0..1. */
  y: number;
}

function build(desc: ArrayLike<number>, fromLargest: boolean, maxPoints: number, mark?: number): CurvePoint[] {
  const n = desc.length;
  if (n === 0) return [{ x: 0, y: 0 }, { x: 1, y: 1 }];
  let total = 0;
  for (let i = 0; i < n; i++) total += desc[i];
  const keep = new Set<number>([0, n]);
  const step = Math.max(1, Math.ceil(n / Math.max(2, maxPoints - 3)));
  for (let k = step; k < n; k += step) keep.add(k);
  const cum = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) {
    const v = fromLargest ? desc[k - 1] : desc[n - k];
    cum[k] = cum[k - 1] + v;
  }
  if (mark !== undefined && total > 0) {
    for (let k = 1; k <= n; k++) {
      if (cum[k] / total >= mark - 1e-12) {
        keep.add(k);
        break;
      }
    }
  }
  const ks = [...keep].sort((a, b) => a - b);
  return ks.map((k) => ({ x: k / n, y: k === n ? 1 : total > 0 ? cum[k] / total : 0 }));
}

/** Pareto curve from values sorted descending. */
export function paretoCurve(desc: ArrayLike<number>, maxPoints = 200, mark = 0.8): CurvePoint[] {
  return build(desc, true, maxPoints, mark);
}

/** Lorenz curve from values sorted descending (plotted from the smallest). */
export function lorenzCurve(desc: ArrayLike<number>, maxPoints = 200): CurvePoint[] {
  return build(desc, false, maxPoints, 0.2);
}
