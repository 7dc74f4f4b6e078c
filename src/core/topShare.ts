import { Message, MessageError, msg } from './messages';
import { sortedPositiveDesc } from './ranking';

/**
 * Share of the positive total made by the largest clients. `fraction` below 1 means a share of
 * clients: the ceil(fraction · n) largest (top 20% = ceil(0.2 n)); an integer >= 1 means the top
 * N clients. 0 when there is no positive total.
 *
 * @example topShare([50, 30, 10, 5, 5]) // 0.5 (ceil(0.2·5) = 1 client)
 * @example topShare([50, 30, 10, 5, 5], 2) // 0.8
 */
export function topShare(values: ArrayLike<number>, fraction = 0.2): number {
  return topShareSortedDesc(sortedPositiveDesc(values), fraction);
}

/** The problem with a top fraction (above 0; from 1 on, a whole number of clients), or undefined. */
export function validateTopFraction(fraction: number): Message | undefined {
  if (!(fraction > 0) || !Number.isFinite(fraction)) return msg('topShare.fraction', { fraction });
  if (fraction >= 1 && !Number.isInteger(fraction)) return msg('topShare.count', { count: fraction });
  return undefined;
}

/** How many of `n` clients the top `fraction` takes; throws MessageError for an unusable fraction. */
export function topCount(n: number, fraction: number): number {
  const problem = validateTopFraction(fraction);
  if (problem) throw new MessageError(problem);
  if (fraction < 1) return Math.max(0, Math.ceil(fraction * n - 1e-9));
  return Math.min(fraction, n);
}

export function topShareSortedDesc(desc: ArrayLike<number>, fraction = 0.2): number {
  const n = desc.length;
  const k = topCount(n, fraction);
  let total = 0;
  let top = 0;
  for (let i = 0; i < n; i++) {
    total += desc[i];
    if (i < k) top += desc[i];
  }
  return total > 0 ? top / total : 0;
}
