/**
 * The pure pieces issue 3 added to src/core (value ranking, ABC by value, shares, coefficient of
 * variation / XYZ, contact cadence, two-column tables, range numbers). They live beside the
 * function tests because tests/core belongs to another change; they import src/core only.
 */
import fc from 'fast-check';
import {
  abcBoundaries,
  abcClasses,
  abcClassesByValue,
  abcClassOfValue,
  coefficientOfVariation,
  contactCadence,
  countAbove,
  cumulativeShareOfValue,
  DEFAULT_CADENCE,
  hasValue,
  numbersInRange,
  rankPositive,
  readLabelTable,
  seriesStats,
  shareOfValue,
  sortedPositiveDesc,
  validateCadenceRow,
  valueRanking,
  xyzClass,
  abcXyzClass,
} from '../../src/core';

const amounts = fc.array(fc.oneof(fc.integer({ min: -5, max: 40 }), fc.double({ min: -10, max: 1e6, noNaN: true }), fc.constantFrom(0, 7, 7.5)), { maxLength: 120 });
const cutoffs = fc
  .tuple(fc.double({ min: 0.01, max: 0.98, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }))
  .filter(([a, b]) => b > a)
  .map(([a, b]) => ({ a, b }));

describe('valueRanking', () => {
  test('documented example', () => {
    const r = valueRanking([5, 0, 9, 5]);
    expect([...r.desc]).toEqual([9, 5, 5]);
    expect([...r.prefix]).toEqual([0, 9, 14, 19]);
    expect(r.total).toBe(19);
    expect(countAbove(r, 5)).toBe(1);
    expect(hasValue(r, 5)).toBe(true);
    expect(hasValue(r, 0)).toBe(false);
    expect(hasValue(r, 6)).toBe(false);
  });

  test('same order and total as rankPositive, to the last bit', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const r = valueRanking(values);
        const rp = rankPositive(values);
        expect([...r.desc]).toEqual(Array.from(rp.order, (i) => values[i]));
        expect(r.desc).toEqual(sortedPositiveDesc(values));
        expect(r.total).toBe(rp.total);
      }),
    );
  });
});

describe('abcByValue', () => {
  test('documented examples', () => {
    expect(abcClassesByValue([50, 30, 15, 5])).toEqual(['A', 'A', 'B', 'C']);
    const r = valueRanking([50, 30, 15, 5]);
    expect(abcClassOfValue(r, abcBoundaries(r), 15)).toBe('B');
    expect(abcClassOfValue(r, abcBoundaries(r), 16)).toBeUndefined();
    expect(abcClassOfValue(r, abcBoundaries(r), 0)).toBeNull();
  });

  test('a tie across a boundary splits as abcClasses does (earlier clients in the higher class)', () => {
    expect(abcClassesByValue([10, 10, 10, 10], { a: 0.5, b: 0.9 })).toEqual(['A', 'A', 'B', 'B']);
    expect(abcClasses([10, 10, 10, 10], undefined, { a: 0.5, b: 0.9 }).classes).toEqual(['A', 'A', 'B', 'B']);
  });

  test('identical to abcClasses for any values and cut-offs; one value = its first client', () => {
    fc.assert(
      fc.property(amounts, cutoffs, (values, c) => {
        const core = abcClasses(values, undefined, c);
        expect(abcClassesByValue(values, c)).toEqual(core.classes);
        const r = valueRanking(values);
        const b = abcBoundaries(r, c);
        values.forEach((v, i) => {
          if (values.indexOf(v) === i) {
            expect(abcClassOfValue(r, b, v)).toBe(core.classes[i]);
            expect(cumulativeShareOfValue(r, v)).toBe(core.cumShare[i]);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  test('invalid cut-offs throw the same MessageError as abcClasses', () => {
    expect(() => abcClassesByValue([1, 2], { a: 0.9, b: 0.5 })).toThrow(/B cut-off/);
    expect(() => abcClasses([1, 2], undefined, { a: 0.9, b: 0.5 })).toThrow(/B cut-off/);
  });
});

describe('shares', () => {
  test('documented examples and edge cases', () => {
    const r = valueRanking([50, 30, 15, 5]);
    expect(shareOfValue(r, 15)).toBeCloseTo(0.15, 15);
    expect(cumulativeShareOfValue(r, 15)).toBeCloseTo(0.95, 15);
    expect(cumulativeShareOfValue(r, 5)).toBe(1);
    expect(cumulativeShareOfValue(r, -1)).toBe(0);
    expect(cumulativeShareOfValue(r, 4)).toBeUndefined();
    expect(shareOfValue(valueRanking([]), 5)).toBe(0);
  });
});

describe('numbersInRange', () => {
  test('numbers only, as SUM reads a reference', () => {
    expect([...numbersInRange([[5], [null], ['x'], [true], ['#N/A'], [7], ['8'], [{ code: '#N/A' }], [Infinity], [NaN]])]).toEqual([5, 7]);
    expect([...numbersInRange([[1, 2], [3], []])]).toEqual([1, 2, 3]);
  });
});

describe('readLabelTable', () => {
  test('documented example', () => {
    const t = readLabelTable([['Tier', 'Min'], ['VIP', 100000], ['Key', '50 000'], ['Standard', null]]);
    expect(t).toEqual({
      ok: true,
      labelColumn: 0,
      rows: [
        { label: 'VIP', value: 100000, row: 2 },
        { label: 'Key', value: 50000, row: 3 },
        { label: 'Standard', value: null, row: 4 },
      ],
    });
  });

  test('swapped columns, sideways tables, blank rows', () => {
    expect(readLabelTable([[100, 'VIP'], [null, null], [0, 'Base']])).toEqual({ ok: true, labelColumn: 1, rows: [{ label: 'VIP', value: 100, row: 1 }, { label: 'Base', value: 0, row: 3 }] });
    expect(readLabelTable([['A', 'B', 'C'], [1, 3, 12]])).toMatchObject({ ok: true, rows: [{ label: 'A', value: 1 }, { label: 'B', value: 3 }, { label: 'C', value: 12 }] });
  });

  test('problems name the row and column', () => {
    expect(readLabelTable([[1, 2, 3], [4, 5, 6], [7, 8, 9]])).toEqual({ ok: false, problem: { kind: 'shape', rows: 3, columns: 3 } });
    expect(readLabelTable([[null, null]])).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(readLabelTable([['VIP', 1], ['Key', 'x']])).toEqual({ ok: false, problem: { kind: 'notNumber', row: 2, column: 2, text: 'x' } });
    expect(readLabelTable([['VIP', 1], ['Key', '1,234']])).toMatchObject({ ok: false, problem: { kind: 'ambiguous', row: 2, column: 2 } });
    expect(readLabelTable([['VIP', 1], [null, 2]])).toEqual({ ok: false, problem: { kind: 'noLabel', row: 2, column: 1 } });
    expect(readLabelTable([['VIP', 1], ['#REF!', 2]])).toEqual({ ok: false, problem: { kind: 'error', row: 2, column: 1, code: '#REF!' } });
  });
});

describe('coefficient of variation and XYZ', () => {
  test('documented examples; STDEV.P over AVERAGE', () => {
    expect(coefficientOfVariation([90, 110])).toBeCloseTo(0.1, 15);
    expect(coefficientOfVariation([100, 100, 100])).toBe(0);
    expect(coefficientOfVariation([0, 0])).toBeNaN();
    const s = seriesStats([2, 4, 4, 4, 5, 5, 7, 9]); // the textbook STDEV.P example: σ = 2
    expect(s.mean).toBe(5);
    expect(s.sd).toBe(2);
    expect(s.cv).toBe(0.4);
  });

  test('classes, cut-offs inclusive, and no class with the reason', () => {
    expect(xyzClass([90, 110])).toMatchObject({ kind: 'class', xyz: 'X' });
    expect(xyzClass([75, 125])).toMatchObject({ kind: 'class', xyz: 'Y' });
    expect(xyzClass([50, 150])).toMatchObject({ kind: 'class', xyz: 'Z', cv: 0.5 });
    expect(xyzClass([0, 0, 0])).toEqual({ kind: 'zeroMean', periods: 3 });
    expect(xyzClass([1, -3])).toEqual({ kind: 'negativeMean', periods: 2, mean: -1 });
    expect(xyzClass([5])).toEqual({ kind: 'tooFewPeriods', periods: 1 });
    expect(() => xyzClass([1, 2], { x: 0.3, y: 0.2 })).toThrow('The Y cut-off must be above the X cut-off of 0.3 (got 0.2).');
    expect(abcXyzClass('A', 'X')).toBe('AX');
  });

  test('scale-free: multiplying all periods by a positive factor keeps the class', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 24 }), fc.integer({ min: 2, max: 1000 }), (xs, k) => {
        const a = xyzClass(xs);
        const b = xyzClass(xs.map((x) => x * k));
        expect(a.kind).toBe('class');
        if (a.kind === 'class' && b.kind === 'class') expect(b.cv).toBeCloseTo(a.cv, 9);
      }),
    );
  });
});

describe('contactCadence', () => {
  test('the VIP programme defaults and own tables', () => {
    expect(contactCadence('VIP')).toBe(1);
    expect(contactCadence('ax')).toBe(3);
    expect(contactCadence('Standard')).toBe(12);
    expect(contactCadence('')).toBeUndefined();
    expect(contactCadence('Gold', [{ segment: 'Gold', months: 2 }])).toBe(2);
    expect(contactCadence('VIP', [{ segment: 'Gold', months: 2 }])).toBeUndefined();
    for (const r of DEFAULT_CADENCE) expect(validateCadenceRow(r)).toBeUndefined();
    expect(validateCadenceRow({ segment: 'X', months: 0 })).toEqual({ code: 'cadence.months', params: { segment: 'X', months: 0 } });
    expect(validateCadenceRow({ segment: ' ', months: 1 })).toEqual({ code: 'cadence.segmentEmpty' });
  });
});
