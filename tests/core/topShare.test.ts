import fc from 'fast-check';
import { topCount, topShare, topShareSortedDesc } from '../../src/core/topShare';
import { permute } from './helpers/arbitraries';

describe('topCount', () => {
  it('a fraction below 1 is ceil(fraction · n)', () => {
    expect(topCount(5, 0.2)).toBe(1);
    expect(topCount(10, 0.2)).toBe(2); // exactly 2, not 3 from 0.2·10 rounding up
    expect(topCount(11, 0.2)).toBe(3);
    expect(topCount(1, 0.2)).toBe(1);
    expect(topCount(0, 0.2) + 0).toBe(0); // (-0 from ceil(-1e-9) is fine)
    expect(topCount(100, 0.1)).toBe(10);
    expect(topCount(30, 0.1)).toBe(3); // 0.1·30 = 3.0000000000000004 in floating point
    expect(topCount(5, 0.6)).toBe(3);
  });

  it('an integer ≥ 1 is a count of clients, capped at n', () => {
    expect(topCount(5, 1)).toBe(1);
    expect(topCount(5, 2)).toBe(2);
    expect(topCount(3, 10)).toBe(3);
  });

  it.each([[0], [-1], [NaN], [Infinity]])('rejects %p', (f) => {
    expect(() => topCount(5, f)).toThrow(/above 0/);
  });

  it('rejects a fractional count above 1', () => {
    expect(() => topCount(5, 1.5)).toThrow(/whole number/);
  });
});

describe('topShare', () => {
  it('the documented examples', () => {
    expect(topShare([50, 30, 10, 5, 5])).toBe(0.5);
    expect(topShare([50, 30, 10, 5, 5], 2)).toBe(0.8);
  });

  it('sorts first and ignores totals <= 0', () => {
    expect(topShare([5, 10, 50, 0, -20, 30, 5])).toBe(0.5);
    expect(topShare([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(19 / 55, 12);
  });

  it('0 without a positive total', () => {
    expect(topShare([])).toBe(0);
    expect(topShare([0, -5])).toBe(0);
    expect(topShareSortedDesc([], 3)).toBe(0);
  });

  it('is in (0, 1], at least the fraction of clients it covers, and order-free', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100000 }), { minLength: 1, maxLength: 100 }), fc.integer(), (values, seed) => {
        const s = topShare(values);
        const k = topCount(values.length, 0.2);
        expect(s).toBeGreaterThan(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s).toBeGreaterThanOrEqual(k / values.length - 1e-12);
        expect(topShare(permute(values, seed))).toBe(s);
        expect(topShare(values, values.length)).toBe(1);
      }),
    );
  });
});
