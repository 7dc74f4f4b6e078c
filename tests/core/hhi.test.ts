import fc from 'fast-check';
import { hhi, hhiBand, hhiSortedDesc } from '../../src/core/hhi';
import { permute } from './helpers/arbitraries';

describe('hhi', () => {
  it('exact values', () => {
    expect(hhi([50, 50])).toBe(5000);
    expect(hhi([1])).toBe(10000);
    expect(hhi([70, 20, 10])).toBeCloseTo(4900 + 400 + 100, 9);
    expect(hhi([60, 30, 10, 0, -5])).toBeCloseTo(3600 + 900 + 100, 9);
  });

  it('n equal clients give 10000 / n', () => {
    for (const n of [1, 2, 3, 4, 5, 7, 10, 100, 1000]) expect(hhi(new Array(n).fill(123.45))).toBeCloseTo(10000 / n, 9);
  });

  it('no positive total → 0', () => {
    expect(hhi([])).toBe(0);
    expect(hhi([0, -1])).toBe(0);
    expect(hhiSortedDesc([])).toBe(0);
  });

  it('is in [10000/n, 10000] for n positive totals and does not depend on order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-3, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.integer(), (values, seed) => {
        const h = hhi(values);
        const n = values.length;
        expect(h).toBeGreaterThanOrEqual((10000 / n) * (1 - 1e-12));
        expect(h).toBeLessThanOrEqual(10000 * (1 + 1e-12));
        expect(Math.abs(hhi(permute(values, seed)) - h)).toBeLessThanOrEqual(1e-9 * h);
      }),
    );
  });

  it('bands under the 2023 and 2010 guidelines', () => {
    expect(hhiBand(999)).toBe('unconcentrated');
    expect(hhiBand(1000)).toBe('moderate');
    expect(hhiBand(1800)).toBe('moderate');
    expect(hhiBand(1800.1)).toBe('high');
    expect(hhiBand(1499, 2010)).toBe('unconcentrated');
    expect(hhiBand(1500, 2010)).toBe('moderate');
    expect(hhiBand(2500, 2010)).toBe('moderate');
    expect(hhiBand(2501, 2010)).toBe('high');
  });
});
