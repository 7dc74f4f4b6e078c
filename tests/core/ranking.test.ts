import fc from 'fast-check';
import { rankPositive, sortedPositiveDesc } from '../../src/core/ranking';
import { permute } from './helpers/arbitraries';

describe('rankPositive', () => {
  it('the documented example', () => {
    const r = rankPositive([5, 0, 9, -1]);
    expect([...r.order]).toEqual([2, 0]);
    expect(r.excluded).toEqual([1, 3]);
    expect(r.total).toBe(14);
  });

  it('orders ties by key, then by input position', () => {
    expect([...rankPositive([5, 5, 5], ['c', 'a', 'b']).order]).toEqual([1, 2, 0]);
    expect([...rankPositive([5, 5, 5]).order]).toEqual([0, 1, 2]);
    expect([...rankPositive([5, 5, 9], ['x', 'x', 'a']).order]).toEqual([2, 0, 1]);
  });

  it('excludes zero, negative and non-finite totals', () => {
    const r = rankPositive([NaN, Infinity, 3, -Infinity, 0, -2]);
    expect([...r.order]).toEqual([2]);
    expect(r.excluded).toEqual([0, 1, 3, 4, 5]);
    expect(r.total).toBe(3);
  });

  it('empty input', () => {
    const r = rankPositive([]);
    expect(r.order.length).toBe(0);
    expect(r.excluded).toEqual([]);
    expect(r.total).toBe(0);
  });

  it('the order does not depend on input order when keys are distinct', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: -5, max: 5 })), { selector: (t) => t[0], maxLength: 30 }),
        fc.integer(),
        (rows, seed) => {
          const shuffled = permute(rows, seed);
          const keysOf = (rs: typeof rows) => {
            const r = rankPositive(
              rs.map((x) => x[1]),
              rs.map((x) => x[0]),
            );
            return { order: [...r.order].map((i) => rs[i][0]), total: r.total, excluded: r.excluded.map((i) => rs[i][0]).sort() };
          };
          expect(keysOf(shuffled)).toEqual(keysOf(rows));
        },
      ),
    );
  });
});

describe('sortedPositiveDesc', () => {
  it('keeps positive finite values, largest first', () => {
    expect([...sortedPositiveDesc([3, -1, 0, 10, NaN, Infinity, 2.5, 3])]).toEqual([10, 3, 3, 2.5]);
    expect(sortedPositiveDesc([])).toHaveLength(0);
  });
});
