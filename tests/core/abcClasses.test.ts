import fc from 'fast-check';
import { abcClasses, DEFAULT_ABC, validateCutoffs } from '../../src/core/abcClasses';
import { MessageError } from '../../src/core/messages';
import { permute, clientsArb } from './helpers/arbitraries';

describe('abcClasses: exact examples', () => {
  it('[50, 30, 15, 5] → A, A, B, C (share before: 0, .5, .8, .95)', () => {
    const r = abcClasses([50, 30, 15, 5]);
    expect(r.classes).toEqual(['A', 'A', 'B', 'C']);
    expect([...r.cumShare]).toEqual([0.5, 0.8, 0.95, 1]);
    expect([...r.rank]).toEqual([1, 2, 3, 4]);
    expect(r.total).toBe(100);
    expect(r.excluded).toEqual([]);
    expect(r.summary).toEqual({ A: { clients: 2, revenue: 80 }, B: { clients: 1, revenue: 15 }, C: { clients: 1, revenue: 5 } });
  });

  it('is by position of the value, not of the input', () => {
    expect(abcClasses([5, 15, 50, 30]).classes).toEqual(['C', 'B', 'A', 'A']);
  });

  it('the client that crosses a cut-off belongs to the higher class', () => {
    expect(abcClasses([79, 1, 20]).classes).toEqual(['A', 'C', 'A']); // 20 crosses 80% → A
    expect(abcClasses([80, 20]).classes).toEqual(['A', 'B']); // 80% exactly before → B
    expect(abcClasses([100]).classes).toEqual(['A']);
  });

  it('ties are ordered by name, so the class does not depend on the row', () => {
    const keys = ['e', 'd', 'c', 'b', 'a'];
    const r = abcClasses([10, 10, 10, 10, 10], keys);
    // by name: a, b, c, d (A: before 0, .2, .4, .6), e (before .8 → B)
    expect(r.classes).toEqual(['B', 'A', 'A', 'A', 'A']);
    expect([...r.rank]).toEqual([5, 4, 3, 2, 1]);
  });

  it('totals <= 0 get no class and are excluded', () => {
    const r = abcClasses([0, -5, 10, NaN, 30]);
    expect(r.classes).toEqual([null, null, 'A', null, 'A']);
    expect(r.excluded).toEqual([0, 1, 3]);
    expect(r.total).toBe(40);
    expect([...r.rank]).toEqual([0, 0, 2, 0, 1]);
    expect(r.cumShare[0]).toBe(0);
  });

  it('empty or all-excluded input', () => {
    const r = abcClasses([0, -1]);
    expect(r.classes).toEqual([null, null]);
    expect(r.total).toBe(0);
    expect(r.summary).toEqual({ A: { clients: 0, revenue: 0 }, B: { clients: 0, revenue: 0 }, C: { clients: 0, revenue: 0 } });
    expect(abcClasses([]).classes).toEqual([]);
  });

  it('custom cut-offs', () => {
    expect(abcClasses([50, 30, 15, 5], undefined, { a: 0.5, b: 0.9 }).classes).toEqual(['A', 'B', 'B', 'C']);
  });

  it('rejects bad cut-offs', () => {
    expect(validateCutoffs(DEFAULT_ABC)).toBeUndefined();
    expect(validateCutoffs({ a: 0, b: 0.9 })).toEqual({ code: 'abc.cutoffA', params: { a: 0 } });
    expect(validateCutoffs({ a: 1, b: 1 })).toEqual({ code: 'abc.cutoffA', params: { a: 1 } });
    expect(validateCutoffs({ a: 0.9, b: 0.8 })).toEqual({ code: 'abc.cutoffB', params: { a: 0.9, b: 0.8 } });
    expect(validateCutoffs({ a: 0.8, b: 1.1 })).toEqual({ code: 'abc.cutoffB', params: { a: 0.8, b: 1.1 } });
    expect(validateCutoffs({ a: NaN, b: 0.9 })?.code).toBe('abc.cutoffA');
    expect(() => abcClasses([1], undefined, { a: 0.9, b: 0.8 })).toThrow(MessageError);
    expect(() => abcClasses([1], undefined, { a: 0.9, b: 0.8 })).toThrow('The B cut-off must be above the A cut-off of 0.9 and at most 1 (got 0.8).');
  });
});

describe('abcClasses: properties', () => {
  it('class revenue shares sum to 1 and class counts to the positive clients', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 }), (values) => {
        const r = abcClasses(values);
        const positive = values.filter((v) => v > 0);
        const s = r.summary;
        expect(s.A.clients + s.B.clients + s.C.clients).toBe(positive.length);
        expect(r.excluded.length).toBe(values.length - positive.length);
        if (r.total > 0) {
          expect(Math.abs((s.A.revenue + s.B.revenue + s.C.revenue) / r.total - 1)).toBeLessThan(1e-9);
          // the largest client is always A; cumShare of the last ranked is exactly 1
          const top = values.indexOf(Math.max(...positive));
          expect(r.classes[top]).toBe('A');
          expect(Math.max(...r.cumShare)).toBe(1);
        } else {
          expect(r.classes.every((c) => c === null)).toBe(true);
        }
      }),
    );
  });

  it('classes are monotone: a larger total never has a lower class', () => {
    const order = { A: 0, B: 1, C: 2 } as const;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 100 }), (values) => {
        const r = abcClasses(values);
        for (let i = 0; i < values.length; i++)
          for (let j = 0; j < values.length; j++) if (values[i] > values[j]) expect(order[r.classes[i]!]).toBeLessThanOrEqual(order[r.classes[j]!]);
      }),
    );
  });

  it('the class of each client does not depend on the input order', () => {
    fc.assert(
      fc.property(clientsArb(), fc.integer(), (clients, seed) => {
        const p = permute(clients, seed);
        const classOf = (cs: typeof clients) => {
          const r = abcClasses(
            cs.map((c) => c.total),
            cs.map((c) => c.key),
          );
          return Object.fromEntries(cs.map((c, i) => [c.key, [r.classes[i], r.rank[i], r.cumShare[i]]]));
        };
        expect(classOf(p)).toEqual(classOf(clients));
      }),
    );
  });
});
