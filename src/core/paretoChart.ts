import { CurvePoint } from './lorenz';

/**
 * Pareto chart data: clients sorted by the measure, largest first, as bars; the cumulative share
 * of the total as a line; and the mark where that share first reaches 80%.
 *
 * **Bars.** Up to `maxBands` clients each get a bar of their own. Past that, neighbouring ranks
 * are grouped into bands of ⌈n / (maxBands − 1)⌉ clients, with one more band edge at the 80%
 * crossing so that no band straddles it: at most `maxBands` bands. A band's bar is the **mean**
 * per client in it (bands of different size compare fairly); its sum, smallest and largest client
 * come along for tooltips and the data table; the bands' sums add up to the total.
 *
 * **Line.** Never approximated: every point is (k / n, share of the k largest) for a rank k on a
 * band edge, k = 1, 2, 4, 8, … (the steep head of the curve), or one of `linePoints` evenly spaced
 * ranks — always including (0, 0), (1, 1) and the crossing, the first k whose cumulative share
 * is at least `mark` (a tolerance of 1e-12 keeps 0.7999999999999999 at 80%, as `paretoCurve`).
 *
 * Input: the positive values sorted descending (the analysis' ranking), optionally with the
 * client behind each rank for one-client bars. O(n).
 *
 * @example paretoChart([50, 30, 10, 5, 5]).crossing // { clients: 2, x: 0.4, y: 0.8 }
 * @example paretoChart(Float64Array.from({ length: 1000 }, (_, i) => 1000 - i), { maxBands: 20 }).bands.length // ≤ 20
 */
export interface ParetoBand {
  /** First and last rank in the band, 1-based and inclusive. */
  from: number;
  to: number;
  clients: number;
  /** Sum of the measure over the band. */
  amount: number;
  /** Mean per client: the bar's height. */
  mean: number;
  max: number;
  min: number;
  /** Cumulative share of the total at the band's last client. */
  cumShare: number;
  /** Within the clients up to the crossing (the "vital few"). */
  vital: boolean;
  /** The client, when the band is one client and names were given. */
  name?: string;
  key?: string;
}

export interface ParetoCrossing {
  /** Clients up to and including the one that takes the cumulative share to the mark. */
  clients: number;
  /** clients / n. */
  x: number;
  /** The exact cumulative share there (≥ mark). */
  y: number;
}

export interface ParetoChartData {
  clients: number;
  total: number;
  mark: number;
  bands: ParetoBand[];
  /** True when clients were grouped (more clients than maxBands). */
  banded: boolean;
  /** Clients per band before the split at the crossing (1 when not banded). */
  bandSize: number;
  line: CurvePoint[];
  crossing: ParetoCrossing | null;
}

export interface ParetoChartOptions {
  /** Most bars drawn (default 40, at least 2). */
  maxBands?: number;
  /** Evenly spaced line points, besides the band edges and the head (default 200). */
  linePoints?: number;
  /** The share marked on the chart (default 0.8). */
  mark?: number;
  /** The client at each rank (index 0 = the largest), for one-client bars. */
  clientAt?: (index: number) => { key: string; name: string };
}

export const MARK_TOLERANCE = 1e-12;

/** Cumulative sums of the values: cum[k] = sum of the first k (cum[0] = 0). */
export function cumulativeSums(desc: ArrayLike<number>): Float64Array {
  const n = desc.length;
  const cum = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) cum[k] = cum[k - 1] + desc[k - 1];
  return cum;
}

/** First k (1..n) with cum[k] / total ≥ mark − 1e-12, or 0 when there is none. */
export function crossingRank(cum: Float64Array, mark: number): number {
  const n = cum.length - 1;
  const total = cum[n];
  if (!(total > 0)) return 0;
  // cum is non-decreasing for positive values: binary search
  let lo = 1;
  let hi = n;
  if (cum[n] / total < mark - MARK_TOLERANCE) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] / total >= mark - MARK_TOLERANCE) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The share of the k largest, exact, with the last point pinned to 1. */
function shareAt(cum: Float64Array, k: number): number {
  const n = cum.length - 1;
  if (k >= n) return 1;
  const total = cum[n];
  if (!(total > 0)) return 0;
  return Math.min(1, cum[k] / total);
}

/** Ranks for the line: edges, the doubling head, evenly spaced ranks, 0 and n. Sorted, unique. */
export function lineRanks(n: number, edges: Iterable<number>, linePoints: number): number[] {
  const keep = new Set<number>([0, n]);
  for (const e of edges) keep.add(e);
  for (let k = 1; k < n; k *= 2) keep.add(k);
  const step = Math.max(1, Math.ceil(n / Math.max(1, linePoints)));
  for (let k = step; k < n; k += step) keep.add(k);
  return [...keep].filter((k) => k >= 0 && k <= n).sort((a, b) => a - b);
}

export function paretoChart(desc: ArrayLike<number>, options: ParetoChartOptions = {}): ParetoChartData {
  const n = desc.length;
  const mark = options.mark ?? 0.8;
  const maxBands = Math.max(2, Math.floor(options.maxBands ?? 40));
  const linePoints = Math.max(2, Math.floor(options.linePoints ?? 200));
  const cum = cumulativeSums(desc);
  const total = n > 0 ? cum[n] : 0;
  if (n === 0 || !(total > 0)) {
    return { clients: n, total, mark, bands: [], banded: false, bandSize: 1, line: [{ x: 0, y: 0 }, { x: 1, y: 1 }], crossing: null };
  }
  const k80 = crossingRank(cum, mark);
  const banded = n > maxBands;
  const bandSize = banded ? Math.ceil(n / (maxBands - 1)) : 1;
  const edges: number[] = [];
  for (let k = 0; k < n; k += bandSize) edges.push(k);
  edges.push(n);
  if (k80 > 0 && !edges.includes(k80)) {
    edges.push(k80);
    edges.sort((a, b) => a - b);
  }
  const bands: ParetoBand[] = [];
  for (let b = 0; b + 1 < edges.length; b++) {
    const lo = edges[b];
    const hi = edges[b + 1];
    const clients = hi - lo;
    const amount = cum[hi] - cum[lo];
    const band: ParetoBand = {
      from: lo + 1,
      to: hi,
      clients,
      amount,
      mean: amount / clients,
      // values are sorted descending: the first is the largest
      max: desc[lo],
      min: desc[hi - 1],
      cumShare: shareAt(cum, hi),
      vital: k80 > 0 && hi <= k80,
    };
    if (clients === 1 && options.clientAt) {
      const c = options.clientAt(lo);
      band.key = c.key;
      band.name = c.name;
    }
    bands.push(band);
  }
  const line = lineRanks(n, edges, linePoints).map((k) => ({ x: k / n, y: k === 0 ? 0 : shareAt(cum, k) }));
  return {
    clients: n,
    total,
    mark,
    bands,
    banded,
    bandSize,
    line,
    crossing: k80 > 0 ? { clients: k80, x: k80 / n, y: shareAt(cum, k80) } : null,
  };
}
