import { giniSortedDesc } from './gini';
import { CurvePoint } from './lorenz';
import { cumulativeSums, lineRanks } from './paretoChart';

/**
 * Lorenz chart data: clients from the smallest to the largest on x, the share of the total they
 * make on y, the equality line y = x beside it, and the Gini coefficient — twice the area between
 * the two (population Gini, exact, see gini.ts).
 *
 * The curve is the Pareto curve seen from the other end: the k smallest make
 * L(k/n) = 1 − (share of the n − k largest). Its points are exact, at evenly spaced ranks plus a
 * doubling run towards the largest clients, where the curve is steepest; (0, 0) and (1, 1) always.
 * `bottomHalfShare` is what the ⌊n/2⌋ smallest make.
 *
 * @example lorenzChart([50, 30, 10, 5, 5]).gini            // 0.46
 * @example lorenzChart([50, 30, 10, 5, 5]).bottomHalfShare // 0.1 (the 2 smallest of 5)
 */
export interface LorenzChartData {
  clients: number;
  gini: number;
  /** The Lorenz curve, x and y from 0 to 1. */
  line: CurvePoint[];
  equality: CurvePoint[];
  /** Share made by the smaller half (⌊n/2⌋ smallest). */
  bottomHalfShare: number;
}

export function lorenzChart(desc: ArrayLike<number>, options: { linePoints?: number } = {}): LorenzChartData {
  const n = desc.length;
  const equality = [
    { x: 0, y: 0 },
    { x: 1, y: 1 },
  ];
  const cum = cumulativeSums(desc);
  const total = n > 0 ? cum[n] : 0;
  if (n === 0 || !(total > 0)) return { clients: n, gini: 0, line: equality.map((p) => ({ ...p })), equality, bottomHalfShare: 0 };
  // ranks from the largest (as the Pareto chart keeps them), mirrored
  const topRanks = lineRanks(n, [], options.linePoints ?? 200);
  const line: CurvePoint[] = [];
  for (let i = topRanks.length - 1; i >= 0; i--) {
    const top = topRanks[i];
    const k = n - top; // the k smallest
    const y = k === 0 ? 0 : k === n ? 1 : Math.max(0, Math.min(1, 1 - cum[top] / total));
    line.push({ x: k / n, y });
  }
  const half = Math.floor(n / 2);
  return {
    clients: n,
    gini: giniSortedDesc(desc),
    line,
    equality,
    bottomHalfShare: half === 0 ? 0 : Math.max(0, 1 - cum[n - half] / total),
  };
}
