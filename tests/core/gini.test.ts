import fc from 'fast-check';
import { gini, giniSortedDesc } from '../../src/core/gini';
import { sortedPositiveDesc } from '../../src/core/ranking';
import { permute } from './helpers/arbitraries';

/** The definition, O(n²): G = Σ_i Σ_j |x_i − x_j| / (2 n² μ), over the positive values. */
function giniBrute(values: number[]): number {
  const x = values.filter((v) => v > 0 && Number.isFinite(v));
  const n = x.length;
  if (n === 0) return 0;
  let diff = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += x[i];
    for (let j = 0; j < n; j++) diff += Math.abs(x[i] - x[j]);
  }
  return diff / (2 * n * sum);
}

describe('gini: exact values', () => {
  it('the documented examples', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 10])).toBe(0);
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 12);
  });

  it('one client with everything: (n − 1) / n', () => {
    expect(gini([100, 1e-12, 1e-12, 1e-12, 1e-12])).toBeCloseTo(0.8, 9);
    expect(gini([1, 3])).toBeCloseTo(0.25, 12); // |1−3|·2 / (2·4·2)
  });

  it('ignores zero, negative and non-finite totals; empty → 0', () => {
    expect(gini([1, 2, 3, 4, 0, -7, NaN])).toBeCloseTo(0.25, 12);
    expect(gini([])).toBe(0);
    expect(gini([-1, 0])).toBe(0);
    expect(gini([5])).toBe(0);
  });

  it('giniSortedDesc agrees with gini', () => {
    const v = [7, 1, 3, 3, 10];
    expect(giniSortedDesc(sortedPositiveDesc(v))).toBe(gini(v));
  });
});

describe('gini: properties', () => {
  it('matches the O(n²) definition on random data', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e5, max: 1e6, noNaN: true, noDefaultInfinity: true }), { maxLength: 150 }), (values) => {
        expect(Math.abs(gini(values) - giniBrute(values))).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('is in [0, 1) — and at most (n−1)/n', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-3, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 200 }), (values) => {
        const g = gini(values);
        const n = values.length;
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThan(1);
        expect(g).toBeLessThanOrEqual((n - 1) / n + 1e-12);
      }),
    );
  });

  it('does not depend on input order and is scale-free', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 10000 }), { maxLength: 100 }), fc.integer(), (values, seed) => {
        const g = gini(values);
        expect(gini(permute(values, seed))).toBe(g);
        expect(Math.abs(gini(values.map((v) => v * 1000)) - g)).toBeLessThan(1e-12);
      }),
    );
  });
});
