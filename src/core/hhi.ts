import { sortedPositiveDesc } from './ranking';

/**
 * Herfindahl–Hirschman index of revenue concentration: HHI = Σ (100 · s_i)², where s_i is a
 * client's share of the positive total. 10000 / n for n equal clients, 10000 for one client.
 * The 2023 US Merger Guidelines call a market above 1,800 highly concentrated; the 2010 ones
 * used < 1,500 unconcentrated, 1,500–2,500 moderate, > 2,500 high.
 * Source: https://www.justice.gov/atr/herfindahl-hirschman-index
 *
 * @example hhi([50, 50]) // 5000
 */
export function hhi(values: ArrayLike<number>): number {
  return hhiSortedDesc(sortedPositiveDesc(values));
}

export function hhiSortedDesc(desc: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < desc.length; i++) sum += desc[i];
  if (sum <= 0) return 0;
  let h = 0;
  for (let i = 0; i < desc.length; i++) {
    const s = (100 * desc[i]) / sum;
    h += s * s;
  }
  return h;
}

export type HhiBand = 'unconcentrated' | 'moderate' | 'high';

/** Band of an HHI under the 2023 guidelines (high above 1,800) or the 2010 ones. */
export function hhiBand(h: number, guidelines: 2023 | 2010 = 2023): HhiBand {
  if (guidelines === 2023) return h > 1800 ? 'high' : h >= 1000 ? 'moderate' : 'unconcentrated';
  return h > 2500 ? 'high' : h >= 1500 ? 'moderate' : 'unconcentrated';
}
